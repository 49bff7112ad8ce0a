/// A ``Query`` bound to a ``Searcher``: the statistics are computed, and ``scorer()`` walks the searcher's segment.
public protocol Weight: Sendable {
    /// A fresh scorer over the matching documents, positioned on the first one.
    func scorer() -> any Scorer

    /// An upper bound of any score the weight's scorers return (0 when not scoring). Top-k collection uses it to
    /// skip documents that cannot enter the result.
    var maxScore: Double { get }
}
