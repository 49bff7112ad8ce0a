internal import CICU

/// The analysis loop and everything it needs that is costly to make: an ICU word break iterator, the ICU
/// normalizers, the Snowball stemmers and scratch buffers.
///
/// A value type so that the hot loop's accesses to its state are checked for exclusivity at compile time; it lives in
/// a ``Workspace``, which frees its resources.
struct Tokenizer {
    /// Input is analysed in chunks of about this many UTF-8 bytes, cut at whitespace, so buffers stay small and the
    /// time spent stays linear in the input's length.
    static let chunkBytes = 1 << 16
    /// Longer words (base64 blobs, runs of one letter) are dropped, as search engines usually do.
    static let maximumTokenUnits = 256
    /// Longer hyphen chains are taken as separate words, without a joined compound.
    static let maximumCompoundParts = 8

    /// One word-like segment found by ICU, in UTF-16 offsets of the current chunk.
    struct Segment {
        var start: Int32
        var end: Int32
        var isNumber: Bool
    }

    /// One part of a word group (a plain word is a group of one).
    struct Piece {
        var start16: Int
        var end16: Int
        var start8 = 0
        var end8 = 0
        var normalizedStart = 0
        var normalizedEnd = 0
        var flags = ScriptFlags()
        var plusBefore = false
        var isValid = false
    }

    let breaker: OpaquePointer
    let nfkcCasefold: OpaquePointer
    let nfd: OpaquePointer
    let nfc: OpaquePointer

    /// The current chunk in UTF-16, as ICU wants it.
    var units = ScratchBuffer<UInt16>(capacity: 1024)
    /// How many code units at the start of the chunk are ASCII; up to there UTF-8 and UTF-16 offsets are equal.
    var asciiPrefix = 0
    /// Two buffers the ICU normalization steps alternate between.
    var normalizationA = ScratchBuffer<UInt16>(capacity: 512)
    var normalizationB = ScratchBuffer<UInt16>(capacity: 512)
    /// Normalized UTF-8 of the current word group; `byteCount` bytes are in use.
    var bytes = ScratchBuffer<UInt8>(capacity: 1024)
    var byteCount = 0
    var segments = ScratchBuffer<Segment>(capacity: 256)
    var segmentCount = 0
    var pieces = ScratchBuffer<Piece>(capacity: Self.maximumCompoundParts)
    var pieceCount = 0

    var stemCache = StemCache()
    private var russianStemmer: Stemmer?
    private var englishStemmer: Stemmer?

    init() {
        var status: Int32 = 0
        let breaker = kino_ubrk_open_word(&status)
        let nfkcCasefold = kino_unorm2_nfkc_casefold(&status)
        let nfd = kino_unorm2_nfd(&status)
        let nfc = kino_unorm2_nfc(&status)
        guard status <= 0, let breaker, let nfkcCasefold, let nfd, let nfc else {
            fatalError("ICU word break or normalization data is missing (ICU status \(status))")
        }
        self.breaker = breaker
        self.nfkcCasefold = nfkcCasefold
        self.nfd = nfd
        self.nfc = nfc
    }

    /// Closes the break iterator and frees the buffers; the tokenizer must not be used afterwards.
    func free() {
        kino_ubrk_close(breaker)
        units.free()
        normalizationA.free()
        normalizationB.free()
        bytes.free()
        segments.free()
        pieces.free()
        stemCache.free()
    }

    /// The stemmer for a script's language, made on first use; nil for scripts that are not stemmed.
    mutating func stemmer(for script: Script) -> Stemmer? {
        switch script {
        case .cyrillic:
            if russianStemmer == nil { russianStemmer = Stemmer(.russian) }
            return russianStemmer
        case .latin:
            if englishStemmer == nil { englishStemmer = Stemmer(.english) }
            return englishStemmer
        case .digits, .mixed, .other:
            return nil
        }
    }

    /// Calls `body` with the one token of `text` if it is a word of letters of one keyboard alphabet (A–Z and a–z, or
    /// А–я, Ё and ё), as analysing it would give it: normalized (lower case, "ё" as "е") and stemmed; with
    /// `trimming`, also between punctuation that no word takes in ("Матрица:", "(brother)", "«Брат»"). Returns nil
    /// without calling it for any other text, and for an upper-case Roman numeral ("II"), which analysis also reads
    /// as a number. Such a word needs no word breaking or Unicode normalization.
    mutating func withPlainWord<Result>(_ text: UnsafeBufferPointer<UInt8>, trimming: Bool, stemming: Bool,
                                        _ body: (RawToken) -> Result) -> Result? {
        let (start, end) = trimming ? Self.trimmed(text) : (0, text.count)
        let word = UnsafeBufferPointer(rebasing: text[start..<end])
        guard let first = word.first, word.count <= Self.maximumTokenUnits,
              RomanNumeral.value(ofUppercase: word) == nil else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { folded -> Result? in
            guard let script = Self.foldPlain(word, startingWith: first, into: folded) else { return nil }
            let normalized = UnsafeBufferPointer(folded)
            func token(_ stem: UnsafeBufferPointer<UInt8>) -> Result {
                body(RawToken(normalized: normalized, stem: stem, script: script, position: 0, kind: .word,
                              utf8Range: start..<end))
            }
            guard stemming, let stemmer = stemmer(for: script) else { return token(normalized) }
            if let stem = stemCache.lookup(normalized) { return token(stem) }
            return stemmer.withStem(of: normalized) { stem in
                stemCache.store(normalized, stem: stem)
                return token(stem)
            }
        }
    }

