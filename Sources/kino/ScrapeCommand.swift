import ArgumentParser
import Foundation
import KinoScraper

/// `kino scrape`: crawls film sites from seed URLs (or pages the Kinopoisk API) into the staging store.
struct ScrapeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrape",
        abstract: "Crawl film sites politely into the staging store (resumes a crawl that was stopped).",
        discussion: "Pages are fetched with robots.txt obeyed, at most --rate requests per second per host; their film records, links and fetch results are staged. `kino sync` merges the staged records into the catalog."
    )

    @Argument(help: "Seed URLs (a site's sitemap.xml is discovered from them).") var seeds: [String] = []
    @Option(name: .long, help: "Stop after this many pages.") var maxPages = 1000
    @Option(name: .long, help: "Follow links at most this deep from the seeds.") var maxDepth = 3
    @Option(name: .long, help: "Requests per second per host (robots.txt Crawl-delay may lower it).") var rate = 1.0
    @Option(name: .long, help: "Pages fetched at once across hosts.") var concurrency = 8
    @Option(name: .long, help: "The staging database: sqlite://PATH or postgres://... (env KINO_STAGING_URL).") var staging: String?
    @Option(name: .long, help: "Fetch from the Kinopoisk API at this base URL instead of crawling pages.") var kinopoiskAPI: String?
    @Option(name: .long, help: "The Kinopoisk API key (env KINOPOISK_API_KEY).") var apiKey: String?
    @Flag(name: .long, help: "With --kinopoisk-api: also fetch every listed film's full record.") var details = false
    @Option(name: .long, help: "A host whose pages need JavaScript: they are rendered in headless Chromium (chromedriver) after the HTTP fetch. Repeatable.")
    var render: [String] = []
    @Option(name: .long, help: "With --render: a CSS selector to wait for (up to 10 s) before a rendered page is read, e.g. \"script[type='application/ld+json']\".")
    var renderWait: String?

    func validate() throws {
        if seeds.isEmpty, kinopoiskAPI == nil { throw ValidationError("give seed URLs or --kinopoisk-api") }
        guard maxPages > 0 else { throw ValidationError("--max-pages must be positive") }
        guard rate > 0 else { throw ValidationError("--rate must be positive") }
        for seed in seeds {
            guard let url = URL(string: seed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("'\(seed)' is not an http(s) URL")
            }
        }
    }

    func run() async throws {
        let store = try await StagingStore.open(stagingURL(staging))
        do {
            if let base = kinopoiskAPI {
                try await runAPI(base: base, store: store)
            } else {
                try await crawl(store: store)
            }
            let stats = try await store.stats()
            print("staged: \(stats.records) records")
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    private func crawl(store: StagingStore) async throws {
        var configuration = CrawlConfiguration(seeds: seeds.compactMap(URL.init(string:)), maxPages: maxPages)
        configuration.maxDepth = maxDepth
        configuration.requestsPerSecond = rate
        configuration.globalConcurrency = concurrency
        let http = HTTPPageFetcher(configuration: .init(userAgent: configuration.userAgent))
        let browser = render.isEmpty ? nil : ChromeDriver(configuration: .init(userAgent: configuration.userAgent))
        let fetcher: any PageFetcher = browser.map {
            RenderingPageFetcher(http: http, browser: $0, rules: .init(hosts: Set(render), waitFor: renderWait))
        } ?? http
        let crawler = Crawler(configuration: configuration, fetcher: fetcher, staging: store) { page in
            try PageExtractor.extract(page.body, url: page.finalURL, contentType: page.contentType, fetchedAt: page.fetchedAt)
        }
        let terminal = isatty(2) != 0
        let report: CrawlReport
        do {
            report = try await crawler.run { progress in
                if terminal { FileHandle.standardError.write(Data(("\r" + progress.line + "   ").utf8)) }
            }
        } catch {
            await browser?.shutdown()
            try? await http.shutdown()
            throw error
        }
        await browser?.shutdown()
        try await http.shutdown()
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let seconds = Double(report.elapsed.components.seconds) + Double(report.elapsed.components.attoseconds) / 1e18
        print(String(format: "fetched %d pages (%d not modified), %d failed, %d skipped by robots.txt, %d postponed; %d records; %.1f s%@",
                     report.fetched, report.notModified, report.failed, report.skippedByRobots, report.postponed,
                     report.records, seconds, report.resumed ? " (resumed)" : ""))
    }

    private func runAPI(base: String, store: StagingStore) async throws {
        guard let url = URL(string: base), url.scheme != nil else { throw ValidationError("--kinopoisk-api '\(base)' is not a URL") }
        guard let key = apiKey ?? ProcessInfo.processInfo.environment["KINOPOISK_API_KEY"], !key.isEmpty else {
            throw ValidationError("the Kinopoisk API needs --api-key or KINOPOISK_API_KEY")
        }
        var configuration = KinopoiskAPISource.Configuration(baseURL: url, apiKey: key)
        configuration.rate = rate
        configuration.details = details
        let report = try await KinopoiskAPISource(configuration: configuration).run(into: store, maxPages: maxPages) { report in
            printError("page \(report.pages): \(report.films) films")
        }
        print("fetched \(report.pages) pages of the Kinopoisk API: \(report.films) films, \(report.records) records, \(report.rejected.count) rejected")
        for issue in report.rejected.prefix(10) { print("  rejected \(issue)") }
    }
}

/// The staging database's URL: the option, else `KINO_STAGING_URL`, else `sqlite://staging.sqlite`.
func stagingURL(_ option: String?) -> String {
    option ?? ProcessInfo.processInfo.environment["KINO_STAGING_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? StagingStore.defaultURL
}
