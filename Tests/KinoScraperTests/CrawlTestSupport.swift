import Foundation
import KinoCatalog
import KinoLocalSite
@testable import KinoScraper

/// Helpers of the crawl, fetch and staging tests.
enum CrawlTestSupport {
    static let userAgent = "KinoBot/1.0 (+https://kino.example/bot)"

    /// A stand-in for the HTML extractors: the links are the `href="…"` values, and a page with a `<title>` yields
    /// one record of that title keyed by its path.
    static let extract: Crawler.Extract = { page in
        let html = String(decoding: page.body, as: UTF8.self)
        var links: [String] = []
        for part in html.components(separatedBy: "href=\"").dropFirst() {
            guard let end = part.firstIndex(of: "\""),
                  let link = URL(string: String(part[..<end]), relativeTo: page.finalURL)?.absoluteURL
            else { continue }
            links.append(link.absoluteString)
        }
        var records: [SourceRecord] = []
        if let start = html.range(of: "<title>"), let end = html.range(of: "</title>"), start.upperBound <= end.lowerBound {
            var record = SourceRecord(source: .scraped, sourceID: page.finalURL.path)
            record.titleOriginal = String(html[start.upperBound..<end.lowerBound])
            record.origin = page.finalURL.absoluteString
            record.fetchedAt = page.fetchedAt
            records.append(record)
        }
        return ExtractedPage(url: page.finalURL, kind: .film, records: records, links: links)
    }

    /// A film page with a title and links.
    static func filmPage(_ title: String, links: [String]) -> LocalSite.Response {
        .html("<html><head><title>\(title)</title></head><body>"
            + links.map { "<a href=\"\($0)\">\($0)</a>" }.joined() + "</body></html>")
    }

    /// A started site; shut it down with `site.shutdown()`.
    static func startedSite(_ routes: [(String, LocalSite.Route)]) async throws -> LocalSite {
        let site = LocalSite()
        for (path, route) in routes { site.route(path, route) }
        try await site.start()
        return site
    }

    /// A staging URL in a fresh temporary directory.
    static func temporaryStaging() throws -> (directory: URL, url: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kino-staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (directory, "sqlite://\(directory.path)/staging.sqlite")
    }

    /// A fetcher for tests. The default deadline is long: under a loaded test run a page of a megabyte must not time
    /// out and be fetched twice; tests of timeouts set their own.
    static func fetcher(timeout: Duration = .seconds(30), maxBodyBytes: Int = 10 * 1024 * 1024,
                        retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20))) -> HTTPPageFetcher {
        HTTPPageFetcher(configuration: .init(userAgent: userAgent, maxBodyBytes: maxBodyBytes, timeout: timeout, retry: retry))
    }

    /// How long the first connection to `path` stayed open after its request arrived, as the site saw it, waiting
    /// for the close as long as `patience`. Measured on the site's event loop, it does not depend on when the tasks
    /// of a busy test run get a thread.
    static func firstClose(of site: LocalSite, path: String, patience: Duration = .seconds(60)) async throws -> Duration {
        let clock = ContinuousClock()
        let giveUp = clock.now + patience
        while clock.now < giveUp {
            if let close = site.connectionCloses(for: path).first { return close }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CloseNotSeen(path: path)
    }

    struct CloseNotSeen: Error, CustomStringConvertible {
        let path: String
        var description: String { "the site saw no connection close after a request for \(path)" }
    }

    /// Gaps between the arrivals of consecutive requests.
    static func gaps(_ requests: [LocalSite.RecordedRequest]) -> [Duration] {
        zip(requests.dropFirst(), requests).map { $0.arrivedAt - $1.arrivedAt }
    }
}
