extension Searcher {
    /// Disjunctive facet counts: for each facet, the counts of its values over the documents that match `query` and
    /// the selections of all the other facets (OR inside a facet, AND across facets), so a facet's counts ignore its
    /// own selection and show what selecting more of its values would add.
    ///
    /// One pass over the query's matches: a document passing every selection counts in every facet; a document
    /// failing exactly one facet's selection counts only in that facet; a document failing two or more counts
    /// nowhere. The facets' columns must differ.
    public func disjunctiveFacetCounts(_ query: some Query, facets: [FacetSelection]) -> DisjunctiveFacetCounts {
        let weight = query.weight(searcher: self, scoring: false)
        var scorer = weight.scorer()
        let columns = segment.columns
        var counters = [FacetCounter](repeating: FacetCounter(), count: facets.count)
        var values = [[UInt32]](repeating: [], count: facets.count)
        var readable = [Bool](repeating: false, count: facets.count)
        var matchCount = 0
        while scorer.doc != .terminated {
            let doc = scorer.doc
            var failed = -1
            var failures = 0
            for (index, facet) in facets.enumerated() {
                readable[index] = columns.values(facet.column, doc: doc, into: &values[index])
                if !facet.passes(readable[index] ? values[index] : nil) {
                    failed = index
                    failures += 1
                    if failures > 1 { break }
                }
            }
            if failures == 0 {
                matchCount += 1
                for index in facets.indices {
                    counters[index].countDistinct(values[index])
                }
            } else if failures == 1 {
                counters[failed].countDistinct(values[failed])
            }
            scorer.next()
        }
        var result: [ColumnID: [UInt32: Int]] = [:]
        for (index, facet) in facets.enumerated() {
            result[facet.column] = counters[index].counts
        }
        return DisjunctiveFacetCounts(counts: result, matchCount: matchCount)
    }
}
