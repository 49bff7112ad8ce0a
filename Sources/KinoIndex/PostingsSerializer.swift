/// Writes postings in blocks of ``blockSize`` documents, with skip data for `advance(to:)`.
///
/// A term's entry in the postings body, at ``TermInfo/postingsOffset``:
/// ```
/// skip table  per block: last doc id u32 | end of the block's data u32 | end of the block's positions u32
///             (ends are relative to the start of the term's data and of the term's positions)
/// data        per block (format version 3):
///               doc ids less the block's base, packed in the bits of the largest (the last, whose doc id is in the
///               skip table) | the width of the frequencies u8 | term frequencies less 1, packed in that width
///             (the base is the previous block's last doc id plus 1, or 0; the values of a block are packed least
///             significant bits first and end on a byte; a width of 0 takes no bytes)
///             per block (format versions 1 and 2, read only): varint doc-id deltas (the first from the previous
///             block's last doc, or from 0), then varint term frequencies
/// ```
/// A term's positions in the positions body, at ``TermInfo/positionsOffset``: per document, per occurrence, varint
/// deltas from the previous position in the same document (the first from 0).
///
/// Packed doc ids are read in place, without decoding the block: a cursor that a conjunction moves to one document
/// of a block finds it by binary search and reads its frequency alone.
struct PostingsSerializer {
    static let blockSize = 128
    static let skipEntrySize = 12

    private(set) var postings = ByteWriter()
    private(set) var positions = ByteWriter()

    /// The bits that `value` needs (0 for 0).
    static func bitWidth(_ value: UInt32) -> Int {
        UInt32.bitWidth - value.leadingZeroBitCount
    }

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
        var base: DocID = 0
        for block in 0..<blockCount {
            let range = (block * Self.blockSize)..<min(count, (block + 1) * Self.blockSize)
            let lastDoc = term.docs[range.upperBound - 1]
            postings.appendPacked(term.docs[range].lazy.map { $0 - base }, bits: Self.bitWidth(lastDoc - base))
            let frequencies = term.frequencies[range].lazy.map { $0 - 1 }
            let frequencyBits = Self.bitWidth(frequencies.max() ?? 0)
            postings.append(UInt8(frequencyBits))
            postings.appendPacked(frequencies, bits: frequencyBits)
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
            skips.appendU32(lastDoc)
            skips.appendU32(UInt32(postings.count - dataStart))
            skips.appendU32(UInt32(positions.count - Int(positionsOffset)))
            base = lastDoc + 1
        }
        for (index, byte) in skips.bytes.enumerated() {
            postings.setByte(byte, at: skipStart + index)
        }
        return TermInfo(docFrequency: UInt32(count), postingsOffset: postingsOffset,
                        positionsOffset: keepsPositions ? positionsOffset : nil)
    }
}
