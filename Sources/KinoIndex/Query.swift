/// A recipe for matching and scoring documents, independent of any index.
///
/// A query becomes a ``Weight`` once bound to a ``Searcher`` (which supplies corpus statistics such as document
/// frequencies and average field lengths); the weight then makes ``Scorer``s that walk the matching documents.
public protocol Query: Sendable {
    /// Binds the query to `searcher`. When `scoring` is false the weight's scorers may return 0 for every document,
    /// which lets collectors that only count skip the arithmetic.
    func weight(searcher: Searcher, scoring: Bool) -> any Weight
}
