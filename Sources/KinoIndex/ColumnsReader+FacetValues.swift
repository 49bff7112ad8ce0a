extension ColumnsReader {
    /// The facet values of `doc` in `column`: the values of a ``ColumnType/multiU32`` column, or the one value of a
    /// ``ColumnType/u32`` column; nil for other columns or a document out of range.
    public func facetValues(_ column: ColumnID, doc: DocID) -> [UInt32]? {
        var values: [UInt32] = []
        return self.values(column, doc: doc, into: &values) ? values : nil
    }
}

/// Counts of facet values. The first few distinct values are counted in place, in a short list: most searches match
/// a few documents with a few values each. Past them, a dense array counts the small values facets use (genre and
/// country numbers, decades) and a dictionary the rest, so counting a document costs no hashing or allocation in
/// the common case.
struct FacetCounter {
    static let denseLimit: UInt32 = 1 << 16
    /// The values seen while there are few (up to its count), each as `value << 32 | count`.
    private var few = InlineArray<16, UInt64>(repeating: 0)
    private var fewCount = 0
    private var spilled = false
    private var dense: [Int] = []
    /// The smallest and largest value counted in `dense` (decades count from 1880 up).
    private var low = Int.max
    private var high = -1
    private var sparse: [UInt32: Int] = [:]

    /// Adds 1 to the count of each distinct value in `values`.
    mutating func countDistinct<Values: RandomAccessCollection<UInt32>>(_ values: Values) where Values.Index == Int {
        for index in values.indices where !values[values.startIndex..<index].contains(values[index]) {
            add(values[index], 1)
        }
    }

    private mutating func add(_ value: UInt32, _ count: Int) {
        if !spilled {
            for index in 0..<fewCount where UInt32(truncatingIfNeeded: few[index] >> 32) == value {
                few[index] += UInt64(count)
                return
            }
            if fewCount < few.count {
                few[fewCount] = UInt64(value) << 32 | UInt64(count)
                fewCount += 1
                return
            }
            spilled = true
            for index in 0..<fewCount {
                add(UInt32(truncatingIfNeeded: few[index] >> 32), Int(few[index] & 0xFFFF_FFFF))
            }
        }
        if value < Self.denseLimit {
            let slot = Int(value)
            if slot >= dense.count {
                dense.append(contentsOf: repeatElement(0, count: slot + 1 - dense.count))
            }
            dense[slot] += count
            low = min(low, slot)
            high = max(high, slot)
        } else {
            sparse[value, default: 0] += count
        }
    }

    /// The values seen with their counts, in no particular order.
    var valueCounts: [(value: UInt32, count: Int)] {
        guard spilled else {
            return (0..<fewCount).map { index in
                (UInt32(truncatingIfNeeded: few[index] >> 32), Int(few[index] & 0xFFFF_FFFF))
            }
        }
        var result = sparse.map { ($0.key, $0.value) }
        guard low <= high else { return result }
        for slot in low...high where dense[slot] > 0 {
            result.append((UInt32(slot), dense[slot]))
        }
        return result
    }

    /// The counts of the values seen.
    var counts: [UInt32: Int] {
        guard spilled else {
            var result: [UInt32: Int] = [:]
            result.reserveCapacity(fewCount)
            for index in 0..<fewCount {
                result[UInt32(truncatingIfNeeded: few[index] >> 32)] = Int(few[index] & 0xFFFF_FFFF)
            }
            return result
        }
        var result = sparse
        guard low <= high else { return result }
        result.reserveCapacity(sparse.count + min(high - low + 1, 64))
        for slot in low...high where dense[slot] > 0 {
            result[UInt32(slot)] = dense[slot]
        }
        return result
    }
}
