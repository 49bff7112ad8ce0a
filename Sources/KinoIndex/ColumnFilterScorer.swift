/// Walks the documents that satisfy a ``ColumnFilter`` by testing each document from the target on; score 0.
struct ColumnFilterScorer: Scorer {
    private let filter: ColumnFilter
    private let columns: ColumnsReader
    private let docCount: DocID
    private(set) var doc: DocID = .terminated
    private var buffer: [UInt32] = []

    init(filter: ColumnFilter, columns: ColumnsReader, docCount: Int) {
        self.filter = filter
        self.columns = columns
        self.docCount = DocID(clamping: docCount)
        doc = firstMatch(from: 0)
    }

    mutating func next() -> DocID {
        guard doc != .terminated else { return doc }
        doc = firstMatch(from: doc + 1)
        return doc
    }

    mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        doc = firstMatch(from: target)
        return doc
    }

    mutating func score() -> Double { 0 }

    private mutating func firstMatch(from start: DocID) -> DocID {
        var candidate = start
        while candidate < docCount {
            if filter.matches(candidate, in: columns, buffer: &buffer) { return candidate }
            candidate += 1
        }
        return .terminated
    }
}
