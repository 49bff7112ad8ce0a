/// How a clause of a ``BooleanQuery`` takes part in matching.
public enum Occur: Sendable, Hashable {
    /// Every document must match the clause; its score is added.
    case must
    /// Optional when there are `must` clauses (a match adds its score); otherwise at least one `should` clause must
    /// match.
    case should
    /// Matching documents are excluded; never scored.
    case mustNot
}
