/// What a per-document column holds.
public enum ColumnType: UInt8, Sendable, Hashable {
    /// One unsigned 32-bit integer per document (0 when absent).
    case u32 = 1
    /// One signed 32-bit integer per document (0 when absent).
    case i32 = 2
    /// One 32-bit float per document (0 when absent).
    case f32 = 3
    /// Any number of unsigned 32-bit integers per document, in the order given (facets: genre ids and the like).
    case multiU32 = 4
}

/// A document's value for one column; its case must match the column's ``ColumnType``.
public enum ColumnValue: Sendable, Hashable {
    /// A value of a ``ColumnType/u32`` column.
    case u32(UInt32)
    /// A value of an ``ColumnType/i32`` column.
    case i32(Int32)
    /// A value of an ``ColumnType/f32`` column.
    case f32(Float)
    /// The values of a ``ColumnType/multiU32`` column.
    case multiU32([UInt32])

    /// The column type this value belongs to.
    public var type: ColumnType {
        switch self {
        case .u32: .u32
        case .i32: .i32
        case .f32: .f32
        case .multiU32: .multiU32
        }
    }
}
