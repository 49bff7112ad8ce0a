/// The documents of a base scorer that an excluded doc set does not have; scores are the base's.
struct ExclusionScorer: Scorer {
    private var base: any Scorer
    private var excluded: any Scorer
    private(set) var doc: DocID = .terminated

    init(base: any Scorer, excluded: any Scorer) {
        self.base = base
        self.excluded = excluded
        doc = skipExcluded(from: base.doc)
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        doc = skipExcluded(from: base.next())
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        doc = skipExcluded(from: base.advance(to: target))
        return doc
    }

    mutating func score() -> Double { base.score() }

    private mutating func skipExcluded(from candidate: DocID) -> DocID {
        var current = candidate
        while current != .terminated && excluded.advance(to: current) == current {
            current = base.next()
        }
        return current
    }
}
