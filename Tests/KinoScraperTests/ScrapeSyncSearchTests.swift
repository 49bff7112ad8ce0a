import Foundation
import KinoIndex
import KinoCatalog
import KinoLocalSite
import KinoScraper
import KinoSearch
import Testing

/// The whole path of a scraped film: a crawl of a local site serving a real Kinopoisk page, the sync into a catalog,
/// the new index generation, and search finding the film; a second sync changes nothing.
struct ScrapeSyncSearchTests {
    @Test func aScrapedFilmIsFoundAfterTheSync() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-sync-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let site = LocalSite()
        site.route("/robots.txt", .response(.text("User-agent: *\nDisallow: /private/\n")))
        site.route("/film/77443/", .response(.init(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                                                   body: try TestData.pageBytes("kinopoisk/sin_city.html"))))
        site.route("/", .response(.html("<html><head><title>Фильмы</title></head><body><a href=\"/film/77443/\">Город грехов</a><a href=\"/private/x\">x</a></body></html>")))
        try await site.start()
        defer { Task { try? await site.shutdown() } }

        let staging = try await StagingStore.open("sqlite://\(folder)/staging.sqlite")
        var configuration = CrawlConfiguration(seeds: [site.url("/")], maxPages: 10)
        configuration.requestsPerSecond = 50
        configuration.discoversSitemaps = false
        let fetcher = HTTPPageFetcher(configuration: .init(userAgent: configuration.userAgent))
        let crawler = Crawler(configuration: configuration, fetcher: fetcher, staging: staging) { page in
            try PageExtractor.extract(page.body, url: page.finalURL, contentType: page.contentType, fetchedAt: page.fetchedAt)
        }
        let crawl = try await crawler.run()
        try await fetcher.shutdown()
        #expect(crawl.fetched == 2)
        #expect(site.requests(for: "/private/x").isEmpty)
        #expect(try await staging.records().count == 1)

        let catalog = try await DatabaseURL.open("sqlite://\(folder)/catalog.sqlite")
        let first = try await CatalogSync(staging: staging, catalog: catalog, indexRoot: folder + "/index").run()
        #expect(first.merge.newFilms == 1)
        let generation = try #require(first.index?.generation)

        let searcher = FilmSearcher(index: try FilmIndex.open(root: folder + "/index"))
        let hits = try searcher.search(SearchRequest(query: "город грехов")).hits
        let hit = try #require(hits.first)
        #expect(hit.film.year == 2005)
        #expect(try searcher.search(SearchRequest(query: "sin city")).hits.first?.film.id == hit.film.id)
        let film = try #require(try await catalog.filmID(for: ExternalID(.kinopoisk, "77443")))
        #expect(film == hit.film.id)

        // The same staged records again: nothing new, nothing updated, no new generation.
        let second = try await CatalogSync(staging: staging, catalog: catalog, indexRoot: folder + "/index").run()
        #expect(second.merge.newFilms == 0)
        #expect(second.merge.updatedFilms == 0)
        #expect(second.merge.unchangedRecords == 1)
        #expect(second.index == nil)
        #expect(try IndexGenerations(root: folder + "/index").current() == generation)

        try await catalog.close()
        try await staging.close()
    }

    @Test func aRecordWithoutATitleIsRejectedWithItsReason() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-sync-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staging = try await StagingStore.open("sqlite://\(folder)/staging.sqlite")
        var untitled = SourceRecord(source: .scraped, sourceID: "https://example.org/film/1")
        untitled.year = 1999
        untitled.origin = "https://example.org/film/1"
        try await staging.save(records: [untitled], page: nil)
        let catalog = try await DatabaseURL.open("sqlite://\(folder)/catalog.sqlite")
        let report = try await CatalogSync(staging: staging, catalog: catalog, indexRoot: folder + "/index").run(buildIndex: false)
        #expect(report.merge.newFilms == 0)
        #expect(report.merge.rejected.map(\.description) == ["https://example.org/film/1: the record has no title"])
        #expect(try await catalog.stats().films == 0)
        try await catalog.close()
        try await staging.close()
    }

    @Test func aSyncWhoseIndexBuildFailedBuildsItNextTime() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-sync-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/index", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staging = try await StagingStore.open("sqlite://\(folder)/staging.sqlite")
        var film = SourceRecord(source: .scraped, sourceID: "https://example.org/film/1")
        film.titleRU = "Сталкер"
        film.year = 1979
        film.origin = "https://example.org/film/1"
        try await staging.save(records: [film], page: nil)
        let catalog = try await DatabaseURL.open("sqlite://\(folder)/catalog.sqlite")
        let sync = CatalogSync(staging: staging, catalog: catalog, indexRoot: folder + "/index")
        let marker = folder + "/index/" + CatalogSync.pendingMarker

        // A folder where the index's CURRENT file goes: the build fails after the merge committed.
        try FileManager.default.createDirectory(atPath: folder + "/index/CURRENT", withIntermediateDirectories: true)
        await #expect(throws: (any Error).self) { _ = try await sync.run() }
        #expect(try await catalog.stats().films == 1)
        #expect(FileManager.default.fileExists(atPath: marker))

        // The records change nothing now, but the marker says the index is behind the catalog.
        try FileManager.default.removeItem(atPath: folder + "/index/CURRENT")
        let second = try await sync.run()
        #expect(second.merge.newFilms == 0 && second.merge.updatedFilms == 0)
        #expect(second.index != nil)
        #expect(!FileManager.default.fileExists(atPath: marker))
        let searcher = FilmSearcher(index: try FilmIndex.open(root: folder + "/index"))
        #expect(try searcher.search(SearchRequest(query: "сталкер")).hits.first?.film.year == 1979)

        // Nothing to do: no marker, no new generation.
        let third = try await sync.run()
        #expect(third.index == nil)
        try await catalog.close()
        try await staging.close()
    }
}
