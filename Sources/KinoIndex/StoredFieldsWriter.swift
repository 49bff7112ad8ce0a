/// Collects every document's stored bytes and serializes them as an offsets table followed by the data.
///
/// Body: doc count u32 | offsets u64 × (doc count + 1), relative to the data start | data.
struct StoredFieldsWriter {
    private var offsets: [UInt64] = [0]
    private var data = ByteWriter()

    mutating func addDocument(_ bytes: [UInt8]) {
        data.append(contentsOf: bytes)
        offsets.append(UInt64(data.count))
    }

    func serialize(into body: inout ByteWriter) {
        body.appendU32(UInt32(offsets.count - 1))
        for offset in offsets {
            body.appendU64(offset)
        }
        body.append(contentsOf: data.bytes)
    }
}
