/// A ``Query`` bound to a ``Searcher``: the statistics are computed, and ``scorer()`` walks the searcher's segment.
public protocol Weight: Sendable {
    /// A fresh scorer over the matching documents, positioned on the first one.
    func scorer() -> any Scorer

    /// An upper bound of any score the weight's scorers return (0 when not scoring). Top-k collection uses it to
    /// skip documents that cannot enter the result.
    var maxScore: Double { get }

    /// True when the weight's scorers match no document at all (a term in no document), so that combinations can
    /// leave it out instead of walking an empty scorer; false when it may match.
    var matchesNothing: Bool { get }
}

extension Weight {
    public var matchesNothing: Bool { false }
}
