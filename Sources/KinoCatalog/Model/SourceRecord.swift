import Foundation

/// What one source says about one film, in the catalog's vocabulary.
///
/// Importers and the scraper produce source records; the merge turns them into ``Film``s. A record is keyed by its
/// source and the id the source gives it, so importing the same file twice finds the records already there.
public struct SourceRecord: Hashable, Codable, Sendable {
    public var source: Source
    public var sourceID: String
    public var titleRU: String?
    public var titleOriginal: String?
    public var titleEN: String?
    public var alternativeTitles: [String] = []
    public var year: Int?
    /// `yyyy-mm-dd`.
    public var releaseDate: String?
    public var type: FilmType?
    public var runtimeMinutes: Int?
    /// ISO 3166 codes.
    public var countries: [String] = []
    public var genres: [Genre] = []
    /// Russian age rating, `0+`, `6+`, `12+`, `16+`, `18+`.
    public var ageRating: String?
    /// MPAA rating, `G`, `PG`, `PG-13`, `R`, `NC-17`.
    public var mpaaRating: String?
    public var descriptionRU: String?
    public var descriptionEN: String?
    public var taglineRU: String?
    public var taglineEN: String?
    public var keywords: [String] = []
    public var credits: [SourceCredit] = []
    public var ratings: [Rating] = []
    public var popularity: Double?
    public var budget: Money?
    public var boxOffice: Money?
    public var poster: String?
    public var externalIDs: [ExternalIDNamespace: String] = [:]
    /// Where the record was read: `file:line` for datasets, the page URL for scraped pages.
    public var origin: String?
    /// When a scraped page was fetched.
    public var fetchedAt: Date?

    public init(source: Source, sourceID: String) {
        self.source = source
        self.sourceID = sourceID
        if let namespace = source.idNamespace {
            externalIDs[namespace] = ExternalID(namespace, sourceID).value
        }
    }

    public var key: RecordKey { RecordKey(source: source, sourceID: sourceID) }

    /// Every title the record gives, without repeats.
    public var allTitles: [String] {
        var seen = Set<String>()
        return ([titleRU, titleOriginal, titleEN].compactMap { $0 } + alternativeTitles).filter { seen.insert($0).inserted }
    }

    /// Credits of directors.
    var directors: [SourceCredit] { credits.filter { $0.role == .director } }

    enum CodingKeys: String, CodingKey {
        case source, sourceID = "source_id", titleRU = "title_ru", titleOriginal = "title_original",
             titleEN = "title_en", alternativeTitles = "alternative_titles", year, releaseDate = "release_date", type,
             runtimeMinutes = "runtime", countries, genres, ageRating = "age_rating", mpaaRating = "mpaa_rating",
             descriptionRU = "description_ru", descriptionEN = "description_en", taglineRU = "tagline_ru",
             taglineEN = "tagline_en", keywords, credits, ratings, popularity, budget, boxOffice = "box_office",
             poster, externalIDs = "external_ids", origin, fetchedAt = "fetched_at"
    }
}

/// The identity of a source record: its source and the id the source gave it.
public struct RecordKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var source: Source
    public var sourceID: String

    public init(source: Source, sourceID: String) {
        self.source = source
        self.sourceID = sourceID
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.source, lhs.sourceID) < (rhs.source, rhs.sourceID)
    }

    public var description: String { "\(source.rawValue):\(sourceID)" }

    enum CodingKeys: String, CodingKey {
        case source, sourceID = "source_id"
    }
}
