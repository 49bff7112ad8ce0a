import ArgumentParser
import Foundation
import KinoLocalSite
import KinoScraper

/// `kino bench crawl`: crawl throughput against a local site at a per-host rate limit, and whether the limit held.
///
/// A local HTTP server serves a robots.txt naming a sitemap of `--films` film pages; each page is one of the real
/// saved pages (`../shared/data/html-pages`, in turn), so every fetch is followed by a real extraction and a staging
/// write (SQLite in a temporary folder). For each rate of `--rates` the whole crawl runs once from an empty staging
/// store, and the table gives pages/s, that as a share of the limit, and the most requests the server saw in any one
/// second (the politeness check). Measure a release build:
/// `swift build -c release --product kino && .build/release/kino bench crawl`.
struct BenchCrawl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Measure crawl throughput against a local site at per-host rate limits."
    )

    @Option(name: .long, help: "Film pages the local site serves.") var films = 300
    @Option(name: .long, parsing: .upToNextOption, help: "Per-host rate limits to crawl at, requests/s.") var rates: [Double] = [10, 50, 200, 1000]
    @Option(name: .long, help: "Pages fetched at once.") var concurrency = 8
    @Option(name: .long, help: "The folder of saved pages served as film pages.") var pages = "../shared/data/html-pages"

    func validate() throws {
        guard films > 0 else { throw ValidationError("--films must be positive") }
        guard !rates.isEmpty, rates.allSatisfy({ $0 > 0 }) else { throw ValidationError("--rates must be positive numbers") }
    }

    func run() async throws {
        let bodies = try loadPages()
        guard !bodies.isEmpty else { throw ValidationError("\(pages): no .html files") }
        let site = LocalSite(threads: 1)
        site.route("/", .response(.html("<html><head><title>Films</title></head><body><h1>Films</h1></body></html>")))
        for film in 1...films {
            site.route("/film/\(film)/", .response(.init(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                                                           body: bodies[(film - 1) % bodies.count])))
        }
        try await site.start()
        site.route("/sitemap.xml", .response(.xml(sitemap(site))))
        site.route("/robots.txt", .response(.text("User-agent: *\nAllow: /\nSitemap: \(site.url("/sitemap.xml").absoluteString)\n")))
        defer { Task { try? await site.shutdown() } }

        let megabytes = Double(bodies.reduce(0) { $0 + $1.count }) / Double(bodies.count) * Double(films) / 1e6
        print("\(films) film pages (\(String(format: "%.0f", megabytes)) MB, the real saved pages in turn), \(concurrency) at once, one host, SQLite staging")
        print("")
        print("| rate limit (req/s) | pages | records | seconds | pages/s | share of limit | most requests in 1 s | median / smallest gap (ms) | failed |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for rate in rates {
            site.resetRecords()
            let row = try await crawl(site, rate: rate)
            let arrivals = site.allRequests().filter { $0.path.hasPrefix("/film/") }.map(\.arrivedAt).sorted()
            let gaps = zip(arrivals.dropFirst(), arrivals).map { Self.milliseconds($0 - $1) }.sorted()
            print(String(format: "| %.0f | %d | %d | %.2f | %.1f | %.0f%% | %d | %.1f / %.1f | %d |", rate, row.report.fetched, row.report.records,
                         row.seconds, Double(row.report.fetched) / row.seconds, Double(row.report.fetched) / row.seconds / rate * 100,
                         Self.busiestSecond(arrivals), gaps.isEmpty ? 0 : gaps[gaps.count / 2], gaps.first ?? 0, row.report.failed))
        }
    }

    private func crawl(_ site: LocalSite, rate: Double) async throws -> (report: CrawlReport, seconds: Double) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-bench-crawl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = try await StagingStore.open("sqlite://\(folder.path)/staging.sqlite")
        var configuration = CrawlConfiguration(seeds: [site.url("/")], maxPages: films + 2)
        // The sitemap lists every page; the links inside the real pages lead to paths this site does not serve.
        configuration.maxDepth = 0
        configuration.requestsPerSecond = rate
        configuration.globalConcurrency = concurrency
        configuration.perHostConcurrency = concurrency
        let fetcher = HTTPPageFetcher(configuration: .init(userAgent: configuration.userAgent))
        let crawler = Crawler(configuration: configuration, fetcher: fetcher, staging: staging) { page in
            try PageExtractor.extract(page.body, url: page.finalURL, contentType: page.contentType, fetchedAt: page.fetchedAt)
        }
        let start = ContinuousClock.now
        let report: CrawlReport
        do {
            report = try await crawler.run()
        } catch {
            try? await fetcher.shutdown()
            try? await staging.close()
            throw error
        }
        let elapsed = ContinuousClock.now - start
        try await fetcher.shutdown()
        try await staging.close()
        return (report, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    private func sitemap(_ site: LocalSite) -> String {
        let entries = (1...films).map { "<url><loc>\(site.url("/film/\($0)/").absoluteString)</loc></url>" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + entries.joined() + "</urlset>"
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The most request arrivals within any window of one second.
    static func busiestSecond(_ arrivals: [ContinuousClock.Instant]) -> Int {
        let sorted = arrivals.sorted()
        var busiest = 0
        var first = 0
        for last in sorted.indices {
            while sorted[last] - sorted[first] >= .seconds(1) { first += 1 }
            busiest = max(busiest, last - first + 1)
        }
        return busiest
    }

    private func loadPages() throws -> [[UInt8]] {
        let root = URL(fileURLWithPath: pages, isDirectory: true)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationError("\(pages): cannot read the folder")
        }
        var files: [URL] = []
        for case let file as URL in walker where file.pathExtension.lowercased() == "html" { files.append(file) }
        return try files.sorted { $0.path < $1.path }.map { file in
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ValidationError("\(file.path): cannot read the file")
            }
            return [UInt8](data)
        }
    }
}
