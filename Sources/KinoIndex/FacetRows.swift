/// The values of a few facet columns for every document, each document's values side by side: counting facets
/// over a query's matches reads a document's row, a cache line or two, instead of an offset and a value run in
/// each column (seven lines for five facets). Built from the columns in one pass, when a segment first counts these
/// facets (see ``SegmentReader/facetRows(for:)``).
///
/// A row holds, for each column in order, the number of the document's values, then the values (those of a
/// ``ColumnType/multiU32`` column, or the one value of a ``ColumnType/u32`` column). A column that cannot be read
/// that way has no values in the row, which facet counting treats as a document without values.
final class FacetRows: Sendable {
    let columns: [ColumnID]
    /// Where each document's row starts in `values`, and one past the last row's end.
    private let starts: [UInt32]
    private let values: [UInt32]

    init(columns: [ColumnID], in reader: ColumnsReader, docCount: Int) {
        self.columns = columns
        var starts: [UInt32] = []
        starts.reserveCapacity(docCount + 1)
        var values: [UInt32] = []
        values.reserveCapacity(docCount * (columns.count + 2))
        var buffer: [UInt32] = []
        for doc in 0..<docCount {
            starts.append(UInt32(values.count))
            for column in columns {
                if !reader.values(column, doc: DocID(doc), into: &buffer) { buffer.removeAll() }
                values.append(UInt32(buffer.count))
                values += buffer
            }
        }
        starts.append(UInt32(values.count))
        self.starts = starts
        self.values = values
    }

    /// Calls `body` with the index of each column and `doc`'s values in it, in order; no values for a document out
    /// of range.
    func forEachColumn(of doc: DocID, _ body: (Int, UnsafeBufferPointer<UInt32>) -> Void) {
        guard Int(doc) + 1 < starts.count else {
            for index in columns.indices {
                body(index, UnsafeBufferPointer(start: nil, count: 0))
            }
            return
        }
        let start = Int(starts[Int(doc)])
        values.withUnsafeBufferPointer { values in
            var position = start
            for index in columns.indices {
                let count = Int(values[position])
                body(index, UnsafeBufferPointer(rebasing: values[(position + 1)..<(position + 1 + count)]))
                position += 1 + count
            }
        }
    }
}
