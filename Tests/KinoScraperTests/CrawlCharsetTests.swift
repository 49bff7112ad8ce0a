import Foundation
import KinoLocalSite
import KinoScraper
import Testing

/// Pages in single-byte charsets served over HTTP, crawled and extracted by the real extractors: the charset comes
/// from the Content-Type header when it has one, else from the page's `<meta>`.
struct CrawlCharsetTests {
    /// A film page in the given charset's bytes.
    static func page(_ title: String, description: String, encoding: String.Encoding, meta: String?) throws -> [UInt8] {
        let head = meta.map { "<meta charset=\"\($0)\">" } ?? ""
        let html = "<html><head>\(head)<title>\(title)</title><meta property=\"og:type\" content=\"video.movie\">"
            + "<meta property=\"og:title\" content=\"\(title)\"><meta property=\"og:description\" content=\"\(description)\">"
            + "</head><body><h1>\(title)</h1></body></html>"
        return [UInt8](try #require(html.data(using: encoding)))
    }

    @Test func windows1251FromTheHeaderAndISO88591FromTheMetaDecode() async throws {
        let russian = try Self.page("Иди и смотри (1985)", description: "Фильм Элема Климова", encoding: .windowsCP1251, meta: nil)
        let french = try Self.page("Le Cercle rouge (1970)", description: "Un film de Jean-Pierre Melville, été", encoding: .isoLatin1,
                                   meta: "iso-8859-1")
        let site = try await CrawlTestSupport.startedSite([
            ("/robots.txt", .response(.text("User-agent: *\nAllow: /\n"))),
            ("/", .response(.html("<html><head><title>Films</title></head><body><a href=\"/ru\">ru</a><a href=\"/fr\">fr</a></body></html>"))),
            ("/ru", .response(.init(status: 200, headers: [("Content-Type", "text/html; charset=windows-1251")], body: russian))),
            ("/fr", .response(.init(status: 200, headers: [("Content-Type", "text/html")], body: french))),
        ])
        defer { Task { try? await site.shutdown() } }
        let (directory, stagingURL) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }
        let staging = try await StagingStore.open(stagingURL)

        var configuration = CrawlConfiguration(seeds: [site.url("/")], maxPages: 5)
        configuration.requestsPerSecond = 50
        configuration.discoversSitemaps = false
        let fetcher = CrawlTestSupport.fetcher()
        let crawler = Crawler(configuration: configuration, fetcher: fetcher, staging: staging) { page in
            try PageExtractor.extract(page.body, url: page.finalURL, contentType: page.contentType, fetchedAt: page.fetchedAt)
        }
        let report = try await crawler.run()
        try await fetcher.shutdown()
        #expect(report.fetched == 3)

        let records = try await staging.records()
        let klimov = try #require(records.first { $0.year == 1985 })
        #expect(klimov.allTitles.contains("Иди и смотри"))
        #expect(klimov.descriptionRU == "Фильм Элема Климова")
        let melville = try #require(records.first { $0.year == 1970 })
        #expect(melville.allTitles.contains("Le Cercle rouge"))
        #expect([melville.descriptionEN, melville.descriptionRU].contains("Un film de Jean-Pierre Melville, été"))
        try await staging.close()
    }
}
