/// The weight of a term in one or more fields: the postings to walk and the BM25F constants of each field.
struct TermWeight: Weight {
    struct Part: Sendable {
        let info: TermInfo
        let weighting: FieldWeighting
        let averageLength: Double
    }

    let segment: SegmentReader
    let parts: [Part]
    let idf: Double
    let k1: Double
    let boost: Double
    let scoring: Bool

    /// `boost · idf · (k1 + 1)`: the saturation limit, which no pseudo-frequency reaches. Per-block maxima would
    /// give tighter bounds but need the postings to store them.
    var maxScore: Double {
        scoring && !parts.isEmpty ? max(0, boost * idf * (k1 + 1)) : 0
    }

    var matchesNothing: Bool { parts.isEmpty }

    func scorer() -> any Scorer {
        guard !parts.isEmpty else { return EmptyScorer() }
        return TermScorer(
            fields: parts.map { part in
                TermScorer.FieldPostings(cursor: segment.postings(part.info),
                                         lengths: segment.fieldLengths.column(part.weighting.field),
                                         weight: part.weighting.weight, b: part.weighting.b,
                                         averageLength: part.averageLength)
            },
            factor: boost * idf, k1: k1, scoring: scoring)
    }
}
