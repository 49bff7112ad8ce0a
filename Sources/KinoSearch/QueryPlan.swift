import KinoIndex
import KinoText

/// How a typed query is read: its words, each with its alternative readings, an optional year, and the keys of
/// the whole titles it may name.
///
/// Every word must match (AND across words), by any of its readings (the best reading scores): the word as typed,
/// with its last word also as a prefix while it is being typed; in the other keyboard layout; transliterated; and,
/// for words of four letters or more, with typos corrected through the dictionary. A four-digit year next to other
/// words ("солярис 1972") is not required: it favours films of that year.
struct QueryPlan {
    /// One reading of a query word.
    struct Reading {
        enum Kind: Equatable {
            case original, keyboardLayout, transliteration, typo, prefix
        }

        var kind: Kind
        /// The analysed terms, all required (a word such as "x-men" gives one compound term).
        var terms: Strings
        /// The normalized words the terms are stems of.
        var words: Strings
        /// For ``Kind/prefix``: the normalized prefix typed, which ``text`` completes.
        var prefix: String?
        /// The score factor of this reading.
        var boost: Double
        /// How the reading reads, for "did you mean".
        var text: String
        /// Whether this is the word as typed (or its prefix).
        var asTyped = false
    }

    /// A reading's terms or words: never empty, and nearly always one, which is kept without an array of its own
    /// (a query makes a few dozen readings).
    struct Strings: RandomAccessCollection, Equatable {
        private let first: String
        private let rest: [String]

        init(_ first: String, _ rest: [String] = []) {
            self.first = first
            self.rest = rest
        }

        var startIndex: Int { 0 }
        var endIndex: Int { 1 + rest.count }

        subscript(position: Int) -> String {
            position == 0 ? first : rest[position - 1]
        }
    }

    /// One word as typed, with its readings (never empty).
    struct Word {
        var typed: String
        var readings: [Reading]
    }

    var words: [Word] = []
    /// A year the query names besides its other words.
    var year: Int?
    /// ``FilmDocument/titleKey(_:)`` of the whole query read each way (as typed, re-keyed, transliterated),
    /// without the year.
    var titleKeys: [UInt32] = []
    /// The same of the query's unstemmed words: the exact whole title.
    var titleWordKeys: [UInt32] = []
    /// The whole titles the query would be with its last word completed as it is being typed.
    var completedTitleKeys: [UInt32] = []
    /// The query's normalized words, for phrase matches in titles.
    var phraseTerms: [String] = []

    var isEmpty: Bool { words.isEmpty }

    /// Boosts of the readings, relative to the word as typed.
    enum Boost {
        static let keyboardLayout = 0.95
        static let transliteration = 0.9
        static let transliterationStep = 0.05
        static let typo = [1.0, 0.7, 0.5]
        static let prefix = 0.8
    }

