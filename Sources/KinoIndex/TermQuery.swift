/// Documents that contain one analysed term in one field, scored with BM25:
///
///     score(d) = boost · idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len(d) / avglen))
///     idf      = ln(1 + (N − df + 0.5) / (df + 0.5))
///
/// This is ``MultiFieldTermQuery`` with a single field of weight 1.
public struct TermQuery: Query {
    /// The field.
    public var field: FieldID
    /// The analysed term, as ``Analyzer/terms(_:)`` makes it.
    public var term: String
    /// The term-frequency saturation.
    public var k1: Double
    /// The length normalisation strength, from 0 to 1.
    public var b: Double
    /// A factor applied to the whole score.
    public var boost: Double

    /// Makes a term query.
    public init(field: FieldID, term: String, k1: Double = 1.2, b: Double = 0.75, boost: Double = 1) {
        self.field = field
        self.term = term
        self.k1 = k1
        self.b = b
        self.boost = boost
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        MultiFieldTermQuery(term: term, fields: [FieldWeighting(field: field, weight: 1, b: b)], k1: k1, boost: boost)
            .weight(searcher: searcher, scoring: scoring)
    }
}
