/// The weight of a query that expands to several terms of one field (``PrefixQuery``, ``FuzzyQuery``): one BM25
/// term weight per expansion, each with its own boost, combined by maximum so that several forms of one word in a
/// document do not add up.
struct ExpansionWeight: Weight {
    let terms: [TermWeight]

    /// Weighs each expansion as a ``TermQuery`` over `field` with the expansion's boost would be.
    init(searcher: Searcher, field: FieldID, expansions: [(info: TermInfo, boost: Double)], k1: Double, b: Double,
         scoring: Bool) {
        let weighting = FieldWeighting(field: field, weight: 1, b: b)
        let average = searcher.averageLength(field: field)
        terms = expansions.map { expansion in
            TermWeight(parts: [TermWeight.Part(segment: searcher.segment, info: expansion.info, weighting: weighting,
                                               averageLength: average, k1: k1)],
                       idf: BM25.idf(docFrequency: Int(expansion.info.docFrequency), docCount: searcher.docCount),
                       boost: expansion.boost, scoring: scoring)
        }
    }

    /// The largest of the expansions' bounds, which bounds their maximum too.
    var maxScore: Double {
        terms.reduce(0) { max($0, $1.maxScore) }
    }

    var matchesNothing: Bool { terms.isEmpty }

    func scorer() -> any Scorer {
        switch terms.count {
        case 0: EmptyScorer()
        case 1: terms[0].scorer()
        default: DisjunctionScorer(terms, combining: .max)
        }
    }
}
