import ArgumentParser
import Foundation
import KinoCatalog

/// The `--database` option every command that touches the catalog takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog database: sqlite://PATH or postgres://USER@HOST[:PORT]/DB (env DATABASE_URL).", valueName: "url"))
    var database: String?

    var url: String {
        database ?? ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? DatabaseURL.defaultURL
    }

    /// Opens the store, runs `body` and closes the store whatever happens.
    func withStore<T>(_ body: (any CatalogStore) async throws -> T) async throws -> T {
        let store = try await DatabaseURL.open(url)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// JSON for the terminal: pretty, keys sorted, slashes unescaped.
func prettyJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
