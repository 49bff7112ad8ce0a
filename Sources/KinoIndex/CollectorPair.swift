/// Two collectors fed in one pass over the matches; nest pairs for more (`CollectorPair(a, CollectorPair(b, c))`).
///
/// The pair walks the scorer itself, so a member's own ``Collector/collectSegment(_:)`` shortcut is not used.
public struct CollectorPair<First: Collector, Second: Collector>: Collector {
    /// The first collector, filled after the search.
    public private(set) var first: First
    /// The second collector, filled after the search.
    public private(set) var second: Second

    /// Pairs two collectors.
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public var needsScores: Bool { first.needsScores || second.needsScores }

    public mutating func collect(doc: DocID, score: Double) {
        first.collect(doc: doc, score: score)
        second.collect(doc: doc, score: score)
    }
}
