/// Counts disjunctive facets over the matching documents (see ``Searcher/disjunctiveFacetCounts(_:facets:)``): a
/// document passing every selection counts in every facet; a document failing exactly one facet's selection counts
/// only in that facet; a document failing two or more counts nowhere.
///
/// As a collector it can share one pass over the matches with another (``CollectorPair``), such as the top hits of
/// the same query.
public struct DisjunctiveFacetCollector: Collector {
    private let facets: [FacetSelection]
    private let columnIDs: [ColumnID]
    /// Whether some facet has a selection; without one, every match counts in every facet.
    private let selecting: Bool
    private let columns: ColumnsReader
    private var counters: [FacetCounter]
    private var values: [[UInt32]]
    private var buffer: [UInt32] = []
    private var matchCount = 0

    /// Makes a collector for `facets` (their columns must differ) in `searcher`'s snapshot.
    public init(facets: [FacetSelection], searcher: Searcher) {
        self.facets = facets
        columnIDs = facets.map { $0.column }
        selecting = facets.contains { !$0.values.isEmpty }
        columns = searcher.segment.columns
        counters = [FacetCounter](repeating: FacetCounter(), count: facets.count)
        values = [[UInt32]](repeating: [], count: facets.count)
    }

    public var needsScores: Bool { false }

    /// The counts so far.
    public var counts: DisjunctiveFacetCounts {
        var result: [ColumnID: [UInt32: Int]] = [:]
        for (index, facet) in facets.enumerated() {
            result[facet.column] = counters[index].counts
        }
        return DisjunctiveFacetCounts(counts: result, matchCount: matchCount)
    }

    public mutating func collect(doc: DocID, score: Double) {
        guard selecting else {
            matchCount += 1
            for index in columnIDs.indices where columns.values(columnIDs[index], doc: doc, into: &buffer) {
                counters[index].countDistinct(buffer)
            }
            return
        }
        var failed = -1
        var failures = 0
        for index in facets.indices {
            let readable = columns.values(facets[index].column, doc: doc, into: &values[index])
            if !facets[index].passes(readable ? values[index] : nil) {
                failed = index
                failures += 1
                if failures > 1 { break }
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