    /// Reads `text`, which is cut to ``SearchRequest/maximumQueryCharacters`` and its first
    /// ``SearchRequest/maximumQueryWords`` words. `typing` says the last word may be unfinished.
    init(_ text: String, analyzer: Analyzer, typing: Bool, searcher: Searcher) {
        let limit = SearchRequest.maximumQueryCharacters
        let cut = text.utf8.count <= limit || text.unicodeScalars.count <= limit
            ? text : String(text.unicodeScalars.prefix(limit))
        let typed = Self.words(of: cut).prefix(SearchRequest.maximumQueryWords)
        words.reserveCapacity(typed.count)
        // An ASCII last character is whitespace when it is one of ASCII's; others are asked of Unicode.
        let endsInSpace = cut.utf8.last.map { last in
            last < 0x80 ? Self.isASCIIWhitespace(last) : cut.last!.isWhitespace
        } ?? true

        for (index, word) in typed.enumerated() {
            let isLast = index == typed.count - 1
            // "солярис 1972": a year after other words favours that year instead of being required (below), so it
            // is not read as a word at all.
            if isLast, !words.isEmpty, let year = Self.year(word) {
                self.year = year
                break
            }
            // Transliterations are many guesses, and only those that are words of some title or name are searched
            // (below): a guess that is plainly its own normalized word is checked before it is analysed, and one
            // that is no such word is not stemmed (the likeliest stays for its typos).
            let variants = analyzer.queryVariants(word) { candidate in
                !Analyzer.isNormalizedWord(candidate)
                    || searcher.docFrequency(field: FilmSchema.words, term: candidate) > 0
            }
            // Room for the variants, the completions of a last word and the typo corrections, without growing.
            var readings: [Reading] = []
            readings.reserveCapacity(variants.count + (isLast ? Self.completionLimit : 0) + 2 * Self.correctionLimit)
            var knownWord = false
            // The word as typed and its likeliest transliteration, when they are one word each.
            var misspellable = Misspellable()
            for variant in variants {
                let tokens = variant.tokens.allSatisfy(Self.isWord) ? variant.tokens : variant.tokens.filter(Self.isWord)
                guard !tokens.isEmpty else { continue }
                let kind: Reading.Kind
                let boost: Double
                switch variant.kind {
                case .original:
                    (kind, boost) = (.original, 1)
                case .keyboardLayout:
                    (kind, boost) = (.keyboardLayout, Boost.keyboardLayout)
                case .transliteration:
                    (kind, boost) = (.transliteration,
                                     Boost.transliteration - Boost.transliterationStep * Double(variant.rank))
                }
                let asTyped = kind == .original
                let known = variant.isStemmed && (tokens.count > 1
                    || searcher.docFrequency(field: FilmSchema.words, term: tokens[0].normalized) > 0)
                // Transliterations are many guesses: only those that are words of some title or name are searched.
                if kind != .transliteration || known {
                    readings.append(Reading(kind: kind, terms: Strings(tokens[0].stem, tokens.dropFirst().map(\.stem)),
                                            words: Strings(tokens[0].normalized, tokens.dropFirst().map(\.normalized)),
                                            boost: boost, text: variant.text, asTyped: asTyped))
                }
                guard tokens.count == 1, let token = tokens.first else { continue }
                // Completions of the word being typed, as typed or re-keyed (a transliteration is guess enough).
                if isLast, typing, !endsInSpace, kind != .transliteration {
                    let completions = Self.completions(of: token.normalized, in: searcher, analyzer: analyzer)
                    knownWord = knownWord || !completions.isEmpty
                    for completion in completions {
                        readings.append(Reading(kind: .prefix, terms: Strings(completion.stem),
                                                words: Strings(completion.word),
                                                prefix: token.normalized, boost: boost * Boost.prefix,
                                                text: completion.word, asTyped: asTyped))
                    }
                }
                knownWord = knownWord || known
                if variant.kind == .original || variant.kind == .transliteration && variant.rank == 0 {
                    misspellable.add(token.normalized, boost)
                }
            }
            // Typos of the word as typed and of its likeliest transliteration, when no title or name has the word
            // in any reading.
            if !knownWord {
                misspellable.forEach { typedWord, boost in
                    let budget = FuzzyQuery.maxEdits(forLength: typedWord.unicodeScalars.count)
                    guard budget > 0 else { return }
                    for correction in Self.corrections(of: typedWord, maxEdits: budget, in: searcher,
                                                       analyzer: analyzer) {
                        readings.append(Reading(kind: .typo, terms: Strings(correction.stem),
                                                words: Strings(correction.word),
                                                boost: boost * Boost.typo[min(correction.distance, 2)],
                                                text: correction.word))
                    }
                }
            }
            guard !readings.isEmpty else { continue }
            words.append(Word(typed: word, readings: readings))
        }

        // The same of a year before a last word that has no reading ("солярис 1972 !").
        if year == nil, words.count > 1, let lastWord = words.last, let year = Self.year(lastWord.typed) {
            self.year = year
            words.removeLast()
        }
        phraseTerms = words.compactMap { $0.readings.first?.terms.first }
        // A kind of reading that no word has gives the key of the words as typed, which `original` gives.
        for kind in Self.titleKinds
        where kind == .original || words.contains(where: { $0.readings.contains { $0.kind == kind } }) {
            let readings = words.lazy.map { word in word.readings.first { $0.kind == kind } ?? word.readings[0] }
            Self.add(FilmDocument.titleKey(words: readings.flatMap { $0.terms }), to: &titleKeys)
            Self.add(FilmDocument.titleKey(words: readings.flatMap { $0.words }), to: &titleWordKeys)
        }
        // A title typed up to part of its last word: each completion of that word makes a whole title too.
        if year == nil, let last = words.last {
            var typedBefore = FilmDocument.TitleKey()
            for word in words.dropLast() {
                for term in (word.readings.first { $0.kind == .original } ?? word.readings[0]).terms {
                    typedBefore.add(term)
                }
            }
            for completion in last.readings where completion.kind == .prefix {
                var key = typedBefore
                for term in completion.terms {
                    key.add(term)
                }
                Self.add(key.value, to: &completedTitleKeys)
            }
        }
    }

