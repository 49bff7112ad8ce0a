@testable import KinoIndex

/// Brute force for fuzzy lookups: the textbook distance table between two whole strings, and a filter over every term.
enum FuzzyOracle {
    /// The optimal-string-alignment distance in Unicode scalars, from the full table.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        distance(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars))
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count {
            d[i * width] = i
        }
        for j in 0...b.count {
            d[j] = j
        }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                var value = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                d[(i - 1) * width + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = value
            }
        }
        return d[a.count * width + b.count]
    }

    /// Whether `term` starts with the first `prefixLength` scalars of `query` (all of them when it is shorter).
    static func sharesPrefix(_ term: String, _ query: String, _ prefixLength: Int) -> Bool {
        let prefix = query.unicodeScalars.prefix(prefixLength)
        return term.unicodeScalars.starts(with: prefix)
    }

    /// `terms` (one field's, in dictionary order, with their scalars) with their distances from `query`: the
    /// candidates of ``matches(_:query:maxEdits:prefixLength:)``.
    static func candidates(_ terms: [(term: String, info: TermInfo)], scalars: [[Unicode.Scalar]], query: String)
        -> [(term: String, info: TermInfo, distance: Int)] {
        let queryScalars = Array(query.unicodeScalars)
        return terms.indices.map { index in
            (term: terms[index].term, info: terms[index].info, distance: distance(scalars[index], queryScalars))
        }
    }

    /// The terms of `candidates` (one field's, in dictionary order, with their precomputed distances from `query`)
    /// that a fuzzy lookup must return.
    static func matches(_ candidates: [(term: String, info: TermInfo, distance: Int)], query: String, maxEdits: Int,
                        prefixLength: Int) -> [FuzzyTerm] {
        candidates.filter { $0.distance <= maxEdits && sharesPrefix($0.term, query, prefixLength) }
            .map { FuzzyTerm(term: $0.term, info: $0.info, distance: $0.distance) }
    }

    /// A term dictionary of `terms`, written by the serializer and opened from memory, with its entries in
    /// dictionary order.
    static func dictionary(_ terms: [(field: FieldID, term: String)]) throws
        -> (reader: TermDictionaryReader, entries: [(field: FieldID, term: String, info: TermInfo)]) {
        let (bytes, entries) = dictionaryFile(terms)
        return (try TermDictionaryReader(file: MappedFile(name: "terms.kix", kind: .terms, bytes: bytes)), entries)
    }

    /// The bytes of a term dictionary file of `terms` and its entries in dictionary order; each term's info is made
    /// up from its rank.
    static func dictionaryFile(_ terms: [(field: FieldID, term: String)])
        -> (bytes: [UInt8], entries: [(field: FieldID, term: String, info: TermInfo)]) {
        let keys = Set(terms.map { TermKey.make(field: $0.field, term: $0.term) }).sorted(by: TermKey.precedes)
        var serializer = TermDictionarySerializer()
        var entries: [(field: FieldID, term: String, info: TermInfo)] = []
        for (rank, key) in keys.enumerated() {
            let info = TermInfo(docFrequency: UInt32(rank % 7 + 1), postingsOffset: UInt64(rank),
                                positionsOffset: rank % 2 == 0 ? nil : UInt64(rank))
            serializer.add(key, info)
            let (field, term) = TermKey.split(key)!
            entries.append((field, term, info))
        }
        var file = IndexFileWriter(kind: .terms, segmentID: SegmentID(bytes: [UInt8](repeating: 7, count: 16))!)
        serializer.serialize(into: &file.body)
        return (file.finish(), entries)
    }
}

/// Seeded random words for fuzzy tests: Cyrillic and Latin, a few letters of other scripts of two to four UTF-8
/// bytes, words sharing stems, and words a few typos away from others.
struct FuzzyWords {
    static let cyrillic = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя".unicodeScalars)
    static let latin = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
    /// Two-byte Latin and Greek, three-byte CJK and €, four-byte emoji, and a combining accent (a scalar of its own).
    static let other = Array("éßøαλω中字€😀🎬\u{301}".unicodeScalars)

    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A random letter, most often of `script`.
    mutating func letter(like script: [Unicode.Scalar]) -> Unicode.Scalar {
        switch Int.random(in: 0..<20, using: &random) {
        case 0: Self.other.randomElement(using: &random)!
        case 1: (Bool.random(using: &random) ? Self.cyrillic : Self.latin).randomElement(using: &random)!
        default: script.randomElement(using: &random)!
        }
    }

    mutating func script() -> [Unicode.Scalar] {
        Bool.random(using: &random) ? Self.cyrillic : Self.latin
    }

    /// A word of `length` letters, most of them of one script.
    mutating func word(length: Int) -> String {
        let script = script()
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            scalars.append(letter(like: script))
        }
        return String(scalars)
    }

    /// `word` with `edits` random insertions, deletions, substitutions or swaps of adjacent scalars.
    mutating func mutate(_ word: String, edits: Int) -> String {
        var scalars = Array(word.unicodeScalars)
        let script = scalars.first.map { Self.latin.contains($0) ? Self.latin : Self.cyrillic } ?? Self.cyrillic
        for _ in 0..<edits {
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                scalars.insert(letter(like: script), at: Int.random(in: 0...scalars.count, using: &random))
            case 1 where !scalars.isEmpty:
                scalars.remove(at: Int.random(in: 0..<scalars.count, using: &random))
            case 2 where !scalars.isEmpty:
                scalars[Int.random(in: 0..<scalars.count, using: &random)] = letter(like: script)
            case 3 where scalars.count >= 2:
                let at = Int.random(in: 0..<(scalars.count - 1), using: &random)
                scalars.swapAt(at, at + 1)
            default:
                scalars.append(letter(like: script))
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// A vocabulary of about `count` distinct words: stems, stems with endings, and typo'd copies of both.
    mutating func vocabulary(count: Int) -> [String] {
        // An array beside the set: drawing from a set would follow its per-process hash order.
        var words: [String] = []
        var seen: Set<String> = []
        let stems = (0..<max(1, count / 12)).map { _ in word(length: Int.random(in: 2...6, using: &random)) }
        while words.count < count {
            let stem = stems.randomElement(using: &random)!
            let candidate = switch Int.random(in: 0..<4, using: &random) {
            case 0: stem
            case 1: stem + word(length: Int.random(in: 1...4, using: &random))
            case 2: word(length: Int.random(in: 1...10, using: &random))
            default: mutate(words.randomElement(using: &random) ?? stem, edits: Int.random(in: 1...2, using: &random))
            }
            if seen.insert(candidate).inserted {
                words.append(candidate)
            }
        }
        return words.sorted()
    }

    /// A query term: a vocabulary word, one a few edits away, or something unusual.
    mutating func query(from vocabulary: [String]) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return ""
        case 1: return word(length: Int.random(in: 1...12, using: &random))
        case 2...4: return vocabulary.randomElement(using: &random)!
        default: return mutate(vocabulary.randomElement(using: &random)!, edits: Int.random(in: 1...3, using: &random))
        }
    }
}
