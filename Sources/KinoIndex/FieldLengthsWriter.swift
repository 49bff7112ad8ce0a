/// Collects every document's length in every field (its number of word positions), for BM25 length
/// normalisation, and serializes them as one u16 per field per document (saturating at 65535).
///
/// Body: doc count u32 | field count u32 | field ids u16 × field count | per field, per doc: length u16.
struct FieldLengthsWriter {
    let fields: [FieldID]
    private var lengths: [[UInt16]]
    private(set) var totals: [UInt64]

    init(fields: [FieldID]) {
        self.fields = fields
        lengths = Array(repeating: [], count: fields.count)
        totals = Array(repeating: 0, count: fields.count)
    }

    /// Records the next document's lengths, one per field in ``fields`` order.
    mutating func addDocument(_ documentLengths: [UInt32]) {
        for (slot, length) in documentLengths.enumerated() {
            lengths[slot].append(UInt16(min(length, UInt32(UInt16.max))))
            totals[slot] += UInt64(length)
        }
    }

    func serialize(into body: inout ByteWriter, docCount: Int) {
        body.appendU32(UInt32(docCount))
        body.appendU32(UInt32(fields.count))
        for field in fields {
            body.appendU16(field.rawValue)
        }
        for column in lengths {
            for length in column {
                body.appendU16(length)
            }
        }
    }
}
