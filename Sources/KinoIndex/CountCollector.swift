/// Counts the matching documents without scoring them.
public struct CountCollector: Collector {
    /// The number of documents collected.
    public private(set) var count = 0

    /// Makes a collector with a count of 0.
    public init() {}

    public var needsScores: Bool { false }

    public mutating func collect(doc: DocID, score: Double) {
        count += 1
    }
}
