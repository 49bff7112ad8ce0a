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
        expandedTerms(searcher).map(\.term)
    }

    private func expandedTerms(_ searcher: Searcher) -> [(term: String, info: TermInfo)] {
        guard maxExpansions > 0 else { return [] }
        let all = Array(searcher.segment.terms(field: field, prefix: prefix))
        let order = all.indices.sorted { lhs, rhs in
            let left = all[lhs].info.docFrequency
            let right = all[rhs].info.docFrequency
            return left != right ? left > right : lhs < rhs
        }
        return order.prefix(maxExpansions).map { all[$0] }
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        let weighting = FieldWeighting(field: field, weight: 1, b: b)
        let average = searcher.averageLength(field: field)
        let terms = expandedTerms(searcher).map { entry in
            TermWeight(segment: searcher.segment,
                       parts: [TermWeight.Part(info: entry.info, weighting: weighting, averageLength: average)],
                       idf: BM25.idf(docFrequency: Int(entry.info.docFrequency), docCount: searcher.docCount),
                       k1: k1, boost: boost, scoring: scoring)
        }
        return PrefixWeight(terms: terms)
    }
}

/// The weight of a ``PrefixQuery``: one term weight per expansion, combined by maximum.
struct PrefixWeight: Weight {
    let terms: [TermWeight]

    var maxScore: Double {
        terms.reduce(0) { max($0, $1.maxScore) }
    }

    func scorer() -> any Scorer {
        switch terms.count {
        case 0: EmptyScorer()
        case 1: terms[0].scorer()
        default: DisjunctionScorer(terms.map { $0.scorer() }, combining: .max)
        }
    }
}
