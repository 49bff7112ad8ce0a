/// Writes a sorted term dictionary: keys in blocks of ``blockSize`` with prefix-compressed keys, then a sparse
/// index of every block's first key.
///
/// ```
/// blocks   per term: varint shared-prefix length | varint suffix length | suffix |
///                    varint doc frequency | varint postings offset | varint (positions offset + 1, or 0)
/// index    per block: block offset u64 | first-key offset u32 | first-key length u32      (16 bytes each)
/// keys     the first keys, back to back
/// trailer  term count u64 | block size u32 | block count u32 | index offset u64 | keys offset u64   (32 bytes)
/// ```
struct TermDictionarySerializer {
    static let blockSize = 16
    static let trailerSize = 32

    private var blocks = ByteWriter()
    private var blockOffsets: [UInt64] = []
    private var firstKeys: [[UInt8]] = []
    private var previous: [UInt8] = []
    private(set) var termCount = 0

    /// Adds the next term; keys must come in strictly increasing byte order.
    mutating func add(_ key: [UInt8], _ info: TermInfo) {
        precondition(termCount == 0 || TermKey.precedes(previous, key), "terms must be added in sorted order")
        var shared = 0
        if termCount % Self.blockSize == 0 {
            blockOffsets.append(UInt64(blocks.count))
            firstKeys.append(key)
        } else {
            let limit = min(previous.count, key.count)
            while shared < limit && previous[shared] == key[shared] {
                shared += 1
            }
        }
        blocks.appendVarint(UInt64(shared))
        blocks.appendVarint(UInt64(key.count - shared))
        blocks.append(contentsOf: key[shared...])
        blocks.appendVarint(UInt64(info.docFrequency))
        blocks.appendVarint(info.postingsOffset)
        blocks.appendVarint(info.positionsOffset.map { $0 + 1 } ?? 0)
        previous = key
        termCount += 1
    }

    /// Appends the dictionary to `body`, which must be empty (offsets are relative to the body start).
    func serialize(into body: inout ByteWriter) {
        precondition(body.count == 0, "the term dictionary is the whole body of its file")
        body.append(contentsOf: blocks.bytes)
        let indexOffset = body.count
        var keyOffset = 0
        for (offset, key) in zip(blockOffsets, firstKeys) {
            body.appendU64(offset)
            body.appendU32(UInt32(keyOffset))
            body.appendU32(UInt32(key.count))
            keyOffset += key.count
        }
        let keysOffset = body.count
        for key in firstKeys {
            body.append(contentsOf: key)
        }
        body.appendU64(UInt64(termCount))
        body.appendU32(UInt32(Self.blockSize))
        body.appendU32(UInt32(blockOffsets.count))
        body.appendU64(UInt64(indexOffset))
        body.appendU64(UInt64(keysOffset))
    }
}
