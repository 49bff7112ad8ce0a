import Foundation
import KinoCatalog
@testable import KinoScraper
import SQLKit
import Testing

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

    @Test func roundTripsRecordsAndReplacesThemByKey() async throws {
        let (directory, url) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }
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

    @Test func refusesANewerSchema() async throws {
        let (directory, url) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }
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

    @Test func aKilledCrawlResumesAndAFinishedOneStartsAfresh() async throws {
        let store = try await StagingStore.open("sqlite::memory:")
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

    @Test func claimsShallowEntriesOfFreeHostsFirst() async throws {
        let store = try await StagingStore.open("sqlite::memory:")
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
