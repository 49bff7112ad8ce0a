/// The optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps, each substring edited at most
/// once) between a fixed query and a key that grows and shrinks one Unicode scalar at a time, as a walk over
/// sorted keys needs: one row of the distance table per scalar of the key, so keys that share a prefix share its
/// rows.
///
/// Row `i` holds `d(i, j)`, the distance between the key's first `i` scalars and the query's first `j`, where an
/// insertion, a deletion, a substitution and a swap of two adjacent scalars each cost 1:
///
///     d(i, j) = min(d(i−1, j) + 1, d(i, j−1) + 1, d(i−1, j−1) + [key[i] ≠ query[j]],
///                   d(i−2, j−2) + 1   when key[i] = query[j−1] and key[i−1] = query[j])
///
/// Only distances up to ``maxEdits`` matter, so cells are capped at `maxEdits + 1` and a row keeps only the band
/// `|i − j| ≤ maxEdits` (every cell outside it is above the cap): a row costs O(maxEdits) whatever the lengths.
///
/// No row's minimum is below the previous row's (a swap's `d(i−2, j−2) + 1` is never below `d(i−1, j−1)`, which is
/// in the previous row), so once a row is ``isDead`` no key with that prefix is within ``maxEdits``; and
/// ``nextViableScalar(atDepth:)`` names the smallest scalar that could take a dead one's place.
struct EditDistanceRows {
    let query: [Unicode.Scalar]
    let maxEdits: Int
    /// The deepest a key can go: at `query.count + maxEdits + 1` scalars no cell is in the band, so the row is dead
    /// and a walk pushes no further.
    let maximumDepth: Int
    /// The capped value of every distance above ``maxEdits``.
    private let cap: Int
    /// Cells per row: the band `j − i` in `−maxEdits...maxEdits`.
    private let width: Int
    /// Row `i`'s cell `j` is at `i · width + j − i + maxEdits`; room for every row up to ``maximumDepth``, so pushing
    /// and popping never allocate.
    private var cells: [Int]
    /// The key's scalars: `scalars[i − 1]` is the one row `i` added.
    private var scalars: [Unicode.Scalar]
    private var minima: [Int]
    /// The number of key scalars the rows cover.
    private(set) var depth = 0

    /// Starts with the empty key (row 0: `d(0, j) = j`).
    init(query: [Unicode.Scalar], maxEdits: Int) {
        self.query = query
        self.maxEdits = maxEdits
        maximumDepth = query.count + maxEdits + 1
        cap = maxEdits + 1
        width = 2 * maxEdits + 1
        cells = [Int](repeating: maxEdits + 1, count: (maximumDepth + 1) * width)
        for j in 0...min(query.count, maxEdits) {
            cells[j + maxEdits] = j
        }
        scalars = [Unicode.Scalar](repeating: "\0", count: maximumDepth)
        minima = [Int](repeating: 0, count: maximumDepth + 1)
    }

    /// Whether no key starting with the current one is within ``maxEdits`` of the query.
    var isDead: Bool {
        minima[depth] > maxEdits
    }

    /// The distance between the current key and the query, or nil if it is above ``maxEdits``.
    var distance: Int? {
        let value = cell(depth, query.count)
        return value <= maxEdits ? value : nil
    }

    /// `d(i, j)`, capped; the cap outside the band.
    private func cell(_ i: Int, _ j: Int) -> Int {
        guard j >= 0, j <= query.count, abs(j - i) <= maxEdits else { return cap }
        return cells[i * width + j - i + maxEdits]
    }

    /// Appends `scalar` to the key and computes its row. The key must not be dead (a dead row's keys are never
    /// extended), so it is below ``maximumDepth``.
    ///
    /// From row `i`'s cell `j`, row `i − 1`'s cell `j` is `width − 1` back, its cell `j − 1` `width` back, and row
    /// `i − 2`'s cell `j − 2` `2 · width` back; a cell outside the band reads as the cap.
    mutating func push(_ scalar: Unicode.Scalar) {
        precondition(depth < maximumDepth, "a row past the band: the key is dead")
        let i = depth + 1
        let base = i * width
        scalars[i - 1] = scalar
        var minimum = cap
        let low = max(0, i - maxEdits)
        let high = min(query.count, i + maxEdits)
        let (maxEdits, width, cap) = (maxEdits, width, cap)
        let previousScalar = i >= 2 ? scalars[i - 2] : nil
        query.withUnsafeBufferPointer { query in
            cells.withUnsafeMutableBufferPointer { cells in
                for offset in 0..<width {
                    cells[base + offset] = cap
                }
                guard low <= high else { return }
                for j in low...high {
                    let offset = j - i + maxEdits
                    let at = base + offset
                    var value = i
                    if j > 0 {
                        // d(i−1, j): in the band when j − (i − 1) ≤ maxEdits, that is offset + 1 < width.
                        let above = offset + 1 < width ? cells[at - width + 1] : cap
                        // d(i, j−1): in the band when offset > 0.
                        let left = offset > 0 ? cells[at - 1] : cap
                        // d(i−1, j−1): always in the band.
                        let diagonal = cells[at - width] + (scalar == query[j - 1] ? 0 : 1)
                        value = min(above + 1, left + 1, diagonal)
                        if j >= 2, let previousScalar, scalar == query[j - 2], previousScalar == query[j - 1] {
                            // d(i−2, j−2): always in the band.
                            value = min(value, cells[at - 2 * width] + 1)
                        }
                    }
                    value = min(value, cap)
                    cells[at] = value
                    minimum = min(minimum, value)
                }
            }
        }
        minima[i] = minimum
        depth = i
    }

    /// Drops the key's scalars past the first `depth`.
    mutating func pop(to depth: Int) {
        self.depth = min(self.depth, max(depth, 0))
    }

    /// The smallest scalar above the key's scalar at `depth` (1-based) that, put in its place after the first
    /// `depth − 1`, could start a key within ``maxEdits``; nil if there is none.
    ///
    /// With `m` the minimum of row `depth − 1`: if `m < maxEdits`, any scalar keeps the next row alive, so the answer
    /// is the next scalar value. If `m = maxEdits`, a cell of the next row stays at `maxEdits` only by matching the
    /// query for free, `x = query[j]` where `d(depth − 1, j) ≤ maxEdits`, or by a swap, `x = query[j − 1]` where
    /// the scalar at `depth − 1` is `query[j]` and `d(depth − 2, j − 1) < maxEdits`; every other scalar kills it.
    func nextViableScalar(atDepth depth: Int) -> Unicode.Scalar? {
        let current = scalars[depth - 1]
        let parent = depth - 1
        if minima[parent] < maxEdits {
            return Self.successor(of: current)
        }
        var best: Unicode.Scalar?
        func consider(_ candidate: Unicode.Scalar) {
            if candidate > current && (best.map { candidate < $0 } ?? true) {
                best = candidate
            }
        }
        let end = min(query.count, parent + maxEdits + 1)
        for j in stride(from: max(0, parent - maxEdits), to: end, by: 1) where cell(parent, j) <= maxEdits {
            consider(query[j])
        }
        if parent >= 1 {
            for j in stride(from: max(1, parent - maxEdits), to: end, by: 1)
            where scalars[parent - 1] == query[j] && cell(parent - 1, j - 1) < maxEdits {
                consider(query[j - 1])
            }
        }
        return best
    }

    /// The next Unicode scalar value after `scalar` (skipping the surrogate range), or nil after the last.
    private static func successor(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        var value = scalar.value + 1
        if value == 0xD800 {
            value = 0xE000
        }
        return Unicode.Scalar(value)
    }
}
