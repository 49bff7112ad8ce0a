/// Matches every document with score 0 (the query of a page of filters and facets without words).
public struct AllQuery: Query {
    /// Makes the query.
    public init() {}

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        AllWeight(docCount: searcher.docCount)
    }
}

/// The weight of an ``AllQuery``.
struct AllWeight: Weight {
    let docCount: Int

    var maxScore: Double { 0 }

    func scorer() -> any Scorer { AllScorer(docCount: docCount) }
}
