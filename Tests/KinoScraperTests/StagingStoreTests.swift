import Foundation
import KinoCatalog
@testable import KinoScraper
import Logging
import PostgresKit
import SQLKit
import Testing

/// The databases the staging store runs on. PostgreSQL is tested when `KINO_TEST_POSTGRES_URL` names a server (as
/// `scripts/test` sets it); without it, only SQLite is.
enum StagingBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var available: [StagingBackend] {
        ProcessInfo.processInfo.environment["KINO_TEST_POSTGRES_URL"] == nil ? [.sqlite] : allCases
    }

    /// Runs `body` with the URL of a fresh, empty staging database, and removes the database afterwards.
    func withFreshDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let (directory, url) = try CrawlTestSupport.temporaryStaging()
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(url)
        case .postgres:
            let admin = try #require(ProcessInfo.processInfo.environment["KINO_TEST_POSTGRES_URL"])
            let name = "kino_staging_\(UUID().uuidString.prefix(8).lowercased())"
            try await Self.adminExecute(admin, "CREATE DATABASE \(name)")
            do {
                let result = try await body(admin.replacingOccurrences(of: "/postgres?", with: "/\(name)?"))
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
        let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 0,
                                                              logger: Logger(label: "kino.test"))
        do {
            try await connection.sql().raw(SQLQueryString(sql)).run()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw ScraperError(.staging, "\(sql): \(String(reflecting: error))")
        }
    }
}

struct StagingStoreTests {
    static func record(_ id: String, title: String) -> SourceRecord {
        var record = SourceRecord(source: .scraped, sourceID: id)
        record.titleOriginal = title
        record.year = 1995
        record.genres = [.crime]
        record.origin = "https://films.example/\(id)"
        record.fetchedAt = Date(timeIntervalSince1970: 1_764_000_000)
        return record
    }

    @Test(arguments: StagingBackend.available)
    func roundTripsRecordsAndReplacesThemByKey(backend: StagingBackend) async throws {
        try await backend.withFreshDatabase { url in try await roundTrip(url) }
    }

    private func roundTrip(_ url: String) async throws {
        let store = try await StagingStore.open(url)
        let page = try StagedPage(url: #require(URL(string: "https://films.example/film/1/")), status: 200, etag: "\"a\"",
                                  lastModified: "Tue, 14 Nov 2023 22:13:20 GMT", contentHash: "00ff", contentType: "text/html",
                                  bytes: 120, fetchedAt: Date(timeIntervalSince1970: 1_764_000_000),
                                  links: [#require(URL(string: "https://films.example/film/2/"))])
        try await store.save(records: [Self.record("1", title: "Heat"), Self.record("2", title: "Ronin")], page: page)
        try await store.save(records: [Self.record("1", title: "Heat (1995)")], page: nil)
        let records = try await store.records()
        let stagedPage = try await store.page(for: page.url)
        let stats = try await store.stats()
        try await store.close()

        #expect(records == [Self.record("1", title: "Heat (1995)"), Self.record("2", title: "Ronin")])
        #expect(stagedPage == page)
        #expect(stats.records == 2 && stats.pagesByStatus == [200: 1])

        let reopened = try await StagingStore.open(url)
        #expect(try await reopened.records().count == 2)
        try await reopened.close()
    }

    @Test(arguments: StagingBackend.available)
    func refusesANewerSchema(backend: StagingBackend) async throws {
        try await backend.withFreshDatabase { url in try await refuseNewerSchema(url) }
    }

    private func refuseNewerSchema(_ url: String) async throws {
        let store = try await StagingStore.open(url)
        try await store.database.raw("INSERT INTO staging_schema (version) VALUES (\(bind: StagingSchema.currentVersion + 1))").run()
        try await store.close()
        await #expect { try await StagingStore.open(url) } throws: { error in
            (error as? ScraperError)?.code == .staging && "\(error)".contains("schema version \(StagingSchema.currentVersion + 1)")
        }
    }

    @Test func refusesAnUnknownURL() async throws {
        await #expect { try await StagingStore.open("mysql://films") } throws: { ($0 as? ScraperError)?.code == .staging }
    }

    @Test(arguments: StagingBackend.available)
    func aKilledCrawlResumesAndAFinishedOneStartsAfresh(backend: StagingBackend) async throws {
        try await backend.withFreshDatabase { url in try await resumeOrRestart(url) }
    }

    private func resumeOrRestart(_ url: String) async throws {
        let store = try await StagingStore.open(url)
        let urls = try (1...3).map { try #require(URL(string: "https://films.example/film/\($0)/")) }
        let seeds = urls.map { FrontierEntry(url: $0, kind: .film, depth: 0) }
        #expect(try await store.startCrawl(seeds: seeds) == false)
        try await store.markInProgress(urls[0])
        try await store.finish(urls[0], state: .done, error: nil, page: StagedPage(url: urls[0], status: 200), records: [], links: [])
        try await store.markInProgress(urls[1])

        #expect(try await store.startCrawl(seeds: seeds) == true)
        var states = try await store.frontierEntries().map(\.state)
        #expect(states == [.done, .pending, .pending])

        for url in urls.dropFirst() { try await store.finish(url, state: .done, error: nil, page: nil, records: [], links: []) }
        #expect(try await store.startCrawl(seeds: Array(seeds.prefix(1))) == false)
        states = try await store.frontierEntries().map(\.state)
        #expect(states == [.pending])
        #expect(try await store.page(for: urls[0]) != nil)
        try await store.close()
    }

    @Test(arguments: StagingBackend.available)
    func claimsShallowEntriesOfFreeHostsFirst(backend: StagingBackend) async throws {
        try await backend.withFreshDatabase { url in try await claimShallowFirst(url) }
    }

    private func claimShallowFirst(_ url: String) async throws {
        let store = try await StagingStore.open(url)
        let deep = try #require(URL(string: "https://a.example/deep"))
        let shallow = try #require(URL(string: "https://a.example/shallow"))
        let other = try #require(URL(string: "https://b.example/x"))
        _ = try await store.startCrawl(seeds: [
            FrontierEntry(url: deep, kind: .other, depth: 2), FrontierEntry(url: shallow, kind: .other, depth: 0),
            FrontierEntry(url: other, kind: .other, depth: 1),
        ])
        #expect(try await store.claimable(limit: 10, excludingHosts: [], now: Date()).map(\.url) == [shallow, other, deep])
        #expect(try await store.claimable(limit: 10, excludingHosts: ["a.example"], now: Date()).map(\.url) == [other])
        try await store.close()
    }
}
