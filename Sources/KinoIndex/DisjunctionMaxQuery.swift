/// Documents that match any of several queries, scored by the best of them: the alternatives of one query word
/// (as typed, in the other keyboard layout, transliterated, with a typo corrected, as a prefix), so that several
/// readings of one word never add up.
public struct DisjunctionMaxQuery: Query {
    /// Alternatives that are one term each: kept as they are, where an alternative among `queries` has a box of
    /// its own.
    public var terms: [MultiFieldTermQuery]
    /// The other alternatives.
    public var queries: [any Query]

    /// Makes a query matching any of `queries`.
    public init(_ queries: [any Query]) {
        terms = []
        self.queries = queries
    }

    /// Makes a query matching any of `terms` or of `queries`.
    public init(terms: [MultiFieldTermQuery], _ queries: [any Query] = []) {
        self.terms = terms
        self.queries = queries
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        // Alternatives that match nothing (a reading in no field) would only be empty scorers to walk. The order
        // of the others does not matter: the best of them scores.
        var weights: [any Weight] = []
        weights.reserveCapacity(terms.count + queries.count)
        func add(_ weight: any Weight) {
            if !weight.matchesNothing { weights.append(weight) }
        }
        for term in terms {
            add(term.weight(searcher: searcher, scoring: scoring))
        }
        for query in queries {
            add(query.weight(searcher: searcher, scoring: scoring))
        }
        return DisjunctionMaxWeight(weights: weights)
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
        default: DisjunctionScorer(weights, combining: .max)
        }
    }
}
