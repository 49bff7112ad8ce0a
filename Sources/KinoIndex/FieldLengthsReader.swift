/// A zero-copy view of per-document field lengths written by ``FieldLengthsWriter``.
public struct FieldLengthsReader: Sendable {
    private let body: ByteView
    private let docCount: Int
    private let slots: [FieldID: Int]
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
        self.slots = slots
    }

    /// The length of `field` in `doc` (its number of word positions, at most 65535), or nil for an unknown field or
    /// document.
    public func length(field: FieldID, doc: DocID) -> UInt16? {
        guard let slot = slots[field], Int(doc) < docCount else { return nil }
        return body.u16(at: dataStart + (slot * docCount + Int(doc)) * 2)
    }
}
