/// Documents where analysed terms occur at consecutive positions of one field, for "phrase matches rank first".
///
/// Matching needs the field's positions (a field without them matches nothing). The phrase frequency `pf` (the
/// number of positions where the whole phrase starts) replaces the term frequency in BM25, and the idf is the sum of
/// the terms' idfs:
///
///     score(d) = boost · Σ_i idf(t_i) · pf · (k1 + 1) / (pf + k1 · (1 − b + b · len(d) / avglen))
///
/// A phrase of one term matches like a ``TermQuery``; an empty phrase matches nothing.
public struct PhraseQuery: Query {
    /// The field.
    public var field: FieldID
    /// The analysed terms, in order; repeated terms are allowed.
    public var terms: [String]
    /// The term-frequency saturation.
    public var k1: Double
    /// The length normalisation strength, from 0 to 1.
    public var b: Double
    /// A factor applied to the whole score.
    public var boost: Double

    /// Makes a phrase query.
    public init(field: FieldID, terms: [String], k1: Double = 1.2, b: Double = 0.75, boost: Double = 1) {
        self.field = field
        self.terms = terms
        self.k1 = k1
        self.b = b
        self.boost = boost
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        var infos: [TermInfo] = []
        var idf = 0.0
        for term in terms {
            guard let info = searcher.segment.termInfo(field: field, term: term), info.positionsOffset != nil else {
                return PhraseWeight(segment: searcher.segment, field: field, infos: [], factor: 0, k1: k1, b: b,
                                    averageLength: 0, scoring: scoring)
            }
            infos.append(info)
            idf += BM25.idf(docFrequency: Int(info.docFrequency), docCount: searcher.docCount)
        }
        return PhraseWeight(segment: searcher.segment, field: field, infos: infos, factor: boost * idf, k1: k1,
                            b: min(1, max(0, b)), averageLength: searcher.averageLength(field: field),
                            scoring: scoring)
    }
}

/// The weight of a ``PhraseQuery``: the terms' postings and the BM25 constants.
struct PhraseWeight: Weight {
    let segment: SegmentReader
    let field: FieldID
    let infos: [TermInfo]
    let factor: Double
    let k1: Double
    let b: Double
    let averageLength: Double
    let scoring: Bool

    var maxScore: Double {
        scoring && !infos.isEmpty ? max(0, factor * (k1 + 1)) : 0
    }

    var matchesNothing: Bool { infos.isEmpty }

    func scorer() -> any Scorer {
        guard !infos.isEmpty else { return EmptyScorer() }
        return PhraseScorer(cursors: infos.map(segment.postings), field: field, lengths: segment.fieldLengths,
                            factor: factor, k1: k1, b: b, averageLength: averageLength, scoring: scoring)
    }
}
