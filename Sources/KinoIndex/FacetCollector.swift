/// Counts, over the matching documents, how many carry each value of a column (a ``ColumnType/multiU32`` column
/// such as genre ids, or a ``ColumnType/u32`` one). A document counts once per distinct value.
public struct FacetCollector: Collector {
    /// The column whose values are counted.
    public let column: ColumnID
    private let columns: ColumnsReader
    /// The number of matching documents per value; values no matching document carries are absent.
    public private(set) var counts: [UInt32: Int] = [:]

    /// Makes a collector counting `column`'s values in `searcher`'s snapshot.
    public init(column: ColumnID, searcher: Searcher) {
        self.column = column
        columns = searcher.segment.columns
    }

    public var needsScores: Bool { false }

    public mutating func collect(doc: DocID, score: Double) {
        guard let values = columns.facetValues(column, doc: doc) else { return }
        Self.countDistinct(values, into: &counts)
    }

    /// Adds 1 to the count of each distinct value in `values`.
    static func countDistinct(_ values: [UInt32], into counts: inout [UInt32: Int]) {
        for (index, value) in values.enumerated() where !values[..<index].contains(value) {
            counts[value, default: 0] += 1
        }
    }
}
