/// Documents that contain, in one field, a term within a few edits of a given one: typo-tolerant search.
///
/// The term is expanded through the dictionary with ``SegmentReader/terms(field:fuzzy:maxEdits:prefixLength:)``
/// (the optimal-string-alignment distance in Unicode scalars; the lookup reads a small part of the dictionary). At
/// most ``maxExpansions`` terms are kept, the closest first (ties: the higher document frequency, then dictionary
/// order). Each kept term is scored with BM25 as a ``TermQuery`` would be, times ``boost`` and a factor that falls
/// with its distance (``boost(forDistance:)``), and a document's score is the best of its terms' scores (several
/// forms of one word do not add up).
public struct FuzzyQuery: Query {
    /// The default cap on the number of expanded terms.
    public static let defaultMaxExpansions = 50

    /// The field.
    public var field: FieldID
    /// The analysed term.
    public var term: String
    /// The most edits an expansion may be away from ``term``, from 0 to 2.
    public var maxEdits: Int
    /// How many leading Unicode scalars of ``term`` an expansion must share exactly; a longer prefix is cheaper.
    public var prefixLength: Int
    /// The most terms the query expands to.
    public var maxExpansions: Int
    /// The term-frequency saturation.
    public var k1: Double
    /// The length normalisation strength, from 0 to 1.
    public var b: Double
    /// A factor applied to the whole score.
    public var boost: Double

    /// Makes a fuzzy query; `maxEdits` is clamped to `0...2`.
    public init(field: FieldID, term: String, maxEdits: Int, prefixLength: Int = 0,
                maxExpansions: Int = FuzzyQuery.defaultMaxExpansions, k1: Double = 1.2, b: Double = 0.75,
                boost: Double = 1) {
        self.field = field
        self.term = term
        self.maxEdits = min(max(0, maxEdits), TermDictionaryReader.maxFuzzyEdits)
        self.prefixLength = max(0, prefixLength)
        self.maxExpansions = max(0, maxExpansions)
        self.k1 = k1
        self.b = b
        self.boost = boost
    }

    /// The typo budget for a word of `characters` characters: none up to 3 (a typo in a short word usually makes
    /// another word), 1 from 4 to 7, 2 from 8 on.
    public static func maxEdits(forLength characters: Int) -> Int {
        switch characters {
        case ..<4: 0
        case 4...7: 1
        default: 2
        }
    }

    /// The factor a term's score is multiplied by at `distance` edits: 1 exact, 0.6 at one edit, 0.35 at two.
    ///
    /// A one-edit form is most often the word meant, mistyped, so it keeps most of its weight; a two-edit form is
    /// as often another word. The factors are below 1 so that, at equal BM25, a document with the exact word ranks
    /// first; they do not undo BM25 altogether, since a rarer form has a higher idf.
    public static func boost(forDistance distance: Int) -> Double {
        switch distance {
        case ...0: 1
        case 1: 0.6
        default: 0.35
        }
    }

    /// The terms the query expands to in `searcher`'s dictionary, closest first (ties: the higher document
    /// frequency, then dictionary order).
    public func expansions(in searcher: Searcher) -> [FuzzyTerm] {
        guard maxExpansions > 0 else { return [] }
        let all = searcher.segment.terms(field: field, fuzzy: term, maxEdits: maxEdits, prefixLength: prefixLength)
        let order = all.indices.sorted { lhs, rhs in
            let left = all[lhs]
            let right = all[rhs]
            if left.distance != right.distance { return left.distance < right.distance }
            if left.info.docFrequency != right.info.docFrequency {
                return left.info.docFrequency > right.info.docFrequency
            }
            return lhs < rhs
        }
        return order.prefix(maxExpansions).map { all[$0] }
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        ExpansionWeight(searcher: searcher, field: field,
                        expansions: expansions(in: searcher).map { expansion in
                            (info: expansion.info, boost: boost * Self.boost(forDistance: expansion.distance))
                        },
                        k1: k1, b: b, scoring: scoring)
    }
}
