/// The catalog's storage: PostgreSQL in production, SQLite as the embedded default.
///
/// Both implementations keep the same tables (see ``CatalogSchema``) and pass the same contract tests. Every write
/// goes through ``apply(_:)``, which is one transaction: a failed import leaves the catalog as it was.
public protocol CatalogStore: Sendable {
    /// Writes everything an import or a load changed, all or nothing.
    func apply(_ changes: CatalogChanges) async throws
    /// Every source record with its film and merge rule (what the merge needs to go on from here).
    func loadRecords() async throws -> [StoredRecord]
    func loadPeople() async throws -> [Person]
    func film(id: Int) async throws -> Film?
    func filmID(for externalID: ExternalID) async throws -> Int?
    func records(ofFilm id: Int) async throws -> [StoredRecord]
    func person(id: Int) async throws -> Person?
    /// Films in id order after the given id, at most `limit` of them.
    func films(after id: Int, limit: Int) async throws -> [Film]
    func stats() async throws -> CatalogStats
    /// The fingerprint of a dataset file as last imported (files too large to diff record by record).
    func fingerprint(of name: String) async throws -> String?
    func externalRatingCount() async throws -> Int
    func close() async throws
}

/// Everything one import (or snapshot load) writes, applied in one transaction.
public struct CatalogChanges: Sendable {
    public var films: [Film] = []
    public var records: [StoredRecord] = []
    public var people: [Person] = []
    /// Replaces the external ratings set of MovieLens when not nil.
    public var externalRatings: [ExternalRating]?
    /// Replaces the external tags of MovieLens when not nil.
    public var externalTags: [ExternalTag]?
    public var fingerprints: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool {
        films.isEmpty && records.isEmpty && people.isEmpty && externalRatings == nil && externalTags == nil && fingerprints.isEmpty
    }
}

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

/// Why the store refused to open or to write.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// The database was written by a newer Kino than this one.
        case schemaTooNew
        /// The database URL is not one Kino understands.
        case invalidURL
        /// The database cannot be reached or opened.
        case unavailable
        /// A stored document cannot be read back.
        case corruptDocument
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
