/// A zero-copy view of the stored bytes of every document, written by ``StoredFieldsWriter``.
public struct StoredFieldsReader: Sendable {
    private let body: ByteView
    private let name: String
    /// The number of documents.
    public let count: Int
    private let dataStart: Int

    init(file: MappedFile, docCount: Int) throws(IndexError) {
        body = file.body
        name = file.name
        var cursor = ByteCursor(body, file: name)
        count = Int(try cursor.u32("doc count"))
        guard count == docCount else {
            throw IndexError(.corrupt, "\(name): \(count) documents, the segment has \(docCount)")
        }
        guard body.contains(offset: 4, length: (count + 1) * 8) else {
            throw IndexError(.corrupt, "\(name): offsets table of \(count) documents runs past the end")
        }
        dataStart = 4 + (count + 1) * 8
        guard body.u64(at: 4) == 0, body.u64(at: dataStart - 8) == UInt64(body.count - dataStart) else {
            throw IndexError(.corrupt, "\(name): offsets table does not cover the data")
        }
    }

    /// A copy of the bytes stored for `doc`, or nil if `doc` is out of range or its offsets are inconsistent.
    public func document(_ doc: DocID) -> [UInt8]? {
        view(doc)?.array()
    }

    /// Calls `body` with the bytes stored for `doc`, in place (the pointer must not escape); nil if `doc` is out of
    /// range or its offsets are inconsistent.
    public func withDocument<Result>(_ doc: DocID, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result? {
        guard let view = view(doc) else { return nil }
        return try view.withUnsafeBytes(body)
    }

    /// The bytes stored for `doc` without copying them.
    func view(_ doc: DocID) -> ByteView? {
        guard Int(doc) < count, let start = body.u64(at: 4 + Int(doc) * 8), let end = body.u64(at: 12 + Int(doc) * 8),
              start <= end, end <= UInt64(body.count - dataStart) else { return nil }
        return body.slice(at: dataStart + Int(start), length: Int(end - start))
    }
}
