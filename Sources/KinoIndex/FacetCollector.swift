/// Counts, over the matching documents, how many carry each value of a column (a ``ColumnType/multiU32`` column
/// such as genre ids, or a ``ColumnType/u32`` one). A document counts once per distinct value.
public struct FacetCollector: Collector {
    /// The column whose values are counted.
    public let column: ColumnID
    private let columns: ColumnsReader
    private var counter = FacetCounter()
    private var buffer: [UInt32] = []

    /// The number of matching documents per value; values no matching document carries are absent.
    public var counts: [UInt32: Int] { counter.counts }

    /// Makes a collector counting `column`'s values in `searcher`'s snapshot.
    public init(column: ColumnID, searcher: Searcher) {
        self.column = column
        columns = searcher.segment.columns
    }

    public var needsScores: Bool { false }

    public mutating func collect(doc: DocID, score: Double) {
        guard columns.values(column, doc: doc, into: &buffer) else { return }
        counter.countDistinct(buffer)
    }
}
