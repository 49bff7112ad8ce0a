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
    private var heap: BoundedHeap<KeyedDoc>
    /// The number of documents seen.
    public private(set) var totalHits = 0

    /// Makes a collector of `searcher`'s documents sorted on `column`.
    public init(k: Int, column: ColumnID, descending: Bool = true, searcher: Searcher) {
        self.k = max(0, k)
        self.column = column
        self.descending = descending
        columns = searcher.segment.columns
        type = searcher.segment.schema.column(column)?.type
        heap = BoundedHeap(capacity: k)
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
        heap.sorted().map(\.doc)
    }

    public mutating func collect(doc: DocID, score: Double) {
        totalHits += 1
        // Ascending order is descending order of the negated value.
        let value = key(of: doc)
        heap.insert(KeyedDoc(key: descending ? value : -value, doc: doc))
    }
}

/// A document with the value it sorts by: larger keys first, ties by smaller doc id.
struct KeyedDoc: Ranked {
    let key: Double
    let doc: DocID

    func ranks(before other: KeyedDoc) -> Bool {
        key != other.key ? key > other.key : doc < other.doc
    }
}