    /// Where the word of `text` is, if ``withPlainWord(_:trimming:stemming:_:)`` reads `text` with `trimming` (its
    /// one token is then that range, lower-cased with "ё" as "е"); nil when `text` needs the whole analysis.
    static func plainWordRange(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let (start, end) = trimmed(text)
        let word = UnsafeBufferPointer(rebasing: text[start..<end])
        guard let first = word.first, word.count <= maximumTokenUnits,
              RomanNumeral.value(ofUppercase: word) == nil else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { folded in
            foldPlain(word, startingWith: first, into: folded) == nil ? nil : start..<end
        }
    }

    /// The bounds of `text` without the punctuation at its edges that no word takes in: ASCII's, and the quotation
    /// marks, ellipsis and dashes of Russian and English text ("«Матрица»,", "“Brother”…").
    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0
        var end = text.count
        while start < end {
            if isEdgePunctuation(text[start]) {
                start += 1
            } else if let length = quoteLength(text, at: start, before: end) {
                start += length
            } else {
                break
            }
        }
        while end > start {
            if isEdgePunctuation(text[end - 1]) {
                end -= 1
            } else if end - start >= 2, quoteLength(text, at: end - 2, before: end) == 2 {
                end -= 2
            } else if end - start >= 3, quoteLength(text, at: end - 3, before: end) == 3 {
                end -= 3
            } else {
                break
            }
        }
        return (start, end)
    }

    /// The length in UTF-8 bytes of the quotation mark, ellipsis or dash that starts at `index` of `text` and ends by
    /// `end`: « » (two bytes) or ‘ ’ “ ” „ ‹ › … – — (three); nil for anything else. Word breaking takes none of them
    /// into a word at its edges (the apostrophe ’ joins letters only between them).
    private static func quoteLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> Int? {
        switch text[index] {
        case 0xC2:
            guard index + 2 <= end else { return nil }
            return text[index + 1] == 0xAB || text[index + 1] == 0xBB ? 2 : nil
        case 0xE2:
            guard index + 3 <= end, text[index + 1] == 0x80 else { return nil }
            switch text[index + 2] {
            case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0x9E, 0xA6, 0xB9, 0xBA: return 3
            default: return nil
            }
        default:
            return nil
        }
    }

    /// ASCII punctuation that word breaking leaves out of a word at its edges.
    private static func isEdgePunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
             UInt8(ascii: "]"):
            true
        default:
            false
        }
    }

    /// Writes `text` lower-cased, "ё" as "е", into `folded` (as long as `text`) and returns its script, if it is all
    /// ASCII letters or all Russian letters; nil otherwise.
    private static func foldPlain(_ text: UnsafeBufferPointer<UInt8>, startingWith first: UInt8,
                                  into folded: UnsafeMutableBufferPointer<UInt8>) -> Script? {
        if first < 0x80 {
            for index in text.indices {
                switch text[index] {
                case 0x61...0x7A: folded[index] = text[index]
                case 0x41...0x5A: folded[index] = text[index] + 0x20
                default: return nil
                }
            }
            return .latin
        }
        guard text.count % 2 == 0 else { return nil }
        for index in stride(from: 0, to: text.count, by: 2) {
            let (lead, second) = (text[index], text[index + 1])
            switch (lead, second) {
            case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): (folded[index], folded[index + 1]) = (lead, second)
            case (0xD0, 0x90...0x9F): (folded[index], folded[index + 1]) = (0xD0, second + 0x20)  // А–П
            case (0xD0, 0xA0...0xAF): (folded[index], folded[index + 1]) = (0xD1, second - 0x20)  // Р–Я
            case (0xD0, 0x81), (0xD1, 0x91): (folded[index], folded[index + 1]) = (0xD0, 0xB5)  // Ё, ё → е
            default: return nil
            }
        }
        return .cyrillic
    }

    /// Frees memory a huge input made grow, before the workspace goes back to the pool.
    mutating func releaseLargeBuffers() {
        units.shrink(ifLargerThan: Self.chunkBytes + 64, to: 1024)
        normalizationA.shrink(ifLargerThan: 1 << 14, to: 512)
        normalizationB.shrink(ifLargerThan: 1 << 14, to: 512)
        bytes.shrink(ifLargerThan: 1 << 16, to: 1024)
        segments.shrink(ifLargerThan: 1 << 14, to: 256)
    }
}
