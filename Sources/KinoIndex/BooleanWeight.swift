/// The weight of a ``BooleanQuery``: its clauses' weights, combined into conjunction, union and exclusion scorers.
struct BooleanWeight: Weight {
    let must: [any Weight]
    let should: [any Weight]
    let mustNot: [any Weight]
    let docCount: Int
    let scoring: Bool

    /// The sum of the `must` and `should` clauses' bounds.
    var maxScore: Double {
        guard scoring else { return 0 }
        return must.reduce(0) { $0 + $1.maxScore } + should.reduce(0) { $0 + $1.maxScore }
    }

    /// The clauses of a scored pure disjunction (only `should` clauses), which top-k collection can prune with
    /// MaxScore; nil for any other shape.
    var prunableDisjunction: [any Weight]? {
        scoring && must.isEmpty && mustNot.isEmpty && should.count > 1 ? should : nil
    }

    /// A required clause that matches nothing, or only optional clauses that match nothing.
    var matchesNothing: Bool {
        must.contains { $0.matchesNothing } || must.isEmpty && should.isEmpty && mustNot.isEmpty
    }

    func scorer() -> any Scorer {
        var base: any Scorer
        if must.contains(where: { $0.matchesNothing }) {
            return EmptyScorer()
        } else if !must.isEmpty {
            let required = must.count == 1 ? must[0].scorer() : ConjunctionScorer(must.map { $0.scorer() })
            base = scoring && !should.isEmpty
                ? RequiredOptionalScorer(required: required, optional: union(should))
                : required
        } else if !should.isEmpty {
            base = union(should)
        } else if !mustNot.isEmpty {
            base = AllScorer(docCount: docCount)
        } else {
            return EmptyScorer()
        }
        if !mustNot.isEmpty {
            base = ExclusionScorer(base: base, excluded: union(mustNot))
        }
        return base
    }

    private func union(_ weights: [any Weight]) -> any Scorer {
        weights.count == 1 ? weights[0].scorer() : DisjunctionScorer(weights, combining: .sum)
    }
}
