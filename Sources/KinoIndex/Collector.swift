/// Receives the matching documents of a search: keeps the top k, counts, or counts facet values.
///
/// ``Searcher/search(_:_:)`` binds the query (scoring only if ``needsScores``) and calls ``collectSegment(_:)``,
/// which by default walks the weight's scorer and feeds every document, in increasing id order, to
/// ``collect(doc:score:)``. A collector may replace ``collectSegment(_:)`` with a faster walk that skips documents
/// it provably does not need (as ``TopDocsCollector`` does for disjunctions).
public protocol Collector {
    /// Whether ``collect(doc:score:)`` needs real scores (0 is passed otherwise).
    var needsScores: Bool { get }

    /// Takes one matching document.
    mutating func collect(doc: DocID, score: Double)

    /// Takes all the matching documents of `weight` in the searcher's segment.
    mutating func collectSegment(_ weight: any Weight)
}

extension Collector {
    public mutating func collectSegment(_ weight: any Weight) {
        var scorer = weight.scorer()
        let scoring = needsScores
        while scorer.doc != .terminated {
            collect(doc: scorer.doc, score: scoring ? scorer.score() : 0)
            scorer.next()
        }
    }
}
