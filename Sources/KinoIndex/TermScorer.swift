/// Walks the union of one term's postings in several fields and scores each document with BM25F (see
/// ``MultiFieldTermQuery`` for the formula).
struct TermScorer: Scorer {
    struct FieldPostings {
        var cursor: PostingsCursor
        let field: FieldID
        let weight: Double
        let b: Double
        let averageLength: Double
    }

    private var fields: [FieldPostings]
    private let lengths: FieldLengthsReader
    private let factor: Double
    private let k1: Double
    private let scoring: Bool
    private(set) var doc: DocID

    init(fields: [FieldPostings], lengths: FieldLengthsReader, factor: Double, k1: Double, scoring: Bool) {
        self.fields = fields
        self.lengths = lengths
        self.factor = factor
        self.k1 = k1
        self.scoring = scoring
        doc = fields.lazy.map(\.cursor.doc).min() ?? .terminated
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        var lowest = DocID.terminated
        for index in fields.indices {
            if fields[index].cursor.doc == doc {
                fields[index].cursor.next()
            }
            lowest = min(lowest, fields[index].cursor.doc)
        }
        doc = lowest
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        var lowest = DocID.terminated
        for index in fields.indices {
            lowest = min(lowest, fields[index].cursor.advance(to: target))
        }
        doc = lowest
        return doc
    }

    /// The term's pseudo-frequency in the current document: `Σ_f w_f · tf_f / B_f`.
    func pseudoFrequency() -> Double {
        var total = 0.0
        for part in fields where part.cursor.doc == doc {
            let length = Double(lengths.length(field: part.field, doc: doc) ?? 0)
            let norm = BM25.lengthNorm(length: length, averageLength: part.averageLength, b: part.b)
            total += part.weight * Double(part.cursor.termFrequency) / norm
        }
        return total
    }

    mutating func score() -> Double {
        guard scoring else { return 0 }
        for index in fields.indices where fields[index].cursor.doc == doc {
            fields[index].cursor.decodeFirstBlock()
        }
        return factor * BM25.saturate(pseudoFrequency(), k1: k1)
    }
}
