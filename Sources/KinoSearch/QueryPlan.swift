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
        var terms: [String]
        /// For ``Kind/prefix``: the normalized prefix to expand.
        var prefix: String?
        /// The score factor of this reading.
        var boost: Double
        /// How the reading reads, for "did you mean".
        var text: String
        /// Whether this is the word as typed (or its prefix).
        var asTyped = false
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
    var titleKeys: Set<UInt32> = []
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
        let cut = String(text.unicodeScalars.prefix(SearchRequest.maximumQueryCharacters))
        var typed = cut.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        typed = Array(typed.prefix(SearchRequest.maximumQueryWords))
        let endsInSpace = cut.last?.isWhitespace ?? true

        for (index, word) in typed.enumerated() {
            let isLast = index == typed.count - 1
            let variants = analyzer.queryVariants(word)
            guard !variants.isEmpty else { continue }
            var readings: [Reading] = []
            for variant in variants {
                let tokens = variant.tokens.filter { $0.kind == .word || $0.kind == .compound }
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
                readings.append(Reading(kind: kind, terms: tokens.map(\.stem), boost: boost, text: variant.text,
                                        asTyped: asTyped))
                if isLast, typing, !endsInSpace, let last = tokens.last, tokens.count == 1 {
                    readings.append(Reading(kind: .prefix, terms: [], prefix: last.normalized,
                                            boost: boost * Boost.prefix, text: variant.text, asTyped: asTyped))
                }
            }
            if let original = variants.first, original.kind == .original, original.tokens.count == 1,
               let token = original.tokens.first {
                let budget = FuzzyQuery.maxEdits(forLength: token.normalized.unicodeScalars.count)
                if budget > 0 {
                    for candidate in FilmSearcher.typoCorrections(of: token.stem, maxEdits: budget, in: searcher) {
                        readings.append(Reading(kind: .typo, terms: [candidate.term],
                                                boost: Boost.typo[min(candidate.distance, 2)], text: candidate.term))
                    }
                }
            }
            guard !readings.isEmpty else { continue }
            words.append(Word(typed: word, readings: readings))
        }

        // "солярис 1972": a year among other words favours that year instead of being required.
        if words.count > 1, let lastWord = words.last, let year = Self.year(lastWord.typed) {
            self.year = year
            words.removeLast()
        }
        phraseTerms = words.compactMap { $0.readings.first?.terms.first }
        for kind in [Reading.Kind.original, .keyboardLayout, .transliteration] {
            let readings = words.map { word in word.readings.first { $0.kind == kind } ?? word.readings[0] }
            let text = readings.map(\.text).joined(separator: " ")
            titleKeys.insert(FilmDocument.titleKey(analyzer.tokens(text)))
        }
    }

    /// A plausible release year written as four digits.
    static func year(_ word: String) -> Int? {
        guard word.utf8.count == 4, word.utf8.allSatisfy({ (48...57).contains($0) }), let year = Int(word),
              (1880...2100).contains(year) else { return nil }
        return year
    }
}
