import Foundation
import KinoCatalog
import Logging
import PostgresKit
import SQLiteKit
import SQLKit

/// Where the scraper keeps what it fetched before the sync merges it into the catalog: the crawl frontier, one row
/// per fetched page, and the extracted source records (one per `source:sourceID`, replaced when extracted again).
///
/// Its own database, separate from the catalog: a SQLite file (`sqlite://staging.sqlite`, the default) or a
/// PostgreSQL database (`postgres://user@host/db`). The schema is migrated when the store opens, and a database
/// written by a newer kino is refused. Calls may come from several tasks; their transactions run one at a time.
public final class StagingStore: Sendable {
    public static let defaultURL = "sqlite://staging.sqlite"

    private enum Connection: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    let database: any SQLDatabase
    private let connection: Connection
    private let gate = TransactionGate()
    let logger: Logger

    private init(connection: Connection, logger: Logger) {
        self.connection = connection
        self.logger = logger
        switch connection {
        case .sqlite(let sqlite): database = sqlite.sql()
        case .postgres(let postgres): database = postgres.sql()
        }
    }

    /// Opens the store a URL names (`sqlite://PATH`, `sqlite::memory:`, `postgres://…`), creating and migrating its
    /// tables.
    public static func open(_ url: String = defaultURL, logger: Logger = Logger(label: "kino.scraper")) async throws -> StagingStore {
        let connection: Connection
        if url == "sqlite::memory:" || url.hasPrefix("sqlite://") {
            let path = url == "sqlite::memory:" ? nil : String(url.dropFirst("sqlite://".count))
            if path?.isEmpty == true { throw ScraperError(.staging, "the SQLite URL names no file: \(url)") }
            do {
                connection = .sqlite(try await SQLiteConnection.open(storage: path.map { .file(path: $0) } ?? .memory, logger: logger))
            } catch {
                throw ScraperError(.staging, "cannot open the staging database \(path ?? ":memory:"): \(error)")
            }
        } else if ["postgres://", "postgresql://", "postgres+", "postgresql+"].contains(where: url.hasPrefix) {
            let configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw ScraperError(.staging, "not a PostgreSQL URL kino understands: \(redacted(url))")
            }
            do {
                connection = .postgres(try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 1, logger: logger))
            } catch {
                throw ScraperError(.staging, "cannot connect to the staging database at \(redacted(url)): \(String(reflecting: error))")
            }
        } else {
            throw ScraperError(.staging, "unknown staging database URL '\(redacted(url))': use sqlite://PATH or postgres://USER@HOST/DB")
        }
        let store = StagingStore(connection: connection, logger: logger)
        do {
            if case .sqlite = connection {
                for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"] {
                    _ = try await store.database.raw(SQLQueryString(pragma)).all()
                }
            }
            try await store.migrate()
        } catch {
            try? await store.close()
            if let error = error as? ScraperError { throw error }
            throw ScraperError(.staging, "cannot prepare the staging database \(redacted(url)): \(String(reflecting: error))")
        }
        return store
    }

    /// Closes the connection.
    public func close() async throws {
        switch connection {
        case .sqlite(let sqlite): try await sqlite.close()
        case .postgres(let postgres): try await postgres.close()
        }
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    // MARK: Schema

    func schemaVersion() async throws -> Int {
        try await database.raw("SELECT MAX(version) AS version FROM staging_schema").first()?.decode(column: "version", as: Int?.self) ?? 0
    }

    private func migrate() async throws {
        try await database.raw("CREATE TABLE IF NOT EXISTS staging_schema (version INTEGER NOT NULL)").run()
        let version = try await schemaVersion()
        guard version <= StagingSchema.currentVersion else {
            throw ScraperError(.staging, "the staging database has schema version \(version), but this kino knows versions up to \(StagingSchema.currentVersion): upgrade kino or use another staging database")
        }
        for migration in StagingSchema.migrations where migration.version > version {
            try await transaction {
                for statement in migration.statements { try await database.raw(SQLQueryString(statement)).run() }
                try await database.raw("INSERT INTO staging_schema (version) VALUES (\(bind: migration.version))").run()
            }
        }
    }

    // MARK: Transactions

    /// Runs `body` in a transaction, after any other transaction of this store finished.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await gate.acquire()
        do {
            try await database.raw("BEGIN").run()
            let result: T
            do {
                result = try await body()
                try await database.raw("COMMIT").run()
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    /// Runs reads outside a transaction, but not while one runs.
    func serialized<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await gate.acquire()
        do {
            let result = try await body()
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    /// Wraps database errors in a staging error that says what was being done.
    func staging<T>(_ action: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ScraperError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ScraperError(.staging, "cannot \(action) in the staging database: \(String(reflecting: error))")
        }
    }
}
