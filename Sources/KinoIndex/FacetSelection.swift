/// The values selected in one facet (a column): a document passes if it carries any of them; an empty selection
/// lets every document pass.
public struct FacetSelection: Sendable, Hashable {
    /// The facet's column (``ColumnType/multiU32`` or ``ColumnType/u32``).
    public var column: ColumnID
    /// The selected values, ORed.
    public var values: Set<UInt32>

    /// Makes a facet selection.
    public init(column: ColumnID, values: Set<UInt32> = []) {
        self.column = column
        self.values = values
    }

    /// Whether a document with these facet values passes the selection.
    func passes(_ docValues: some Sequence<UInt32>) -> Bool {
        values.isEmpty || docValues.contains(where: values.contains)
    }
}
