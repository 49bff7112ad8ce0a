/// Collects every document's column values and serializes them column by column.
///
/// Body: column count u32 | doc count u32 | directory, per column: id u16 | type u8 | 0 u8 | offset u64 | length u64
/// | column data. A fixed-width column is one 4-byte little-endian value per document; a multi-valued column is
/// (doc count + 1) u32 start indexes followed by the u32 values.
struct ColumnsWriter {
    let columns: [Schema.Column]
    private var fixed: [[UInt32]]
    private var starts: [[UInt32]]
    private var values: [[UInt32]]
    private(set) var docCount = 0

    init(columns: [Schema.Column]) {
        self.columns = columns
        fixed = Array(repeating: [], count: columns.count)
        starts = Array(repeating: [0], count: columns.count)
        values = Array(repeating: [], count: columns.count)
    }

    /// Records the next document's values; missing columns get 0 or no values. The caller has checked the types.
    mutating func addDocument(_ document: [ColumnID: ColumnValue]) {
        for (slot, column) in columns.enumerated() {
            switch document[column.id] {
            case .u32(let value): fixed[slot].append(value)
            case .i32(let value): fixed[slot].append(UInt32(bitPattern: value))
            case .f32(let value): fixed[slot].append(value.bitPattern)
            case .multiU32(let list):
                values[slot].append(contentsOf: list)
            case nil:
                if column.type != .multiU32 { fixed[slot].append(0) }
            }
            if column.type == .multiU32 {
                starts[slot].append(UInt32(values[slot].count))
            }
        }
        docCount += 1
    }

    func serialize(into body: inout ByteWriter) {
        body.appendU32(UInt32(columns.count))
        body.appendU32(UInt32(docCount))
        var offset = 8 + columns.count * 20
        for (slot, column) in columns.enumerated() {
            let size = column.type == .multiU32 ? (starts[slot].count + values[slot].count) * 4 : fixed[slot].count * 4
            body.appendU16(column.id.rawValue)
            body.append(column.type.rawValue)
            body.append(0)
            body.appendU64(UInt64(offset))
            body.appendU64(UInt64(size))
            offset += size
        }
        for (slot, column) in columns.enumerated() {
            let words = column.type == .multiU32 ? starts[slot] + values[slot] : fixed[slot]
            for word in words {
                body.appendU32(word)
            }
        }
    }
}
