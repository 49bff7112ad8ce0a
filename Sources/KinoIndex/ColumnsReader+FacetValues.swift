extension ColumnsReader {
    /// The facet values of `doc` in `column`: the values of a ``ColumnType/multiU32`` column, or the one value of a
    /// ``ColumnType/u32`` column; nil for other columns or a document out of range.
    public func facetValues(_ column: ColumnID, doc: DocID) -> [UInt32]? {
        values(column, doc: doc) ?? u32(column, doc: doc).map { [$0] }
    }
}
