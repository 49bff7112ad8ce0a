/// A zero-copy view of the per-document columns written by ``ColumnsWriter``.
///
/// Each accessor returns nil for an unknown column, a column of another type, or a document out of range.
public struct ColumnsReader: @unchecked Sendable {
    private struct Entry: Sendable {
        let type: ColumnType
        let data: ByteView
    }

    /// A column's bytes as a bare pointer and length, so that a read retains nothing: the pointer is into the
    /// storage of the same column's ``Entry``, which the reader keeps alive and never changes (hence
    /// `@unchecked Sendable`).
    private struct Raw {
        let type: ColumnType
        let base: UnsafeRawPointer
        let count: Int

        func u32(at offset: Int) -> UInt32? {
            guard offset >= 0, offset <= count - 4 else { return nil }
            return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }
    }

    /// By column id; a column id is small, so this is an array and a read costs no hashing.
    private let entries: [Entry?]
    /// The same columns as `entries`, as pointers.
    private let raws: [Raw?]
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
        var table = [Entry?](repeating: nil, count: Int(entries.keys.map(\.rawValue).max() ?? 0) + 1)
        for (id, entry) in entries {
            table[Int(id.rawValue)] = entry
        }
        self.entries = table
        raws = table.map { entry in
            entry.map { entry in
                entry.data.withUnsafeBytes { Raw(type: entry.type, base: $0.baseAddress!, count: $0.count) }
            }
        }
    }

    private func entry(_ column: ColumnID) -> Raw? {
        Int(column.rawValue) < raws.count ? raws[Int(column.rawValue)] : nil
    }

    private func word(_ column: ColumnID, _ type: ColumnType, _ doc: DocID) -> UInt32? {
        guard let entry = entry(column), entry.type == type, Int(doc) < docCount else { return nil }
        return entry.u32(at: Int(doc) * 4)
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
        guard entry(column)?.type == .multiU32 else { return nil }
        var values: [UInt32] = []
        return self.values(column, doc: doc, into: &values) ? values : nil
    }

    /// Replaces the contents of `buffer` with the values of a ``ColumnType/multiU32`` column (or the one value of a
    /// ``ColumnType/u32`` column), without allocating once the buffer has grown; false when the column cannot be read
    /// that way.
    public func values(_ column: ColumnID, doc: DocID, into buffer: inout [UInt32]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        guard let entry = entry(column), Int(doc) < docCount else { return false }
        switch entry.type {
        case .u32:
            guard let value = entry.u32(at: Int(doc) * 4) else { return false }
            buffer.append(value)
            return true
        case .multiU32:
            guard let start = entry.u32(at: Int(doc) * 4), let end = entry.u32(at: Int(doc) * 4 + 4),
                  start <= end else { return false }
            let valuesStart = (docCount + 1) * 4 + Int(start) * 4
            let count = Int(end - start)
            guard valuesStart <= entry.count, count <= (entry.count - valuesStart) / 4 else { return false }
            for index in 0..<count {
                buffer.append(UInt32(littleEndian: entry.base.loadUnaligned(fromByteOffset: valuesStart + index * 4,
                                                                            as: UInt32.self)))
            }
            return true
        case .i32, .f32:
            return false
        }
    }
}
