/// The frame every index file shares (after Lucene's `CodecUtil`):
///
/// ```
/// header  magic "KINOIDX1" (8) | kind tag (4) | format version u32 LE (4) | segment id (16)      = 32 bytes
/// body    structure-specific bytes
/// footer  body length u64 LE (8) | xxHash64 of header + body, u64 LE (8) | magic "KINOIDX1" (8) = 24 bytes
/// ```
///
/// All offsets stored inside a body are relative to the start of the body.
enum IndexFileFormat {
    static let magic: [UInt8] = Array("KINOIDX1".utf8)
    /// The version this build writes. Version 2 added `typos.kix` to every segment; a segment of version 1, which
    /// has none, is read without it (typo look-ups walk the dictionary). Version 3 packs the doc ids and
    /// frequencies of postings blocks (see ``PostingsSerializer``); segments of versions 1 and 2 keep their varints.
    static let version: UInt32 = 3
    /// The versions this build reads.
    static let readableVersions: ClosedRange<UInt32> = 1...version
    static let headerSize = 32
    static let footerSize = 24
}
