/// The union of its scorers' documents: the current document is the smallest among them. The score of a document
/// combines those of the scorers standing on it, by sum (in the scorers' order) or by maximum.
struct DisjunctionScorer: Scorer {
    enum Combination {
        case sum
        case max
    }

    /// A scorer with its current document kept beside it: reading `doc` through the existential would copy the
    /// scorer, and retain its buffers, for every step.
    private struct Entry {
        var doc: DocID
        var scorer: any Scorer
    }

    private var entries: [Entry]
    private let combination: Combination
    private(set) var doc: DocID = .terminated

    /// The union of the scorers of `weights`.
    init(_ weights: [any Weight], combining combination: Combination) {
        self.init(weights.count, combining: combination) { weights[$0].scorer() }
    }

    /// The union of the scorers of `weights`.
    init(_ weights: [some Weight], combining combination: Combination) {
        self.init(weights.count, combining: combination) { weights[$0].scorer() }
    }

    /// The union of the `count` scorers that `scorer` makes from their indices, without an array of them first.
    private init(_ count: Int, combining combination: Combination, _ scorer: (Int) -> any Scorer) {
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            // A scorer that starts exhausted (a term no field has) never stands on a document.
            let made = scorer(index)
            if made.doc != .terminated { entries.append(Entry(doc: made.doc, scorer: made)) }
        }
        self.entries = entries
        self.combination = combination
        doc = entries.lazy.map { $0.doc }.min() ?? .terminated
    }

    // The loops walk the entries through a buffer pointer: through the array, every step on an element would
    // check the array's uniqueness.
    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        let current = doc
        doc = entries.withUnsafeMutableBufferPointer { entries in
            var lowest = DocID.terminated
            for index in entries.indices {
                if entries[index].doc == current {
                    entries[index].doc = entries[index].scorer.next()
                }
                lowest = min(lowest, entries[index].doc)
            }
            return lowest
        }
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        doc = entries.withUnsafeMutableBufferPointer { entries in
            var lowest = DocID.terminated
            for index in entries.indices {
                if entries[index].doc < target {
                    entries[index].doc = entries[index].scorer.advance(to: target)
                }
                lowest = min(lowest, entries[index].doc)
            }
            return lowest
        }
        return doc
    }

    mutating func score() -> Double {
        let current = doc
        let combination = combination
        return entries.withUnsafeMutableBufferPointer { entries in
            var total = 0.0
            for index in entries.indices where entries[index].doc == current {
                let score = entries[index].scorer.score()
                total = combination == .sum ? total + score : Swift.max(total, score)
            }
            return total
        }
    }
}
