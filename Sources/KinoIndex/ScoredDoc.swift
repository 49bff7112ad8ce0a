/// A document with its score.
public struct ScoredDoc: Sendable, Hashable {
    /// The document.
    public var doc: DocID
    /// Its score.
    public var score: Double

    /// Makes a scored document.
    public init(doc: DocID, score: Double) {
        self.doc = doc
        self.score = score
    }

    /// Whether `self` ranks before `other`: a higher score, or an equal score and a smaller doc id.
    public func ranks(before other: ScoredDoc) -> Bool {
        score != other.score ? score > other.score : doc < other.doc
    }
}
