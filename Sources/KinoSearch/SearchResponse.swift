import KinoCatalog

/// The answer to a ``SearchRequest``, encoded exactly as `/api/v1/search` answers:
/// `{"query", "total", "took_ms", "page", "per_page", "corrected", "hits", "facets"}`.
public struct SearchResponse: Encodable, Sendable {
    /// One film of the result list.
    public struct Hit: Encodable, Sendable {
        /// The film as result lists show it: its English and other titles, keywords and people are left empty.
        public var film: IndexedFilm
        /// The relevance score (or 0 when sorted by a column); not part of the JSON.
        public var score: Double
        /// HTML-escaped text with matched words in `<mark>…</mark>`: the titles and a description snippet.
        public var highlight: Highlight

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: FilmJSONKey.self)
            try film.encodeListing(into: &container)
            try container.encode(film.type.rawValue, forKey: .type)
            try container.encode(ExternalIDs(film.externalIDs), forKey: .externalIDs)
            try container.encode(highlight, forKey: .highlight)
        }
    }

    /// A hit's texts with the query's words marked, as HTML: each only when something in it matched. Encoded as
    /// an object with the keys `title`, `original_title` and `description`.
    public struct Highlight: Encodable, Sendable, Equatable {
        public var title: String?
        public var originalTitle: String?
        public var description: String?

        public init(title: String? = nil, originalTitle: String? = nil, description: String? = nil) {
            self.title = title
            self.originalTitle = originalTitle
            self.description = description
        }

        enum CodingKeys: String, CodingKey {
            case title, originalTitle = "original_title", description
        }
    }

    /// One value of a facet with the number of films it would show.
    public struct FacetValue: Encodable, Sendable, Hashable {
        public var value: String
        public var label: String
        public var count: Int
    }

    public var query: String
    public var total: Int
    public var tookMilliseconds: Double
    public var page: Int
    public var perPage: Int
    /// The query as it was understood when that differs from what was typed ("vfnhbwf" → "матрица").
    public var corrected: String?
    public var hits: [Hit]
    /// By facet name: `genre`, `country`, `decade`, `type`, `age_rating`; values by count, then label.
    public var facets: [String: [FacetValue]]

    enum CodingKeys: String, CodingKey {
        case query, total, tookMilliseconds = "took_ms", page, perPage = "per_page", corrected, hits, facets
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(total, forKey: .total)
        try container.encode((tookMilliseconds * 1000).rounded() / 1000, forKey: .tookMilliseconds)
        try container.encode(page, forKey: .page)
        try container.encode(perPage, forKey: .perPage)
        try container.encode(corrected, forKey: .corrected)
        try container.encode(hits, forKey: .hits)
        try container.encode(facets, forKey: .facets)
    }
}

/// A film's external ids as JSON: numeric ids (Kinopoisk, TMDB, MovieLens) as numbers, IMDb and mkrf ids as
/// strings.
struct ExternalIDs: Encodable {
    let ids: [ExternalIDNamespace: String]

    init(_ ids: [ExternalIDNamespace: String]) {
        self.ids = ids
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for (namespace, value) in ids.sorted(by: { $0.key < $1.key }) {
            let key = AnyKey(namespace.rawValue)
            switch namespace {
            case .kinopoisk, .tmdb, .movielens:
                if let number = Int(value) {
                    try container.encode(number, forKey: key)
                } else {
                    try container.encode(value, forKey: key)
                }
            case .imdb, .mkrf:
                try container.encode(value, forKey: key)
            }
        }
    }
}

struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}

/// The JSON keys of films in results (search hits, similar films).
enum FilmJSONKey: String, CodingKey {
    case id, title, originalTitle = "original_title", year, type, genres, countries, rating, votes, poster,
         externalIDs = "external_ids", highlight, score, reasons
}

extension IndexedFilm {
    /// Encodes what every result list shows of a film: id, titles, year, genres, countries, rating, votes, poster.
    func encodeListing(into container: inout KeyedEncodingContainer<FilmJSONKey>) throws {
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(originalTitle, forKey: .originalTitle)
        try container.encode(year, forKey: .year)
        try container.encode(genres.map(\.rawValue), forKey: .genres)
        try container.encode(countries, forKey: .countries)
        try container.encode(rating, forKey: .rating)
        try container.encode(votes, forKey: .votes)
        try container.encode(poster, forKey: .poster)
    }
}

/// A film as result lists show it (id, titles, year, type, genres, countries, rating, votes, poster, external ids),
/// for lists other than search hits: a person's films, suggestions.
public struct FilmSummary: Encodable, Sendable {
    public var film: IndexedFilm

    public init(_ film: IndexedFilm) {
        self.film = film
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FilmJSONKey.self)
        try film.encodeListing(into: &container)
        try container.encode(film.type.rawValue, forKey: .type)
        try container.encode(ExternalIDs(film.externalIDs), forKey: .externalIDs)
    }
}
