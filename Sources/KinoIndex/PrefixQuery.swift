/// Documents that contain, in one field, a term starting with a prefix: the as-you-type last word.
///
/// The prefix is expanded through the term dictionary's range of terms that start with it (compared byte by byte).
/// At most ``maxExpansions`` terms are kept, those with the highest document frequencies (ties in dictionary
/// order), so a one-letter prefix cannot turn into thousands of postings walks; choosing them reads the whole
/// range of the dictionary, not the postings. Each kept term is scored with BM25 as a ``TermQuery`` would be, and a
/// document's score is the best of its terms' scores (several forms of one word do not add up).
public struct PrefixQuery: Query {
    /// The default cap on the number of expanded terms.
    public static let defaultMaxExpansions = 64

    /// The field.
    public var field: FieldID
    /// The prefix of analysed terms.
    public var prefix: String
    /// The most terms the prefix expands to.
    public var maxExpansions: Int
    /// The term-frequency saturation.
    public var k1: Double
    /// The length normalisation strength, from 0 to 1.
    public var b: Double
    /// A factor applied to the whole score.
    public var boost: Double

    /// Makes a prefix query.
    public init(field: FieldID, prefix: String, maxExpansions: Int = PrefixQuery.defaultMaxExpansions,
                k1: Double = 1.2, b: Double = 0.75, boost: Double = 1) {
        self.field = field
        self.prefix = prefix
        self.maxExpansions = max(0, maxExpansions)
        self.k1 = k1
        self.b = b
        self.boost = boost
    }

    /// The terms the prefix expands to in `searcher`'s dictionary, most frequent first (ties in dictionary order).
    public func expansions(in searcher: Searcher) -> [String] {
        expandedTerms(searcher).map { $0.term }
    }

    private func expandedTerms(_ searcher: Searcher) -> [(term: String, info: TermInfo)] {
        searcher.segment.mostFrequentTerms(field: field, prefix: prefix, count: maxExpansions)
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        ExpansionWeight(searcher: searcher, field: field,
                        expansions: expandedTerms(searcher).map { (info: $0.info, boost: boost) },
                        k1: k1, b: b, scoring: scoring)
    }
}
