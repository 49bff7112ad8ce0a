import Foundation
import Logging
import SQLiteKit

/// The embedded catalog: one SQLite file (SQLite is bundled by SQLiteNIO, so nothing needs installing).
public final class SQLiteCatalogStore: SQLBackedStore {
    let catalog: SQLCatalog
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection) {
        self.connection = connection
        self.catalog = SQLCatalog(database: connection.sql())
    }

    /// Opens (creating when missing) the database file and runs its migrations; `nil` opens a private in-memory
    /// database.
    public static func open(path: String?, logger: Logger = Logger(label: "kino.catalog")) async throws -> SQLiteCatalogStore {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: path.map { .file(path: $0) } ?? .memory, logger: logger)
        } catch {
            throw CatalogError(.unavailable, "cannot open the SQLite database \(path ?? ":memory:"): \(error)")
        }
        let store = SQLiteCatalogStore(connection: connection)
        do {
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"] {
                _ = try await connection.sql().raw(SQLQueryString(pragma)).all()
            }
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
