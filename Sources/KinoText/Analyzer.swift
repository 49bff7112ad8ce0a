/// Turns Russian and English text into terms, the same way at index time and at query time.
///
/// The pipeline: ICU word breaking (UAX #29 word boundaries); hyphenated words kept whole and in parts
/// ("Человек-паук" → "человекпаук", "человек", "паук"); normalization (NFKC case folding, "ё" → "е", Latin diacritics
/// removed, apostrophes dropped: "Amélie" → "amelie", "Don't" → "dont"); Snowball stemming with the Russian stemmer
/// for Cyrillic words and the English one for Latin words.
///
/// An analyzer is a value and can be shared freely between tasks: each call borrows its own ICU break iterator and
/// stemmers from a pool. Any input is accepted, in time linear in its length; words longer than 256 UTF-16 code
/// units are dropped. Invalid UTF-8 read from files should be decoded with `String(decoding:as:)`, which replaces
/// it with U+FFFD.
public struct Analyzer: Sendable {
    /// Whether tokens get Snowball stems; when off, ``Token/stem`` equals ``Token/normalized``.
    public var stemming: Bool

    /// Makes an analyzer, stemming by default.
    public init(stemming: Bool = true) {
        self.stemming = stemming
    }

    /// All tokens of `text` in order, with their positions.
    public func tokens(_ text: String) -> [Token] {
        tokens(text, fully: false)
    }

    /// ``tokens(_:)`` through the whole analysis even for a word of one keyboard alphabet, which analysis otherwise
    /// reads without word breaking or normalization.
    func analyzedTokens(_ text: String) -> [Token] {
        tokens(text, fully: true)
    }

    private func tokens(_ text: String, fully: Bool) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(text.utf8.count / 5 + 1)
        let utf8 = text.utf8
        var copy = text
        WorkspacePool.shared.withWorkspace { workspace in
            copy.withUTF8 { all in
                if fully {
                    workspace.tokenizer.analyzeFully(utf8: all, stemming: stemming, append)
                } else {
                    workspace.tokenizer.analyze(utf8: all, stemming: stemming, append)
                }
            }
        }
        func append(_ raw: RawToken) {
            let start = utf8.index(utf8.startIndex, offsetBy: raw.utf8Range.lowerBound)
            let end = utf8.index(start, offsetBy: raw.utf8Range.count)
            let normalized = String(decoding: raw.normalized, as: UTF8.self)
            let stem = raw.stem.hasSameBytes(as: raw.normalized)
                ? normalized : String(decoding: raw.stem, as: UTF8.self)
            result.append(Token(text: text[start..<end], normalized: normalized, stem: stem, script: raw.script,
                                position: raw.position, kind: raw.kind, utf8Range: raw.utf8Range))
        }
        return result
    }

    /// Calls `body` with each token of `text` in order, as views of the analysis buffers: no strings are made. The
    /// views are valid only inside `body`.
    public func forEachToken(in text: String, _ body: (RawToken) -> Void) {
        WorkspacePool.shared.withWorkspace { workspace in
            workspace.tokenizer.analyze(text, stemming: stemming, body)
        }
    }

    /// The same over the UTF-8 of a text (a slice of a `String`'s UTF-8 cut between scalars): token ranges are
    /// offsets in `utf8`.
    public func forEachToken(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (RawToken) -> Void) {
        WorkspacePool.shared.withWorkspace { workspace in
            workspace.tokenizer.analyze(utf8: utf8, stemming: stemming, body)
        }
    }

    /// Where the one word of `utf8` is when analysis reads it as a plain word of one keyboard alphabet (A–Z and a–z,
    /// or А–я, Ё and ё), between ASCII punctuation or not: its token is then that range, normalized as the same
    /// letters lower-cased with "ё" as "е", and stemmed as any other word of that form. nil for any other text.
    public static func plainWord(inUTF8 utf8: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        Tokenizer.plainWordRange(utf8)
    }

    /// The stem each of `words` gets as a query word: that of its first word or compound token, or the word itself
    /// when it has none. Words of one keyboard alphabet, such as the index's normalized words, go straight to the
    /// stemmer (see ``Tokenizer/analyze(utf8:stemming:_:)``).
    public func stems(ofWords words: [String]) -> [String] {
        WorkspacePool.shared.withWorkspace { workspace in
            words.map { word in
                var stem: String?
                workspace.tokenizer.analyze(word, stemming: stemming) { token in
                    if stem == nil, token.kind == .word || token.kind == .compound {
                        stem = String(decoding: token.stem, as: UTF8.self)
                    }
                }
                return stem ?? word
            }
        }
    }

    /// The terms an index stores for `text`: the stem of every token (the normalized form when stemming is off),
    /// compounds and their parts included, in token order.
    public func terms(_ text: String) -> [String] {
        var result: [String] = []
        result.reserveCapacity(text.utf8.count / 5 + 1)
        WorkspacePool.shared.withWorkspace { workspace in
            workspace.tokenizer.analyze(text, stemming: stemming) { raw in
                result.append(String(decoding: raw.stem, as: UTF8.self))
            }
        }
        return result
    }

    /// The normalized words of `text` joined by single spaces, without compound parts or numeral values:
    /// "Человек-паук: Вдали от дома" → "человекпаук вдали от дома". Useful to compare titles.
    public func normalize(_ text: String) -> String {
        var result = ""
        WorkspacePool.shared.withWorkspace { workspace in
            workspace.tokenizer.analyze(text, stemming: false) { raw in
                guard raw.kind == .word || raw.kind == .compound else { return }
                if !result.isEmpty {
                    result.append(" ")
                }
                result.append(String(decoding: raw.normalized, as: UTF8.self))
            }
        }
        return result
    }
}
