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

    private var keys = TermKeyInterner()
    /// The postings of each term, by the number its key has in `keys`.
    private var terms: [TermPostings] = []

    /// Records one occurrence of `term` (its bytes) in `field` of `doc` at `position`. Documents must come in
    /// non-decreasing order, and positions within one document in non-decreasing order.
    mutating func add(field: FieldID, term: UnsafeBufferPointer<UInt8>, doc: DocID, position: UInt32,
                      keepPosition: Bool) {
        let number = keys.number(field: field, term: term)
        if number == terms.count {
            terms.append(TermPostings())
        }
        terms[number].record(doc: doc, position: position, keepPosition: keepPosition)
    }

    /// Every term's key and postings, in key byte order.
    func inKeyOrder() -> some Sequence<(key: [UInt8], postings: TermPostings)> {
        keys.numbersInKeyOrder().lazy.map { (keys.key($0), terms[$0]) }
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
