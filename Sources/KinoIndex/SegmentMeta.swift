/// The `meta.kix` file of a segment: document count, schema, and each field's total length (for BM25's average).
///
/// Body: varint doc count | varint field count | per field: id u16 | flags u8 (1 = positions, 2 = unstemmed) |
/// varint name length | name | total length u64 | varint column count | per column: id u16 | type u8 |
/// varint name length | name.
struct SegmentMeta: Sendable, Hashable {
    static let fileName = "meta.kix"

    var docCount: Int
    var schema: Schema
    /// Per field id, the sum of its lengths over all documents.
    var totalLengths: [FieldID: UInt64]

    func serialize(into body: inout ByteWriter) {
        body.appendVarint(UInt64(docCount))
        body.appendVarint(UInt64(schema.fields.count))
        for field in schema.fields {
            body.appendU16(field.id.rawValue)
            body.append((field.positions ? 1 : 0) | (field.stemmed ? 0 : 2))
            body.appendLengthPrefixed(Array(field.name.utf8))
            body.appendU64(totalLengths[field.id] ?? 0)
        }
        body.appendVarint(UInt64(schema.columns.count))
        for column in schema.columns {
            body.appendU16(column.id.rawValue)
            body.append(column.type.rawValue)
            body.appendLengthPrefixed(Array(column.name.utf8))
        }
    }

    init(docCount: Int, schema: Schema, totalLengths: [FieldID: UInt64]) {
        self.docCount = docCount
        self.schema = schema
        self.totalLengths = totalLengths
    }

    init(file: MappedFile) throws(IndexError) {
        let name = file.name
        var cursor = ByteCursor(file.body, file: name)
        docCount = try cursor.count("doc count", atMost: Int(UInt32.max - 1))
        let fieldCount = try cursor.count("field count", atMost: Int(UInt16.max) + 1)
        var fields: [Schema.Field] = []
        var totals: [FieldID: UInt64] = [:]
        for _ in 0..<fieldCount {
            let id = FieldID(try cursor.u16("field id"))
            let flags = try cursor.u8("field flags")
            let fieldName = String(decoding: try cursor.lengthPrefixed("field name"), as: UTF8.self)
            totals[id] = try cursor.u64("field total length")
            guard flags & ~3 == 0 else { throw IndexError(.corrupt, "\(name): field \(fieldName) has unknown flags \(flags)") }
            fields.append(Schema.Field(id: id, name: fieldName, positions: flags & 1 != 0, stemmed: flags & 2 == 0))
        }
        let columnCount = try cursor.count("column count", atMost: Int(UInt16.max) + 1)
        var columns: [Schema.Column] = []
        for _ in 0..<columnCount {
            let id = ColumnID(try cursor.u16("column id"))
            let rawType = try cursor.u8("column type")
            let columnName = String(decoding: try cursor.lengthPrefixed("column name"), as: UTF8.self)
            guard let type = ColumnType(rawValue: rawType) else {
                throw IndexError(.corrupt, "\(name): column \(columnName) has unknown type \(rawType)")
            }
            columns.append(Schema.Column(id: id, name: columnName, type: type))
        }
        guard cursor.isAtEnd else { throw IndexError(.corrupt, "\(name): trailing bytes after the schema") }
        do {
            schema = try Schema(fields: fields, columns: columns)
        } catch {
            throw IndexError(.corrupt, "\(name): \(error.message)")
        }
        totalLengths = totals
    }
}
