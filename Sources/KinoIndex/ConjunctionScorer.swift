/// The documents every one of its scorers has, found by leapfrogging: each scorer in turn is advanced to the
/// largest current document until all agree. The score is the sum of the scorers' scores, in their order.
struct ConjunctionScorer: Scorer {
    private var scorers: [any Scorer]
    private(set) var doc: DocID = .terminated

    init(_ scorers: [any Scorer]) {
        self.scorers = scorers
        doc = align(from: scorers.lazy.map { $0.doc }.max() ?? .terminated)
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        doc = align(from: scorers[0].next())
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        doc = align(from: scorers[0].advance(to: target))
        return doc
    }

    mutating func score() -> Double {
        scorers.withUnsafeMutableBufferPointer { scorers in
            var total = 0.0
            for index in scorers.indices {
                total += scorers[index].score()
            }
            return total
        }
    }

    /// Advances every scorer to `candidate` or beyond until they all stand on the same document. (Through a buffer
    /// pointer, as ``DisjunctionScorer`` does.)
    private mutating func align(from candidate: DocID) -> DocID {
        scorers.withUnsafeMutableBufferPointer { scorers in
            leapfrog(count: scorers.count, from: candidate) { scorers[$0].advance(to: $1) }
        }
    }
}
