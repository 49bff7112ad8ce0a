extension Searcher {
    /// Disjunctive facet counts: for each facet, the counts of its values over the documents that match `query` and
    /// the selections of all the other facets (OR inside a facet, AND across facets), so a facet's counts ignore its
    /// own selection and show what selecting more of its values would add.
    ///
    /// One pass over the query's matches: a document passing every selection counts in every facet; a document
    /// failing exactly one facet's selection counts only in that facet; a document failing two or more counts
    /// nowhere. The facets' columns must differ.
    public func disjunctiveFacetCounts(_ query: some Query, facets: [FacetSelection]) -> DisjunctiveFacetCounts {
        search(query, DisjunctiveFacetCollector(facets: facets, searcher: self)).counts
    }
}
