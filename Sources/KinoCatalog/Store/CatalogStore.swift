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
