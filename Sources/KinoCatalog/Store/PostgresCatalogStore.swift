import Foundation
import Logging
import PostgresKit

/// The production catalog on PostgreSQL.
public final class PostgresCatalogStore: SQLBackedStore {
    let catalog: SQLCatalog
    private let connection: PostgresConnection

    private init(connection: PostgresConnection) {
        self.connection = connection
        self.catalog = SQLCatalog(database: connection.sql())
    }

    /// Connects to the database of a `postgres://user[:password]@host[:port]/database[?sslmode=disable]` URL and runs
    /// its migrations.
    public static func open(url: String, logger: Logger = Logger(label: "kino.catalog")) async throws -> PostgresCatalogStore {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw CatalogError(.invalidURL, "not a PostgreSQL URL Kino understands: \(DatabaseURL.redacted(url))")
        }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 1, logger: logger)
        } catch {
            throw CatalogError(.unavailable, "cannot connect to PostgreSQL at \(DatabaseURL.redacted(url)): \(String(reflecting: error))")
        }
        let store = PostgresCatalogStore(connection: connection)
        do {
            try await store.catalog.migrate()
        } catch {
            try? await connection.close()
            throw error
        }
        return store
    }

    public func close() async throws {
        try await connection.close()
    }
}