    /// The words of a query word whose typos are corrected: at most two (the word as typed and its likeliest
    /// transliteration), kept without an array.
    private struct Misspellable {
        private var first: (word: String, boost: Double)?
        private var second: (word: String, boost: Double)?

        mutating func add(_ word: String, _ boost: Double) {
            if first == nil { first = (word, boost) } else if second == nil { second = (word, boost) }
        }

        func forEach(_ body: (String, Double) -> Void) {
            if let first { body(first.word, first.boost) }
            if let second { body(second.word, second.boost) }
        }
    }

    /// Adds `key` to `keys` unless it is there: a query has a few keys of each kind (up to one per completion).
    private static func add(_ key: UInt32, to keys: inout [UInt32]) {
        if !keys.contains(key) { keys.append(key) }
    }

    /// The readings whose whole-query keys are tried as titles: each word read that way where it can be.
    private static let titleKinds: [Reading.Kind] = [.original, .keyboardLayout, .transliteration, .typo]

    private static func isWord(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .compound
    }

    /// The most completions of a word being typed that are tried.
    static let completionLimit = 16
    /// The most typo corrections tried per word.
    static let correctionLimit = 6

    /// Whole words of titles and names that start with `prefix`, most frequent first, with their stems.
    static func completions(of prefix: String, in searcher: Searcher, analyzer: Analyzer)
        -> [(word: String, stem: String)] {
        let query = PrefixQuery(field: FilmSchema.words, prefix: prefix, maxExpansions: completionLimit)
        let words = query.expansions(in: searcher).filter { $0 != prefix }
        return Array(zip(words, analyzer.stems(ofWords: words)))
    }

    /// Whole words of titles and names within `maxEdits` of `word`, closest and most frequent first, without the
    /// word itself, with their stems.
    static func corrections(of word: String, maxEdits: Int, in searcher: Searcher, analyzer: Analyzer)
        -> [(word: String, stem: String, distance: Int)] {
        // Corrections keep the first letter, which people rarely get wrong (Meilisearch counts a typo there twice),
        // and which makes the walk several times shorter.
        let matches = searcher.segment.terms(field: FilmSchema.words, fuzzy: word, maxEdits: maxEdits,
                                             prefixLength: 1)
            .filter { $0.distance > 0 }
            .sorted { lhs, rhs in
                if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
                if lhs.info.docFrequency != rhs.info.docFrequency { return lhs.info.docFrequency > rhs.info.docFrequency }
                return lhs.term < rhs.term
            }
        let kept = Array(matches.prefix(correctionLimit))
        return zip(kept, analyzer.stems(ofWords: kept.map { $0.term })).map { ($0.term, $1, $0.distance) }
    }

    /// The words of `text` between whitespace. Text of ASCII and Russian letters (nothing that could be Unicode
    /// whitespace or combine with a space) is cut at its ASCII whitespace bytes, as Character-wise splitting would.
    static func words(of text: String) -> [String] {
        let plain = text.utf8.allSatisfy { $0 < 0x80 || $0 == 0xD0 || $0 == 0xD1 || $0 & 0xC0 == 0x80 }
        guard plain else { return text.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
        var words: [String] = []
        var utf8 = text.utf8[...]
        while let start = utf8.firstIndex(where: { !Self.isASCIIWhitespace($0) }) {
            let end = utf8[start...].firstIndex(where: Self.isASCIIWhitespace) ?? utf8.endIndex
            words.append(String(text[start..<end]))
            utf8 = utf8[end...]
        }
        return words
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// A plausible release year written as four digits.
    static func year(_ word: String) -> Int? {
        guard word.utf8.count == 4, word.utf8.allSatisfy({ (48...57).contains($0) }), let year = Int(word),
              (1880...2100).contains(year) else { return nil }
        return year
    }
}
