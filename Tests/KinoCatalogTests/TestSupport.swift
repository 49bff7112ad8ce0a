import Foundation
import Logging
import PostgresKit
import Testing
@testable import KinoCatalog

/// Where the test data lives.
enum TestData {
    /// Fixtures cut from the real datasets (see Fixtures/cut-fixtures.py).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/datasets").path

    /// The real datasets: `KINO_SHARED_DATA`, else `../shared/data` beside the project.
    static var shared: String {
        if let path = ProcessInfo.processInfo.environment["KINO_SHARED_DATA"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data").standardized.path
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kino-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The catalog stores every contract test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// Opens a fresh, empty store of this kind, runs `body` with it and removes it afterwards. PostgreSQL stores are
    /// new databases on the throwaway cluster that `scripts/test` starts (`KINO_TEST_POSTGRES_URL`).
    func withFreshStore<T>(_ body: (any CatalogStore, _ url: String) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = try TestData.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let url = "sqlite://\(directory.path)/catalog.sqlite"
            let store = try await DatabaseURL.open(url)
            do {
                let result = try await body(store, url)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres:
            let admin = try #require(ProcessInfo.processInfo.environment["KINO_TEST_POSTGRES_URL"],
                                     "KINO_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts a PostgreSQL cluster")
            let name = "kino_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await Self.adminExecute(admin, "CREATE DATABASE \(name)")
            let url = admin.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
            do {
                let store = try await DatabaseURL.open(url)
                let result: T
                do {
                    result = try await body(store, url)
                    try await store.close()
                } catch {
                    try? await store.close()
                    throw error
                }
                try await Self.adminExecute(admin, "DROP DATABASE \(name) WITH (FORCE)")
                return result
            } catch {
                try? await Self.adminExecute(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
        }
    }

    private static func adminExecute(_ url: String, _ sql: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 0, logger: Logger(label: "kino.test"))
        do {
            try await connection.sql().raw(SQLQueryString(sql)).run()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Reads dataset files into source records without a store.
func readDatasets(_ paths: [String], stopOnFirstError: Bool = false) throws -> ImportContext {
    var context = ImportContext(stopOnFirstError: stopOnFirstError)
    for file in try DatasetFile.discover(paths).files {
        try CatalogImporter.read(file, into: &context)
    }
    MovieLensImporter.finish(&context)
    MKRFImporter.finish(&context)
    return context
}

extension ImportContext {
    func record(_ source: Source, _ id: String) -> SourceRecord? {
        records[source]?.first { $0.sourceID == id }
    }
}
