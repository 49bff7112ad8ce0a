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
