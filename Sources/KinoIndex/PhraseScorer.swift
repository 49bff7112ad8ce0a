/// Walks the documents where a phrase occurs: a leapfrog conjunction of the terms' postings, then a check that the
/// terms stand at consecutive positions, counting the phrase's occurrences.
struct PhraseScorer: Scorer {
    private var cursors: [PostingsCursor]
    private let field: FieldID
    private let lengths: FieldLengthsReader
    private let factor: Double
    private let k1: Double
    private let b: Double
    private let averageLength: Double
    private let scoring: Bool
    private(set) var doc: DocID = .terminated
    /// The number of positions where the phrase starts in the current document.
    private(set) var phraseFrequency = 0

    init(cursors: [PostingsCursor], field: FieldID, lengths: FieldLengthsReader, factor: Double, k1: Double,
         b: Double, averageLength: Double, scoring: Bool) {
        self.cursors = cursors
        self.field = field
        self.lengths = lengths
        self.factor = factor
        self.k1 = k1
        self.b = b
        self.averageLength = averageLength
        self.scoring = scoring
        doc = findPhrase(from: cursors.lazy.map { $0.doc }.max() ?? .terminated)
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        doc = findPhrase(from: cursors[0].next())
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        doc = findPhrase(from: cursors[0].advance(to: target))
        return doc
    }

    mutating func score() -> Double {
        guard scoring else { return 0 }
        let length = Double(lengths.length(field: field, doc: doc) ?? 0)
        let norm = BM25.lengthNorm(length: length, averageLength: averageLength, b: b)
        let frequency = Double(phraseFrequency)
        return factor * frequency * (k1 + 1) / (frequency + k1 * norm)
    }

    /// The first document from `candidate` on where all terms occur and the phrase does too.
    private mutating func findPhrase(from candidate: DocID) -> DocID {
        var target = leapfrog(count: cursors.count, from: candidate) { cursors[$0].advance(to: $1) }
        while target != .terminated {
            phraseFrequency = countPhrases()
            if phraseFrequency > 0 { return target }
            target = leapfrog(count: cursors.count, from: cursors[0].next()) { cursors[$0].advance(to: $1) }
        }
        phraseFrequency = 0
        return .terminated
    }

    /// The number of start positions `p` such that term `i` occurs at `p + i` for every `i`.
    private mutating func countPhrases() -> Int {
        var starts = cursors[0].positions()
        for index in 1..<cursors.count where !starts.isEmpty {
            let positions = cursors[index].positions()
            let offset = UInt32(index)
            var kept: [UInt32] = []
            var cursor = 0
            for start in starts {
                let (wanted, overflow) = start.addingReportingOverflow(offset)
                if overflow { break }
                while cursor < positions.count && positions[cursor] < wanted {
                    cursor += 1
                }
                if cursor < positions.count && positions[cursor] == wanted {
                    kept.append(start)
                }
            }
            starts = kept
        }
        return starts.count
    }
}
