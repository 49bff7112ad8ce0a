/// A scorer with no documents.
struct EmptyScorer: Scorer {
    var doc: DocID { .terminated }

    mutating func next() -> DocID { .terminated }

    mutating func advance(to target: DocID) -> DocID { .terminated }

    mutating func score() -> Double { 0 }
}
