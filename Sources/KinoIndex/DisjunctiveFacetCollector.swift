/// Counts disjunctive facets over the matching documents (see ``Searcher/disjunctiveFacetCounts(_:facets:)``): a
/// document passing every selection counts in every facet; a document failing exactly one facet's selection counts
/// only in that facet; a document failing two or more counts nowhere.
///
/// As a collector it can share one pass over the matches with another (``CollectorPair``), such as the top hits of
/// the same query.
public struct DisjunctiveFacetCollector: Collector {
    private let facets: [FacetSelection]
    /// Whether some facet has a selection; without one, every match counts in every facet.
    private let selecting: Bool
    /// The facets' values, each document's together.
    private let rows: FacetRows
    private var counters: [FacetCounter]
    /// The current document's values per facet, while checking the selections.
    private var values: [[UInt32]]
    private var matchCount = 0

    /// Makes a collector for `facets` (their columns must differ) in `searcher`'s snapshot.
    public init(facets: [FacetSelection], searcher: Searcher) {
        self.facets = facets
        selecting = facets.contains { !$0.values.isEmpty }
        rows = searcher.segment.facetRows(for: facets.map { $0.column })
        counters = [FacetCounter](repeating: FacetCounter(), count: facets.count)
        values = [[UInt32]](repeating: [], count: selecting ? facets.count : 0)
    }

    public var needsScores: Bool { false }

    /// The counts so far.
    public var counts: DisjunctiveFacetCounts {
        DisjunctiveFacetCounts(facets: facets.indices.map { index in
            DisjunctiveFacetCounts.Facet(column: facets[index].column, values: counters[index].valueCounts)
        }, matchCount: matchCount)
    }

    public mutating func collect(doc: DocID, score: Double) {
        guard selecting else {
            matchCount += 1
            rows.forEachColumn(of: doc) { index, values in
                counters[index].countDistinct(values)
            }
            return
        }
        var failed = -1
        var failures = 0
        rows.forEachColumn(of: doc) { index, docValues in
            values[index].removeAll(keepingCapacity: true)
            values[index].append(contentsOf: docValues)
            if !facets[index].passes(docValues) {
                failed = index
                failures += 1
            }
        }
        if failures == 0 {
            matchCount += 1
            for index in facets.indices {
                counters[index].countDistinct(values[index])
            }
        } else if failures == 1 {
            counters[failed].countDistinct(values[failed])
        }
    }
}
