/// A ``DocSet`` that also scores its current document: what a ``Weight`` makes and a ``Collector`` consumes.
public protocol Scorer: DocSet {
    /// The score of the current document; only meaningful while ``DocSet/doc`` is not ``DocID/terminated``.
    mutating func score() -> Double
}
