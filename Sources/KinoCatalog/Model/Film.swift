import Foundation

/// A film of the catalog, merged from one or more source records.
public struct Film: Hashable, Codable, Sendable {
    /// The stable Kino id.
    public var id: Int
    public var type: FilmType
    public var titleRU: String?
    public var titleOriginal: String?
    public var titleEN: String?
    public var alternativeTitles: [String]
    public var year: Int?
    public var releaseDate: String?
    public var runtimeMinutes: Int?
    public var countries: [String]
    public var genres: [Genre]
    public var ageRating: String?
    public var mpaaRating: String?
    public var descriptionRU: String?
    public var descriptionEN: String?
    public var taglineRU: String?
    public var taglineEN: String?
    public var keywords: [String]
    public var credits: [Credit]
    public var ratings: [Rating]
    public var popularity: Double?
    public var budget: Money?
    public var boxOffice: Money?
    public var poster: String?
    public var externalIDs: [ExternalIDNamespace: String]
    /// Which source gave each field (field name → source).
    public var provenance: [String: Source]
    /// The records this film was made from.
    public var sources: [RecordKey]

    /// The title to show: Russian when known, else English, else the original.
    public var displayTitle: String { titleRU ?? titleEN ?? titleOriginal ?? "" }

    /// Every title of the film, without repeats.
    public var allTitles: [String] {
        var seen = Set<String>()
        return ([titleRU, titleOriginal, titleEN].compactMap { $0 } + alternativeTitles).filter { seen.insert($0).inserted }
    }

    public func rating(from source: RatingSource) -> Rating? { ratings.first { $0.source == source } }

    enum CodingKeys: String, CodingKey {
        case id, type, titleRU = "title_ru", titleOriginal = "original_title", titleEN = "title_en",
             alternativeTitles = "alternative_titles", year, releaseDate = "release_date", runtimeMinutes = "runtime",
             countries, genres, ageRating = "age_rating", mpaaRating = "mpaa_rating", descriptionRU = "description_ru",
             descriptionEN = "description_en", taglineRU = "tagline_ru", taglineEN = "tagline_en", keywords, credits,
             ratings, popularity, budget, boxOffice = "box_office", poster, externalIDs = "external_ids", provenance,
             sources
    }
}
