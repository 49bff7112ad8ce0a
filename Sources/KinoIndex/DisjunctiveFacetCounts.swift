/// The result of ``Searcher/disjunctiveFacetCounts(_:facets:)``.
public struct DisjunctiveFacetCounts: Sendable, Equatable {
    /// Per facet column, per value, the number of documents matching the query and every other facet's selection.
    public var counts: [ColumnID: [UInt32: Int]]
    /// The number of documents matching the query and every facet's selection (the result's size).
    public var matchCount: Int

    /// Makes a result.
    public init(counts: [ColumnID: [UInt32: Int]], matchCount: Int) {
        self.counts = counts
        self.matchCount = matchCount
    }
}
