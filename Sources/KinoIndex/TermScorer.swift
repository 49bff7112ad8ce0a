/// Walks the union of one term's postings in several fields and scores each document with BM25F (see
/// ``MultiFieldTermQuery`` for the formula).
struct TermScorer: Scorer {
    struct FieldPostings {
        var cursor: PostingsCursor
        /// The field's lengths (nil reads as length 0).
        let lengths: FieldLengthsReader.Column?
        let weight: Double
        let b: Double
        let averageLength: Double
        /// The term-frequency saturation, the same in every field.
        let k1: Double

        /// `w_f · tf_f / B_f` of the current document.
        func weightedFrequency() -> Double {
            let length = Double(lengths?.length(doc: cursor.doc) ?? 0)
            let norm = BM25.lengthNorm(length: length, averageLength: averageLength, b: b)
            return weight * Double(cursor.termFrequency) / norm
        }
    }

    // Small enough for an existential's inline buffer (`k1` is kept with each field): a scorer is made for every
    // term of a query without a box of its own.
    /// Not empty.
    private var fields: [FieldPostings]
    private let factor: Double
    private let scoring: Bool
    private(set) var doc: DocID

    init(fields: [FieldPostings], factor: Double, scoring: Bool) {
        self.fields = fields
        self.factor = factor
        self.scoring = scoring
        doc = fields.lazy.map { $0.cursor.doc }.min() ?? .terminated
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

    /// The term's pseudo-frequency in the current document: `Σ_f w_f · tf_f / B_f`. The fields are read in place:
    /// a copy of a cursor would retain its buffers for every document scored.
    func pseudoFrequency() -> Double {
        var total = 0.0
        for index in fields.indices where fields[index].cursor.doc == doc {
            total += fields[index].weightedFrequency()
        }
        return total
    }

    mutating func score() -> Double {
        guard scoring else { return 0 }
        for index in fields.indices where fields[index].cursor.doc == doc {
            fields[index].cursor.decodeFrequencies()
        }
        return factor * BM25.saturate(pseudoFrequency(), k1: fields[0].k1)
    }
}
