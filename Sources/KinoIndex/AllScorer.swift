/// Every document of a segment in order, with score 0.
struct AllScorer: Scorer {
    private let docCount: DocID
    private(set) var doc: DocID

    init(docCount: Int) {
        self.docCount = DocID(clamping: docCount)
        doc = docCount > 0 ? 0 : .terminated
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        doc = doc + 1 < docCount ? doc + 1 : .terminated
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        doc = target < docCount ? target : .terminated
        return doc
    }

    mutating func score() -> Double { 0 }
}
