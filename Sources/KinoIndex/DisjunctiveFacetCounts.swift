/// The result of ``Searcher/disjunctiveFacetCounts(_:facets:)``.
public struct DisjunctiveFacetCounts: Sendable, Equatable {
    /// One facet's counts: its column, and each value with the number of documents matching the query and every
    /// other facet's selection, in no particular order (values that count no document are absent).
    public struct Facet: Sendable {
        public var column: ColumnID
        public var values: [(value: UInt32, count: Int)]
    }

    /// Per facet, in the order of the selections.
    public var facets: [Facet]
    /// The number of documents matching the query and every facet's selection (the result's size).
    public var matchCount: Int

    /// The counts by facet column, then by value.
    public var counts: [ColumnID: [UInt32: Int]] {
        Dictionary(facets.map { facet in
            (facet.column, Dictionary(facet.values.map { ($0.value, $0.count) }, uniquingKeysWith: +))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Makes a result.
    public init(facets: [Facet], matchCount: Int) {
        self.facets = facets
        self.matchCount = matchCount
    }

    /// Makes a result from counts by facet column, then by value.
    public init(counts: [ColumnID: [UInt32: Int]], matchCount: Int) {
        facets = counts.map { column, values in Facet(column: column, values: values.map { ($0.key, $0.value) }) }
        self.matchCount = matchCount
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.matchCount == rhs.matchCount && lhs.counts == rhs.counts
    }
}
