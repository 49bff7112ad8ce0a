/// A scorer with no documents.
struct EmptyScorer: Scorer {
    var doc: DocID { .terminated }

    mutating func next() -> DocID { .terminated }

    mutating func advance(to target: DocID) -> DocID { .terminated }

    mutating func score() -> Double { 0 }
}

/// The weight of a query that matches no document.
struct EmptyWeight: Weight {
    var maxScore: Double { 0 }
    var matchesNothing: Bool { true }

    func scorer() -> any Scorer {
        EmptyScorer()
    }
}
