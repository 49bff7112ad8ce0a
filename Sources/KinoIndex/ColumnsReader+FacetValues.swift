extension ColumnsReader {
    /// The facet values of `doc` in `column`: the values of a ``ColumnType/multiU32`` column, or the one value of a
    /// ``ColumnType/u32`` column; nil for other columns or a document out of range.
    public func facetValues(_ column: ColumnID, doc: DocID) -> [UInt32]? {
        var values: [UInt32] = []
        return self.values(column, doc: doc, into: &values) ? values : nil
    }
}

/// Counts of facet values: a dense array for the small values facets use (genre and country numbers, decades), a
/// dictionary for the rest, so counting a document costs no hashing or allocation in the common case.
struct FacetCounter {
    static let denseLimit: UInt32 = 1 << 16
    private var dense: [Int] = []
    /// The smallest and largest value counted in `dense` (decades count from 1880 up).
    private var low = Int.max
    private var high = -1
    private var sparse: [UInt32: Int] = [:]

    /// Adds 1 to the count of each distinct value in `values`.
    mutating func countDistinct(_ values: [UInt32]) {
        for (index, value) in values.enumerated() where !values[..<index].contains(value) {
            if value < Self.denseLimit {
                let slot = Int(value)
                if slot >= dense.count {
                    dense.append(contentsOf: repeatElement(0, count: slot + 1 - dense.count))
                }
                dense[slot] += 1
                low = min(low, slot)
                high = max(high, slot)
            } else {
                sparse[value, default: 0] += 1
            }
        }
    }

    /// The counts of the values seen.
    var counts: [UInt32: Int] {
        var result = sparse
        guard low <= high else { return result }
        result.reserveCapacity(sparse.count + min(high - low + 1, 64))
        for slot in low...high where dense[slot] > 0 {
            result[UInt32(slot)] = dense[slot]
        }
        return result
    }
}
