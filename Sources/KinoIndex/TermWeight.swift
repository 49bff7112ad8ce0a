/// The weight of a term in one or more fields: the postings to walk and the BM25F constants of each field.
///
/// Its stored properties fit in an existential's inline buffer (the segment and `k1` are kept with each part), so
/// that a query of a few dozen terms does not allocate a box for each.
struct TermWeight: Weight {
    struct Part: Sendable {
        let segment: SegmentReader
        let info: TermInfo
        let weighting: FieldWeighting
        let averageLength: Double
        /// The term-frequency saturation, the same in every part.
        let k1: Double
    }

    let parts: [Part]
    /// `boost · idf`.
    let factor: Double
    let scoring: Bool

    init(parts: [Part], idf: Double, boost: Double, scoring: Bool) {
        self.parts = parts
        factor = boost * idf
        self.scoring = scoring
    }

    /// `boost · idf · (k1 + 1)`: the saturation limit, which no pseudo-frequency reaches. Per-block maxima would
    /// give tighter bounds but need the postings to store them.
    var maxScore: Double {
        scoring && !parts.isEmpty ? max(0, factor * (parts[0].k1 + 1)) : 0
    }

    var matchesNothing: Bool { parts.isEmpty }

    func scorer() -> any Scorer {
        guard !parts.isEmpty else { return EmptyScorer() }
        return TermScorer(
            fields: parts.map { part in
                TermScorer.FieldPostings(cursor: part.segment.postings(part.info),
                                         lengths: part.segment.fieldLengths.column(part.weighting.field),
                                         weight: part.weighting.weight, b: part.weighting.b,
                                         averageLength: part.averageLength, k1: part.k1)
            },
            factor: factor, scoring: scoring)
    }
}
