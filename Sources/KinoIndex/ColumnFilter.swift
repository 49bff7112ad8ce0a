/// Documents whose column value satisfies a condition, with score 0: a filter to use as a ``Occur/must`` clause of
/// a ``BooleanQuery`` (year range, rating range, genres) without changing the scores.
///
/// A document whose column cannot be read as the condition's type (an unknown column, another type) does not match.
/// Absent single values read as 0, so a range that includes 0 also matches documents without a value.
public struct ColumnFilter: Query {
    /// What a document's value must satisfy.
    public enum Condition: Sendable, Hashable {
        /// A ``ColumnType/u32`` value inside the range.
        case u32(ClosedRange<UInt32>)
        /// An ``ColumnType/i32`` value inside the range.
        case i32(ClosedRange<Int32>)
        /// An ``ColumnType/f32`` value inside the range.
        case f32(ClosedRange<Float>)
        /// At least one value of a ``ColumnType/multiU32`` column (or the value of a ``ColumnType/u32`` column) in
        /// the set: OR inside a facet.
        case anyOf(Set<UInt32>)
    }

    /// The column.
    public var column: ColumnID
    /// The condition.
    public var condition: Condition

    /// Makes a column filter.
    public init(column: ColumnID, _ condition: Condition) {
        self.column = column
        self.condition = condition
    }

    /// Whether `doc` satisfies the filter.
    public func matches(_ doc: DocID, in columns: ColumnsReader) -> Bool {
        var buffer: [UInt32] = []
        return matches(doc, in: columns, buffer: &buffer)
    }

    /// Whether `doc` satisfies the filter, reading multiple values into `buffer` (reused between calls).
    public func matches(_ doc: DocID, in columns: ColumnsReader, buffer: inout [UInt32]) -> Bool {
        switch condition {
        case .u32(let range):
            return columns.u32(column, doc: doc).map(range.contains) ?? false
        case .i32(let range):
            return columns.i32(column, doc: doc).map(range.contains) ?? false
        case .f32(let range):
            return columns.f32(column, doc: doc).map(range.contains) ?? false
        case .anyOf(let set):
            guard columns.values(column, doc: doc, into: &buffer) else { return false }
            return buffer.contains(where: set.contains)
        }
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        ColumnFilterWeight(filter: self, columns: searcher.segment.columns, docCount: searcher.docCount)
    }
}

/// The weight of a ``ColumnFilter``.
struct ColumnFilterWeight: Weight {
    let filter: ColumnFilter
    let columns: ColumnsReader
    let docCount: Int

    var maxScore: Double { 0 }

    func scorer() -> any Scorer {
        ColumnFilterScorer(filter: filter, columns: columns, docCount: docCount)
    }
}
