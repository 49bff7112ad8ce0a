/// A query already bound to a searcher: its weight, made once and run several times (the total, the facets and the
/// top hits of one search walk the same text query). Use it only with the searcher it was bound to; scorers are
/// fresh on every run.
public struct BoundQuery: Query {
    private let bound: any Weight

    /// Binds `query` to `searcher`, scoring.
    public init(_ query: some Query, searcher: Searcher) {
        bound = query.weight(searcher: searcher, scoring: true)
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        bound
    }
}
