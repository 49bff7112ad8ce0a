/// Where a term's postings live, and in how many documents it occurs.
public struct TermInfo: Sendable, Hashable {
    /// The number of documents that contain the term.
    public var docFrequency: UInt32
    /// The offset of the term's doc ids and frequencies in the postings file body.
    public var postingsOffset: UInt64
    /// The offset of the term's positions in the positions file body; nil for fields that keep no positions.
    public var positionsOffset: UInt64?

    /// Makes a term info.
    public init(docFrequency: UInt32, postingsOffset: UInt64, positionsOffset: UInt64?) {
        self.docFrequency = docFrequency
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }
}
