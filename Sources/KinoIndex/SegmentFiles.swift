/// The names of a segment's files inside its directory. `meta.kix` is committed last, so a directory with a
/// `meta.kix` holds a complete segment.
enum SegmentFiles {
    static let terms = "terms.kix"
    static let postings = "postings.kix"
    static let positions = "positions.kix"
    static let fieldLengths = "fieldlengths.kix"
    static let stored = "stored.kix"
    static let columns = "columns.kix"
    /// From format version 2 on.
    static let typos = "typos.kix"
    static let meta = SegmentMeta.fileName
}
