/// A zero-copy view of per-document field lengths written by ``FieldLengthsWriter``.
public struct FieldLengthsReader: Sendable {
    private let body: ByteView
    private let docCount: Int
    /// Each field's slot in the file, by field id (ids are small, so this is an array and a look-up costs no
    /// hashing); -1 for a field the file does not have.
    private let slots: [Int]
    private let dataStart: Int

    init(file: MappedFile, docCount expected: Int) throws(IndexError) {
        body = file.body
        var cursor = ByteCursor(body, file: file.name)
        docCount = Int(try cursor.u32("doc count"))
        let fieldCount = Int(try cursor.u32("field count"))
        guard docCount == expected else {
            throw IndexError(.corrupt, "\(file.name): \(docCount) documents, the segment has \(expected)")
        }
        var slots: [FieldID: Int] = [:]
        for slot in 0..<fieldCount {
            slots[FieldID(try cursor.u16("field id"))] = slot
        }
        dataStart = cursor.offset
        let (size, overflow) = fieldCount.multipliedReportingOverflow(by: docCount * 2)
        guard !overflow, body.count - dataStart == size, slots.count == fieldCount else {
            throw IndexError(.corrupt, "\(file.name): size does not match \(fieldCount) fields × \(docCount) documents")
        }
        var table = [Int](repeating: -1, count: Int(slots.keys.map { $0.rawValue }.max() ?? 0) + 1)
        for (field, slot) in slots {
            table[Int(field.rawValue)] = slot
        }
        self.slots = table
    }

    /// The length of `field` in `doc` (its number of word positions, at most 65535), or nil for an unknown field or
    /// document.
    public func length(field: FieldID, doc: DocID) -> UInt16? {
        column(field)?.length(doc: doc)
    }

    /// The lengths of one field, looked up once for a scorer that reads them for every document it walks; nil for
    /// an unknown field.
    func column(_ field: FieldID) -> Column? {
        let slot = Int(field.rawValue) < slots.count ? slots[Int(field.rawValue)] : -1
        return slot < 0 ? nil : Column(body: body, start: dataStart + slot * docCount * 2, docCount: docCount)
    }

    /// The lengths of one field in every document.
    struct Column: Sendable {
        fileprivate let body: ByteView
        fileprivate let start: Int
        fileprivate let docCount: Int

        /// The length of the field in `doc`, or nil past the last document.
        func length(doc: DocID) -> UInt16? {
            guard Int(doc) < docCount else { return nil }
            return body.u16(at: start + Int(doc) * 2)
        }
    }
}
