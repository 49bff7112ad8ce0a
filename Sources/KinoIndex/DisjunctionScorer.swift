/// The union of its scorers' documents: the current document is the smallest among them. The score of a document
/// combines those of the scorers standing on it, by sum (in the scorers' order) or by maximum.
struct DisjunctionScorer: Scorer {
    enum Combination {
        case sum
        case max
    }

    private var scorers: [any Scorer]
    private let combination: Combination
    private(set) var doc: DocID = .terminated

    init(_ scorers: [any Scorer], combining combination: Combination) {
        self.scorers = scorers
        self.combination = combination
        doc = scorers.lazy.map(\.doc).min() ?? .terminated
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        var lowest = DocID.terminated
        for index in scorers.indices {
            if scorers[index].doc == doc {
                scorers[index].next()
            }
            lowest = min(lowest, scorers[index].doc)
        }
        doc = lowest
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        var lowest = DocID.terminated
        for index in scorers.indices {
            lowest = min(lowest, scorers[index].advance(to: target))
        }
        doc = lowest
        return doc
    }

    mutating func score() -> Double {
        var total = 0.0
        for index in scorers.indices where scorers[index].doc == doc {
            let score = scorers[index].score()
            total = combination == .sum ? total + score : Swift.max(total, score)
        }
        return total
    }
}
