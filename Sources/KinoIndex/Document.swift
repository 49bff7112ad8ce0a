/// One document to index: texts per field, opaque stored bytes and column values.
///
/// A field may appear several times (several titles); its values are indexed one after the other with a gap of one
/// position between them, so a phrase never spans two values.
public struct Document: Sendable {
    /// The texts to analyse and index, each with its field.
    public var fields: [(field: FieldID, text: String)]
    /// Bytes kept as they are and returned by ``StoredFieldsReader/document(_:)`` (JSON, for instance).
    public var stored: [UInt8]
    /// Column values; a column without a value reads back as 0 (or no values for a multi-valued column).
    public var columns: [ColumnID: ColumnValue]

    /// Makes a document.
    public init(fields: [(field: FieldID, text: String)] = [], stored: [UInt8] = [],
                columns: [ColumnID: ColumnValue] = [:]) {
        self.fields = fields
        self.stored = stored
        self.columns = columns
    }
}
