/// Writes postings in blocks of ``blockSize`` documents, with skip data for `advance(to:)`.
///
/// A term's entry in the postings body, at ``TermInfo/postingsOffset``:
/// ```
/// skip table  per block: last doc id u32 | end of the block's data u32 | end of the block's positions u32
///             (ends are relative to the start of the term's data and of the term's positions)
/// data        per block: varint doc-id deltas (the first from the previous block's last doc, or from 0),
///             then varint term frequencies
/// ```
/// A term's positions in the positions body, at ``TermInfo/positionsOffset``: per document, per occurrence, varint
/// deltas from the previous position in the same document (the first from 0).
struct PostingsSerializer {
    static let blockSize = 128
    static let skipEntrySize = 12

    private(set) var postings = ByteWriter()
    private(set) var positions = ByteWriter()

    /// Appends one term's postings and returns where they went.
    mutating func add(_ term: PostingsWriter.TermPostings, keepsPositions: Bool) -> TermInfo {
        let postingsOffset = UInt64(postings.count)
        let positionsOffset = UInt64(positions.count)
        let count = term.docs.count
        let blockCount = (count + Self.blockSize - 1) / Self.blockSize
        let skipStart = postings.count
        for _ in 0..<(blockCount * Self.skipEntrySize) {
            postings.append(0)
        }
        let dataStart = postings.count
        var skips = ByteWriter()
        var positionIndex = 0
        var previousDoc: DocID = 0
        for block in 0..<blockCount {
            let range = (block * Self.blockSize)..<min(count, (block + 1) * Self.blockSize)
            for index in range {
                postings.appendVarint(UInt64(term.docs[index] - previousDoc))
                previousDoc = term.docs[index]
            }
            for index in range {
                postings.appendVarint(UInt64(term.frequencies[index]))
            }
            if keepsPositions {
                for index in range {
                    var previous: UInt32 = 0
                    for _ in 0..<term.frequencies[index] {
                        let position = term.positions[positionIndex]
                        positions.appendVarint(UInt64(position - previous))
                        previous = position
                        positionIndex += 1
                    }
                }
            }
            skips.appendU32(previousDoc)
            skips.appendU32(UInt32(postings.count - dataStart))
            skips.appendU32(UInt32(positions.count - Int(positionsOffset)))
        }
        for (index, byte) in skips.bytes.enumerated() {
            postings.setByte(byte, at: skipStart + index)
        }
        return TermInfo(docFrequency: UInt32(count), postingsOffset: postingsOffset,
                        positionsOffset: keepsPositions ? positionsOffset : nil)
    }
}
