import KinoCatalog

/// One film search: the words typed, the filters, the order and the page. `/api/v1/search` and `kino search` both
/// make one of these.
public struct SearchRequest: Sendable, Hashable {
    /// How hits are ordered.
    public enum Sort: String, Sendable, CaseIterable {
        /// Best text match first, with the popularity prior and whole-title bonus; by popularity for an empty query.
        case relevance
        case rating
        case votes
        /// Newest first.
        case year
        case popularity
    }

    /// The interface language of labels.
    public enum Language: String, Sendable, CaseIterable {
        case ru, en
    }

    public var query: String = ""
    public var genres: [Genre] = []
    /// ISO 3166 codes.
    public var countries: [String] = []
    public var types: [FilmType] = []
    /// Decades by their first year: 1990 for the 1990s.
    public var decades: [Int] = []
    /// Age ratings in years: 0, 6, 12, 16, 18.
    public var ageRatings: [Int] = []
    public var yearFrom: Int?
    public var yearTo: Int?
    public var ratingMin: Double?
    public var ratingMax: Double?
    public var runtimeMin: Int?
    public var runtimeMax: Int?
    public var sort: Sort = .relevance
    /// From 1.
    public var page: Int = 1
    public var perPage: Int = 20
    public var facets: Bool = true
    public var highlight: Bool = true
    public var language: Language = .ru

    public init(query: String = "") {
        self.query = query
    }

    /// The longest query that is read; the rest is ignored (a query is a few words, not a document).
    public static let maximumQueryCharacters = 256
    /// The most words of a query that are searched.
    public static let maximumQueryWords = 12
    public static let maximumPerPage = 100
    /// Pages go no deeper than this many hits.
    public static let maximumDepth = 10_000

    /// Checks the values, naming the first one out of range.
    public func validate() throws(SearchError) {
        guard page >= 1 else { throw SearchError(.invalidArgument, "page: must be 1 or more, got \(page)") }
        guard (1...Self.maximumPerPage).contains(perPage) else {
            throw SearchError(.invalidArgument, "per_page: must be from 1 to \(Self.maximumPerPage), got \(perPage)")
        }
        guard page * perPage <= Self.maximumDepth else {
            throw SearchError(.invalidArgument, "page: pages end at hit \(Self.maximumDepth), got page \(page) of \(perPage)")
        }
        for code in countries where FilmSchema.value(ofCountry: code) == nil {
            throw SearchError(.invalidArgument, "country: '\(code.prefix(20))' is not an ISO 3166 country code")
        }
        if let yearFrom, let yearTo, yearFrom > yearTo {
            throw SearchError(.invalidArgument, "year_from: \(yearFrom) is after year_to \(yearTo)")
        }
        for (name, value) in [("rating_min", ratingMin), ("rating_max", ratingMax)] {
            if let value, !(0...10).contains(value) {
                throw SearchError(.invalidArgument, "\(name): must be from 0 to 10, got \(value)")
            }
        }
        if let ratingMin, let ratingMax, ratingMin > ratingMax {
            throw SearchError(.invalidArgument, "rating_min: \(ratingMin) is above rating_max \(ratingMax)")
        }
        for (name, value) in [("runtime_min", runtimeMin), ("runtime_max", runtimeMax)] {
            if let value, !(0...10_000).contains(value) {
                throw SearchError(.invalidArgument, "\(name): must be from 0 to 10000 minutes, got \(value)")
            }
        }
        if let runtimeMin, let runtimeMax, runtimeMin > runtimeMax {
            throw SearchError(.invalidArgument, "runtime_min: \(runtimeMin) is above runtime_max \(runtimeMax)")
        }
        for decade in decades where decade % 10 != 0 {
            throw SearchError(.invalidArgument, "decade: \(decade) is not the first year of a decade")
        }
    }
}
