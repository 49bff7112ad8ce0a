/// What `kino catalog stats` prints.
public struct CatalogStats: Codable, Sendable, Equatable {
    public var films: Int
    public var people: Int
    public var credits: Int
    public var filmsWithRussianAndEnglishTitles: Int
    public var sourceRecords: Int
    /// Films that have at least one record of the source.
    public var filmsPerSource: [String: Int]
    /// Source records linked to their film by each merge rule.
    public var recordsPerRule: [String: Int]
    public var filmsPerType: [String: Int]
    public var externalRatings: Int
    public var externalTags: Int

    enum CodingKeys: String, CodingKey {
        case films, people, credits, filmsWithRussianAndEnglishTitles = "films_with_russian_and_english_titles",
             sourceRecords = "source_records", filmsPerSource = "films_per_source", recordsPerRule = "records_per_rule",
             filmsPerType = "films_per_type", externalRatings = "external_ratings", externalTags = "external_tags"
    }
}
