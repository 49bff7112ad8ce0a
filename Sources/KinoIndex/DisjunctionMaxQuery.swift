/// Documents that match any of several queries, scored by the best of them: the alternatives of one query word
/// (as typed, in the other keyboard layout, transliterated, with a typo corrected, as a prefix), so that several
/// readings of one word never add up.
public struct DisjunctionMaxQuery: Query {
    /// The alternatives.
    public var queries: [any Query]

    /// Makes a query matching any of `queries`.
    public init(_ queries: [any Query]) {
        self.queries = queries
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        // Alternatives that match nothing (a reading in no field) would only be empty scorers to walk.
        DisjunctionMaxWeight(weights: queries.map { $0.weight(searcher: searcher, scoring: scoring) }
            .filter { !$0.matchesNothing })
    }
}

/// The weight of a ``DisjunctionMaxQuery``.
struct DisjunctionMaxWeight: Weight {
    let weights: [any Weight]

    var maxScore: Double {
        weights.reduce(0) { max($0, $1.maxScore) }
    }

    var matchesNothing: Bool { weights.isEmpty }

    func scorer() -> any Scorer {
        switch weights.count {
        case 0: EmptyScorer()
        case 1: weights[0].scorer()
        default: DisjunctionScorer(weights.map { $0.scorer() }, combining: .max)
        }
    }
}
