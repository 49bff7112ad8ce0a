/// An immutable snapshot of a segment that queries run against, with the corpus statistics scoring needs.
///
/// Statistics are those of the whole snapshot: ``docCount``, per-field ``averageLength(field:)`` (BM25's `avgdl`)
/// and per-term ``docFrequency(field:term:)``. Reloading an index means making a new searcher; one in use keeps
/// answering from its own snapshot. A searcher is a value and can be shared between tasks.
public struct Searcher: Sendable {
    /// The segment the searcher reads.
    public let segment: SegmentReader

    /// Makes a searcher over an open segment.
    public init(segment: SegmentReader) {
        self.segment = segment
    }

    /// The number of documents in the snapshot; their ids are `0..<docCount`.
    public var docCount: Int {
        segment.docCount
    }

    /// The average length of `field` per document (0 in an empty snapshot).
    public func averageLength(field: FieldID) -> Double {
        segment.averageLength(field: field)
    }

    /// The number of documents that contain `term` in `field` (0 for a term not in the dictionary).
    public func docFrequency(field: FieldID, term: String) -> Int {
        segment.termInfo(field: field, term: term).map { Int($0.docFrequency) } ?? 0
    }

    /// Runs `query` over the snapshot, feeding `collector`, and returns the filled collector.
    public func search<C: Collector>(_ query: some Query, _ collector: C) -> C {
        var collector = collector
        let weight = query.weight(searcher: self, scoring: collector.needsScores)
        collector.collectSegment(weight)
        return collector
    }
}
