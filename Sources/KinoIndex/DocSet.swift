/// A sorted walk over document ids: the current ``doc``, ``next()`` and ``advance(to:)``.
///
/// A doc set starts positioned on its first document (``DocID/terminated`` if it has none) and only moves forward.
public protocol DocSet {
    /// The current document, or ``DocID/terminated`` once the set is exhausted.
    var doc: DocID { get }

    /// Moves to the next document and returns it (``DocID/terminated`` past the last one).
    @discardableResult
    mutating func next() -> DocID

    /// Moves to the first document not below `target` and returns it; never moves backwards.
    @discardableResult
    mutating func advance(to target: DocID) -> DocID
}

extension PostingsCursor: DocSet {}

/// Leapfrogs `count` doc sets onto their first common document at or after `candidate`: each set in turn is advanced
/// to the current target, and a set that lands further on raises the target, until all agree. Returns that document,
/// or ``DocID/terminated``. `advance(i, target)` advances set `i`.
func leapfrog(count: Int, from candidate: DocID, advance: (Int, DocID) -> DocID) -> DocID {
    var target = candidate
    while target != .terminated {
        var agreed = true
        for index in 0..<count {
            let landed = advance(index, target)
            if landed != target {
                target = landed
                agreed = false
                break
            }
        }
        if agreed { return target }
    }
    return .terminated
}
