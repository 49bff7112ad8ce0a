import Foundation
import KinoCatalog
import KinoLocalSite
import KinoScraper
import Testing

/// Every real saved page served by a local HTTP server, found through its sitemap, crawled and extracted: what is
/// staged is what the page yields read directly, and the Kinopoisk film page keeps its fields on the way.
struct ServedRealPagesTests {
    @Test func everyServedRealPageIsStagedAsItExtracts() async throws {
        let folder = TestData.directory.appendingPathComponent("html-pages")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(files.count >= 10)
        let site = LocalSite()
        var bodies: [String: [UInt8]] = [:]
        for file in files {
            let body = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
            bodies["/" + file] = body
            site.route("/" + file, .response(.init(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: body)))
        }
        site.route("/", .response(.html("<html><head><title>Saved pages</title></head><body></body></html>")))
        try await site.start()
        defer { Task { try? await site.shutdown() } }
        let entries = files.map { "<url><loc>\(site.url("/" + $0).absoluteString)</loc></url>" }.joined()
        site.route("/sitemap.xml", .response(.xml("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\(entries)</urlset>")))
        site.route("/robots.txt", .response(.text("User-agent: *\nAllow: /\nSitemap: \(site.url("/sitemap.xml").absoluteString)\n")))

        let (directory, stagingURL) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }
        let staging = try await StagingStore.open(stagingURL)
        var configuration = CrawlConfiguration(seeds: [site.url("/")], maxPages: 50)
        configuration.maxDepth = 0
        configuration.requestsPerSecond = 100
        configuration.globalConcurrency = 4
        configuration.perHostConcurrency = 4
        let fetcher = CrawlTestSupport.fetcher()
        let crawler = Crawler(configuration: configuration, fetcher: fetcher, staging: staging) { page in
            try PageExtractor.extract(page.body, url: page.finalURL, contentType: page.contentType, fetchedAt: page.fetchedAt)
        }
        let report = try await crawler.run()
        try await fetcher.shutdown()
        #expect(report.fetched == files.count + 1)
        #expect(report.failed == 0)
        for file in files {
            #expect(site.requests(for: "/" + file).count == 1, "\(file)")
        }

        let staged = try await staging.records()
        try await staging.close()
        var expected: [SourceRecord] = []
        for (path, body) in bodies {
            let direct = try PageExtractor.extract(body, url: site.url(path), contentType: "text/html; charset=utf-8", fetchedAt: Date())
            expected += direct.records
        }
        let withoutFetchTimes = { (records: [SourceRecord]) in
            records.map { record -> SourceRecord in
                var record = record
                record.fetchedAt = nil
                return record
            }.sorted { $0.sourceID < $1.sourceID }
        }
        #expect(withoutFetchTimes(staged) == withoutFetchTimes(expected))
        #expect(staged.count >= 7)

        let sinCity = try #require(staged.first { $0.titleRU == "Город грехов" && $0.year == 2005 })
        #expect(sinCity.titleOriginal == "Sin City")
        #expect(sinCity.credits.filter { $0.role == .director }.map(\.nameRU) == ["Фрэнк Миллер", "Квентин Тарантино", "Роберт Родригес"])
        // Served from another host the page is not Kinopoisk's, and a rating of an unknown site has no place in the
        // catalog: the rating is checked where the page has its own URL (ExtractKinopoiskTests).
        #expect(sinCity.ratings.isEmpty)
        #expect(sinCity.descriptionRU?.hasPrefix("Город грехов - это бездна преступлений.") == true)
        #expect(staged.contains { $0.allTitles.contains("Mulholland Drive") && $0.year == 2001 })
        #expect(staged.contains { $0.allTitles.contains("Uncle Buck") && $0.year == 1989 })
    }
}
