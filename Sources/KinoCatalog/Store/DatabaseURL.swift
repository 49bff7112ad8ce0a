import Foundation
import Logging

/// Where the catalog lives: `sqlite://PATH` (relative or absolute), `sqlite::memory:`, or a PostgreSQL URL.
public enum DatabaseURL {
    public static let defaultURL = "sqlite://kino.sqlite"

    /// Opens the store the URL names.
    public static func open(_ url: String, logger: Logger = Logger(label: "kino.catalog")) async throws -> any CatalogStore {
        if url == "sqlite::memory:" { return try await SQLiteCatalogStore.open(path: nil, logger: logger) }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw CatalogError(.invalidURL, "the SQLite URL names no file: \(url)") }
            return try await SQLiteCatalogStore.open(path: path, logger: logger)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") || url.hasPrefix("postgres+") || url.hasPrefix("postgresql+") {
            return try await PostgresCatalogStore.open(url: url, logger: logger)
        }
        throw CatalogError(.invalidURL, "unknown database URL '\(redacted(url))': use sqlite://PATH or postgres://USER@HOST/DB")
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
