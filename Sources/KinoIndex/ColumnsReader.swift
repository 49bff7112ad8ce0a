/// A zero-copy view of the per-document columns written by ``ColumnsWriter``.
///
/// Each accessor returns nil for an unknown column, a column of another type, or a document out of range.
public struct ColumnsReader: Sendable {
    private struct Entry: Sendable {
        let type: ColumnType
        let data: ByteView
    }

    private let entries: [ColumnID: Entry]
    private let docCount: Int

    init(file: MappedFile, docCount expected: Int) throws(IndexError) {
        let body = file.body
        let name = file.name
        var cursor = ByteCursor(body, file: name)
        let columnCount = Int(try cursor.u32("column count"))
        docCount = Int(try cursor.u32("doc count"))
        guard docCount == expected else {
            throw IndexError(.corrupt, "\(name): \(docCount) documents, the segment has \(expected)")
        }
        var entries: [ColumnID: Entry] = [:]
        for _ in 0..<columnCount {
            let id = ColumnID(try cursor.u16("column id"))
            let rawType = try cursor.u8("column type")
            _ = try cursor.u8("padding")
            let offset = try cursor.u64("column offset")
            let length = try cursor.u64("column length")
            guard let type = ColumnType(rawValue: rawType) else {
                throw IndexError(.corrupt, "\(name): \(id) has unknown type \(rawType)")
            }
            guard offset <= UInt64(body.count), length <= UInt64(body.count),
                  let data = body.slice(at: Int(offset), length: Int(length)) else {
                throw IndexError(.corrupt, "\(name): \(id) lies outside the file")
            }
            let minimum = type == .multiU32 ? (docCount + 1) * 4 : docCount * 4
            guard type == .multiU32 ? data.count >= minimum && data.count % 4 == 0 : data.count == minimum else {
                throw IndexError(.corrupt, "\(name): \(id) is \(data.count) bytes, wrong for \(docCount) documents")
            }
            entries[id] = Entry(type: type, data: data)
        }
        self.entries = entries
    }

    private func word(_ column: ColumnID, _ type: ColumnType, _ doc: DocID) -> UInt32? {
        guard let entry = entries[column], entry.type == type, Int(doc) < docCount else { return nil }
        return entry.data.u32(at: Int(doc) * 4)
    }

    /// The value of a ``ColumnType/u32`` column.
    public func u32(_ column: ColumnID, doc: DocID) -> UInt32? {
        word(column, .u32, doc)
    }

    /// The value of an ``ColumnType/i32`` column.
    public func i32(_ column: ColumnID, doc: DocID) -> Int32? {
        word(column, .i32, doc).map { Int32(bitPattern: $0) }
    }

    /// The value of an ``ColumnType/f32`` column.
    public func f32(_ column: ColumnID, doc: DocID) -> Float? {
        word(column, .f32, doc).map { Float(bitPattern: $0) }
    }

    /// The values of a ``ColumnType/multiU32`` column, in the order they were given.
    public func values(_ column: ColumnID, doc: DocID) -> [UInt32]? {
        guard let entry = entries[column], entry.type == .multiU32, Int(doc) < docCount,
              let start = entry.data.u32(at: Int(doc) * 4), let end = entry.data.u32(at: Int(doc) * 4 + 4),
              start <= end else { return nil }
        let valuesStart = (docCount + 1) * 4
        guard let slice = entry.data.slice(at: valuesStart + Int(start) * 4, length: Int(end - start) * 4) else {
            return nil
        }
        return (0..<Int(end - start)).compactMap { slice.u32(at: $0 * 4) }
    }
}
