/// The in-memory postings of a segment being built: for every term key, its documents in increasing order, the
/// term frequency in each, and (for fields that keep them) the positions.
struct PostingsWriter {
    /// One term's postings.
    struct TermPostings {
        var docs: [DocID] = []
        var frequencies: [UInt32] = []
        /// All positions, document after document; a document's share is its frequency.
        var positions: [UInt32] = []
    }

    private(set) var terms: [[UInt8]: TermPostings] = [:]

    /// Records one occurrence of `key` in `doc` at `position`. Documents must come in non-decreasing order, and
    /// positions within one document in non-decreasing order.
    mutating func add(key: [UInt8], doc: DocID, position: UInt32, keepPosition: Bool) {
        terms[key, default: TermPostings()].record(doc: doc, position: position, keepPosition: keepPosition)
    }

    /// The term keys in byte order.
    func sortedKeys() -> [[UInt8]] {
        terms.keys.sorted(by: TermKey.precedes)
    }
}

extension PostingsWriter.TermPostings {
    fileprivate mutating func record(doc: DocID, position: UInt32, keepPosition: Bool) {
        if docs.last == doc {
            frequencies[frequencies.count - 1] += 1
        } else {
            precondition(docs.last.map { $0 < doc } ?? true, "documents must be added in order")
            docs.append(doc)
            frequencies.append(1)
        }
        if keepPosition {
            positions.append(position)
        }
    }
}
