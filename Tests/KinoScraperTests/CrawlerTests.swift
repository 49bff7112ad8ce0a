import Foundation
import KinoLocalSite
@testable import KinoScraper
import Testing

struct CrawlerTests {
    /// A small film site: robots.txt with a Disallow, a crawl delay and a sitemap; an index; six film pages that link
    /// to the next one, to a disallowed page, to another site and (film 3) to a redirect loop; film 6 only in the
    /// sitemap.
    static func filmSite(crawlDelay: Double = 0.05) async throws -> LocalSite {
        let site = LocalSite()
        try await site.start()
        site.route("/robots.txt", .response(.text("""
            User-agent: *
            Disallow: /private/
            Crawl-delay: \(crawlDelay)
            Sitemap: \(site.baseURL.absoluteString)/sitemap.xml
            """)))
        site.route("/sitemap.xml", .response(.xml("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(site.baseURL.absoluteString)/film/6/</loc></url>
            </urlset>
            """)))
        site.route("/", .response(CrawlTestSupport.filmPage("Index", links: ["/film/1/", "/private/secret/"])))
        for number in 1...5 {
            var links = ["/film/\(number + 1)/?utm_source=feed", "/private/film-\(number)/", "https://elsewhere.example/film/"]
            if number == 3 { links.append("/loop/a") }
            site.route("/film/\(number)/", .response(CrawlTestSupport.filmPage("Film \(number)", links: links)))
        }
        site.route("/film/6/", .response(CrawlTestSupport.filmPage("Film 6", links: ["/"])))
        site.route("/loop/a", .redirect(to: "/loop/b", status: 302))
        site.route("/loop/b", .redirect(to: "/loop/a", status: 302))
        return site
    }

    static func configuration(_ site: LocalSite, requestsPerSecond: Double = 100) -> CrawlConfiguration {
        CrawlConfiguration(seeds: [site.url("/")], userAgent: CrawlTestSupport.userAgent, maxPages: 100, maxDepth: 10,
                           requestsPerSecond: requestsPerSecond, globalConcurrency: 4)
    }

    @Test func crawlsTheSiteAsRobotsTxtAllows() async throws {
        let site = try await Self.filmSite()
        let (directory, url) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }
        let staging = try await StagingStore.open(url)
        let fetcher = CrawlTestSupport.fetcher()
        let progress = LockedCounter()
        let crawler = Crawler(configuration: Self.configuration(site), fetcher: fetcher, staging: staging,
                              extract: CrawlTestSupport.extract)
        let report = try await crawler.run { _ in progress.increment() }
        let entries = try await staging.frontierEntries()
        let records = try await staging.records()
        try await staging.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(report.fetched == 7)
        #expect(report.failed == 1)
        #expect(report.records == 7 && records.count == 7)
        #expect(report.skippedByRobots == 6)
        #expect(progress.value == 8)
        let requests = site.allRequests()
        #expect(!requests.contains { $0.path.hasPrefix("/private/") })
        #expect(requests.allSatisfy { $0.userAgent == CrawlTestSupport.userAgent })
        #expect(site.requests(for: "/robots.txt").count == 1)
        #expect(site.requests(for: "/sitemap.xml").count == 1)
        #expect(site.requests(for: "/film/6/").count == 1)
        #expect(requests.allSatisfy { $0.query == nil })
        let loop = try #require(entries.first { $0.url.path == "/loop/a" })
        #expect(loop.state == .failed)
        #expect(loop.lastError?.contains("redirects in a loop") == true)
        #expect(Set(entries.map(\.state)) == [.done, .failed, .skipped])
        #expect(!entries.contains { $0.url.host == "elsewhere.example" })
    }

    @Test func aSecondCrawlAsksConditionallyAndCountsNotModified() async throws {
        let site = LocalSite()
        site.route("/", .conditional(CrawlTestSupport.filmPage("Index", links: ["/film/1/"]), etag: "\"i\"", lastModified: nil))
        site.route("/film/1/", .conditional(CrawlTestSupport.filmPage("Film", links: ["/film/2/"]), etag: nil,
                                            lastModified: Date(timeIntervalSince1970: 1_700_000_000)))
        site.route("/film/2/", .conditional(CrawlTestSupport.filmPage("Film 2", links: []), etag: "\"2\"", lastModified: nil))
        try await site.start()
        let staging = try await StagingStore.open("sqlite::memory:")
        let fetcher = CrawlTestSupport.fetcher()
        let crawler = Crawler(configuration: Self.configuration(site), fetcher: fetcher, staging: staging,
                              extract: CrawlTestSupport.extract)
        let first = try await crawler.run()
        let second = try await crawler.run()
        let records = try await staging.records()
        try await staging.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(first.fetched == 3 && first.notModified == 0)
        #expect(second.fetched == 0 && second.notModified == 3 && !second.resumed)
        #expect(records.count == 3)
        #expect(site.requests(for: "/film/2/").last?.header("If-None-Match") == "\"2\"")
        #expect(site.requests(for: "/film/1/").last?.header("If-Modified-Since") != nil)
    }

    @Test func aKilledCrawlResumesWithoutFetchingFinishedPagesAgain() async throws {
        let site = LocalSite()
        for number in 1...5 {
            site.route("/film/\(number)/", .response(CrawlTestSupport.filmPage("Film \(number)", links: ["/film/\(number + 1)/"])))
        }
        site.route("/film/3/", .slow(.seconds(20), CrawlTestSupport.filmPage("Film 3", links: ["/film/4/"])))
        try await site.start()
        let (directory, url) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = Self.configuration(site)
        configuration.seeds = [site.url("/film/1/")]

        let staging = try await StagingStore.open(url)
        let fetcher = CrawlTestSupport.fetcher(timeout: .seconds(30))
        let killed = Crawler(configuration: configuration, fetcher: fetcher, staging: staging, extract: CrawlTestSupport.extract)
        let report = try await withThrowingTaskGroup(of: CrawlReport.self) { group in
            group.addTask { try await killed.run() }
            while site.requests(for: "/film/3/").isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            group.cancelAll()
            return try await group.next() ?? CrawlReport()
        }
        let afterKill = try await staging.frontierEntries()
        try await staging.close()
        #expect(report.cancelled && report.fetched == 2)
        #expect(afterKill.map(\.state) == [.done, .done, .inProgress])

        site.route("/film/3/", .response(CrawlTestSupport.filmPage("Film 3", links: ["/film/4/"])))
        let reopened = try await StagingStore.open(url)
        let resumed = try await Crawler(configuration: configuration, fetcher: fetcher, staging: reopened,
                                        extract: CrawlTestSupport.extract).run()
        let entries = try await reopened.frontierEntries()
        let records = try await reopened.records()
        try await reopened.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(resumed.resumed && resumed.fetched == 3)
        #expect(site.requests(for: "/film/1/").count == 1)
        #expect(site.requests(for: "/film/2/").count == 1)
        #expect(site.requests(for: "/film/3/").count == 2)
        #expect(entries.count == 6 && entries.allSatisfy { $0.state == .failed ? $0.url.absoluteString.hasSuffix("/film/6/") : $0.state == .done },
                "\(entries.map { "\($0.url.path) \($0.state) \($0.lastError ?? "")" })")
        #expect(records.count == 5)
    }

    @Test func failuresAreStagedAndTheCrawlGoesOn() async throws {
        let site = LocalSite()
        site.route("/", .response(CrawlTestSupport.filmPage("Index", links: ["/silent", "/huge", "/gone", "/film/1/"])))
        site.route("/silent", .neverAnswers)
        site.route("/huge", .huge(bytes: 50 * 1024 * 1024, contentType: "text/html"))
        site.route("/film/1/", .response(CrawlTestSupport.filmPage("Film", links: [])))
        try await site.start()
        let staging = try await StagingStore.open("sqlite::memory:")
        let fetcher = HTTPPageFetcher(configuration: .init(userAgent: CrawlTestSupport.userAgent, maxBodyBytes: 1024 * 1024,
                                                           timeout: .seconds(3), retry: .none))
        let report = try await Crawler(configuration: Self.configuration(site), fetcher: fetcher, staging: staging,
                                       extract: CrawlTestSupport.extract).run()
        let entries = try await staging.frontierEntries()
        let stats = try await staging.stats()
        try await staging.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(report.fetched == 2 && report.failed == 3)
        let errors = Dictionary(uniqueKeysWithValues: entries.map { ($0.url.path, $0.lastError ?? "") })
        #expect(errors["/silent"]?.contains("did not answer") == true)
        #expect(errors["/huge"]?.contains("more than the limit") == true)
        #expect(errors["/gone"]?.contains("answered 404") == true)
        #expect(stats.pagesByStatus[404] == 1 && stats.pagesByStatus[0] == 2)
    }
}

extension CrawlerTests {
    @Test func anUnavailableRobotsTxtHoldsTheHostBack() async throws {
        let site = LocalSite()
        site.route("/robots.txt", .failing(times: 100, status: 503, then: .text("")))
        site.route("/", .response(CrawlTestSupport.filmPage("Index", links: [])))
        try await site.start()
        let staging = try await StagingStore.open("sqlite::memory:")
        let fetcher = CrawlTestSupport.fetcher(retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(20)))
        let report = try await Crawler(configuration: Self.configuration(site), fetcher: fetcher, staging: staging,
                                       extract: CrawlTestSupport.extract).run()
        let entries = try await staging.frontierEntries()
        try await staging.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(report.fetched == 0 && report.failed == 0)
        #expect(site.requests(for: "/robots.txt").count == 2)
        #expect(site.allRequests().count == 2)
        // Left for the next run, which asks for robots.txt again.
        #expect(entries.map(\.state) == [.pending])
    }
}

extension CrawlerTests {
    @Test func retriesFailingAndRateLimitedPagesWithinTheCrawl() async throws {
        let site = LocalSite()
        site.route("/", .response(CrawlTestSupport.filmPage("Index", links: ["/flaky", "/limited"])))
        site.route("/flaky", .failing(times: 2, status: 503, then: CrawlTestSupport.filmPage("Flaky", links: [])))
        site.route("/limited", .rateLimited(maxRequests: 0, per: .milliseconds(400), retryAfterSeconds: 1,
                                            then: CrawlTestSupport.filmPage("Limited", links: [])))
        try await site.start()
        let staging = try await StagingStore.open("sqlite::memory:")
        let fetcher = CrawlTestSupport.fetcher(retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20)))
        let report = try await Crawler(configuration: Self.configuration(site), fetcher: fetcher, staging: staging,
                                       extract: CrawlTestSupport.extract).run()
        try await staging.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(report.fetched == 2 && report.failed == 1)
        #expect(site.requests(for: "/flaky").count == 3)
        let limited = site.requests(for: "/limited")
        #expect(limited.count == 3)
        #expect(CrawlTestSupport.gaps(limited).allSatisfy { $0 >= .milliseconds(990) })
    }
}

extension CrawlerTests {
    @Test func aServerAskingToComeBackLaterGetsItsURLPostponed() async throws {
        let site = LocalSite()
        let calls = LockedCounter()
        site.route("/", .response(CrawlTestSupport.filmPage("Index", links: ["/busy"])))
        site.route("/busy", .handler { _ in
            calls.increment()
            return calls.value == 1 ? LocalSite.Response(status: 429, headers: [("Retry-After", "1")])
                : CrawlTestSupport.filmPage("Busy", links: [])
        })
        try await site.start()
        let staging = try await StagingStore.open("sqlite::memory:")
        // The fetcher waits at most 100 ms itself, so the crawl has to come back. Its deadline is long: on a loaded
        // machine a slow answer must not turn into a timeout and an attempt of its own.
        let fetcher = CrawlTestSupport.fetcher(timeout: .seconds(30),
                                               retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20), maxRetryAfter: .milliseconds(100)))
        let report = try await Crawler(configuration: Self.configuration(site), fetcher: fetcher, staging: staging,
                                       extract: CrawlTestSupport.extract).run()
        let busy = try await staging.frontierEntries().first { $0.url.absoluteString.hasSuffix("/busy") }
        try await staging.close()
        try await fetcher.shutdown()
        try await site.shutdown()

        #expect(report.postponed == 1 && report.fetched == 2 && report.failed == 0)
        let requests = site.requests(for: "/busy")
        #expect(requests.count == 2)
        #expect(CrawlTestSupport.gaps(requests).allSatisfy { $0 >= .milliseconds(990) })
        #expect(busy?.state == .done && busy?.attempts == 2)
    }
}

/// A counter progress callbacks can bump from any task.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
