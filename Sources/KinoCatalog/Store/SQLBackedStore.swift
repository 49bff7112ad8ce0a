/// A store whose reads and writes are the shared ``SQLCatalog``; the two implementations differ in how they connect.
protocol SQLBackedStore: CatalogStore {
    var catalog: SQLCatalog { get }
}

extension SQLBackedStore {
    public func apply(_ changes: CatalogChanges) async throws { try await catalog.apply(changes) }
    public func loadRecords() async throws -> [StoredRecord] { try await catalog.loadRecords() }
    public func loadPeople() async throws -> [Person] { try await catalog.loadPeople() }
    public func film(id: Int) async throws -> Film? { try await catalog.film(id: id) }
    public func filmID(for externalID: ExternalID) async throws -> Int? { try await catalog.filmID(for: externalID) }
    public func records(ofFilm id: Int) async throws -> [StoredRecord] { try await catalog.records(ofFilm: id) }
    public func person(id: Int) async throws -> Person? { try await catalog.person(id: id) }
    public func films(after id: Int, limit: Int) async throws -> [Film] { try await catalog.films(after: id, limit: limit) }
    public func stats() async throws -> CatalogStats { try await catalog.stats() }
    public func fingerprint(of name: String) async throws -> String? { try await catalog.fingerprint(of: name) }
    public func externalRatingCount() async throws -> Int { try await catalog.externalRatingCount() }
}
