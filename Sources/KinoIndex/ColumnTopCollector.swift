/// Keeps the `k` documents with the highest (or lowest) value of a numeric column: the order of "best rated",
/// "most voted" or "newest". Ties go to the smaller doc id; a document without a value sorts as 0.
public struct ColumnTopCollector: Collector {
    /// The number of documents to keep.
    public let k: Int
    /// The column sorted on (`u32`, `i32` or `f32`).
    public let column: ColumnID
    /// Whether larger values come first.
    public let descending: Bool
    private let columns: ColumnsReader
    private let type: ColumnType?
    /// A bounded heap of (key, doc) whose root is the worst document kept.
    private var heap: [(key: Double, doc: DocID)] = []
    /// The number of documents seen.
    public private(set) var totalHits = 0

    /// Makes a collector of `searcher`'s documents sorted on `column`.
    public init(k: Int, column: ColumnID, descending: Bool = true, searcher: Searcher) {
        self.k = max(0, k)
        self.column = column
        self.descending = descending
        columns = searcher.segment.columns
        type = searcher.segment.schema.column(column)?.type
    }

    public var needsScores: Bool { false }

    /// The value a document sorts by.
    public func key(of doc: DocID) -> Double {
        switch type {
        case .u32: Double(columns.u32(column, doc: doc) ?? 0)
        case .i32: Double(columns.i32(column, doc: doc) ?? 0)
        case .f32: Double(columns.f32(column, doc: doc) ?? 0)
        case .multiU32, nil: 0
        }
    }

    /// The kept documents, best first.
    public var topDocs: [DocID] {
        heap.sorted { ranks($0, before: $1) }.map(\.doc)
    }

    public mutating func collect(doc: DocID, score: Double) {
        totalHits += 1
        guard k > 0 else { return }
        let candidate = (key: key(of: doc), doc: doc)
        if heap.count < k {
            heap.append(candidate)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard ranks(heap[parent], before: heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if ranks(candidate, before: heap[0]) {
            heap[0] = candidate
            var parent = 0
            while true {
                var worst = parent
                for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count
                    && ranks(heap[worst], before: heap[child]) {
                    worst = child
                }
                guard worst != parent else { break }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    private func ranks(_ lhs: (key: Double, doc: DocID), before rhs: (key: Double, doc: DocID)) -> Bool {
        if lhs.key != rhs.key { return descending ? lhs.key > rhs.key : lhs.key < rhs.key }
        return lhs.doc < rhs.doc
    }
}
