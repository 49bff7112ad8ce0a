/// A dictionary term found by a fuzzy lookup, with its edit distance from the looked-up term.
public struct FuzzyTerm: Sendable, Hashable {
    /// The term as stored (an analysed term).
    public var term: String
    /// The term's dictionary entry.
    public var info: TermInfo
    /// The optimal-string-alignment distance from the looked-up term, counted in Unicode scalars.
    public var distance: Int

    /// Makes a fuzzy term.
    public init(term: String, info: TermInfo, distance: Int) {
        self.term = term
        self.info = info
        self.distance = distance
    }
}
