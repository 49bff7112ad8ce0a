import Foundation
import KinoLocalSite
@testable import KinoScraper
import Testing

struct PolitenessTests {
    /// Arrival gaps may fall short of the interval by this much: a request's start is scheduled, its arrival at the
    /// server is not.
    static let tolerance = Duration.milliseconds(15)

    static func chainSite(pages: Int, robots: String?) async throws -> LocalSite {
        let site = LocalSite()
        if let robots { site.route("/robots.txt", .response(.text(robots))) }
        site.route("/", .response(CrawlTestSupport.filmPage("Index", links: (1...pages).map { "/film/\($0)/" })))
        for number in 1...pages {
            site.route("/film/\(number)/", .response(CrawlTestSupport.filmPage("Film \(number)", links: [])))
        }
        try await site.start()
        return site
    }

    static func crawl(_ site: LocalSite, requestsPerSecond: Double, perHost: Int = 1) async throws -> CrawlReport {
        let staging = try await StagingStore.open("sqlite::memory:")
        let fetcher = CrawlTestSupport.fetcher()
        let configuration = CrawlConfiguration(seeds: [site.url("/")], userAgent: CrawlTestSupport.userAgent,
                                               requestsPerSecond: requestsPerSecond, perHostConcurrency: perHost,
                                               globalConcurrency: 8)
        let report = try await Crawler(configuration: configuration, fetcher: fetcher, staging: staging,
                                       extract: CrawlTestSupport.extract).run()
        try await staging.close()
        try await fetcher.shutdown()
        return report
    }

    @Test func requestsToAHostKeepTheRate() async throws {
        let site = try await Self.chainSite(pages: 6, robots: nil)
        let report = try await Self.crawl(site, requestsPerSecond: 10)
        try await site.shutdown()
        let requests = site.allRequests()
        #expect(report.fetched == 7)
        // robots.txt, sitemap.xml, the index and six films.
        #expect(requests.count == 9)
        let gaps = CrawlTestSupport.gaps(requests)
        #expect(gaps.allSatisfy { $0 >= .milliseconds(100) - Self.tolerance }, "gaps: \(gaps)")
    }

    @Test func theCrawlDelayOfRobotsTxtSlowsTheRateDown() async throws {
        let site = try await Self.chainSite(pages: 3, robots: "User-agent: KinoBot\nCrawl-delay: 0.25\n")
        let report = try await Self.crawl(site, requestsPerSecond: 100)
        try await site.shutdown()
        #expect(report.fetched == 4)
        let gaps = CrawlTestSupport.gaps(site.allRequests())
        #expect(gaps.allSatisfy { $0 >= .milliseconds(250) - Self.tolerance }, "gaps: \(gaps)")
    }

    @Test func hostsAreCrawledSideBySide() async throws {
        let first = try await Self.chainSite(pages: 6, robots: nil)
        let second = try await Self.chainSite(pages: 6, robots: nil)
        let staging = try await StagingStore.open("sqlite::memory:")
        let fetcher = CrawlTestSupport.fetcher()
        let configuration = CrawlConfiguration(seeds: [first.url("/"), second.url("/")], userAgent: CrawlTestSupport.userAgent,
                                               requestsPerSecond: 10, globalConcurrency: 8)
        let report = try await Crawler(configuration: configuration, fetcher: fetcher, staging: staging,
                                       extract: CrawlTestSupport.extract).run()
        try await staging.close()
        try await fetcher.shutdown()
        try await first.shutdown()
        try await second.shutdown()
        #expect(report.fetched == 14)
        // Each host's requests are spread over most of a second: crawled side by side, each began before the other ended.
        let firstRequests = first.allRequests(), secondRequests = second.allRequests()
        let firstSpan = try #require(firstRequests.first?.arrivedAt)...(try #require(firstRequests.last?.arrivedAt))
        let secondSpan = try #require(secondRequests.first?.arrivedAt)...(try #require(secondRequests.last?.arrivedAt))
        #expect(firstSpan.overlaps(secondSpan))
        for site in [first, second] {
            #expect(CrawlTestSupport.gaps(site.allRequests()).allSatisfy { $0 >= .milliseconds(100) - Self.tolerance })
        }
    }

    @Test func theScheduleSpacesStartsAndLimitsSlots() {
        var schedule = HostSchedule(minimumInterval: .milliseconds(100), perHostConcurrency: 2)
        let now = ContinuousClock.now
        let first = schedule.reserve("a", now: now)
        let second = schedule.reserve("a", now: now)
        #expect(first == now && second == now + .milliseconds(100))
        #expect(!schedule.hasFreeSlot("a") && schedule.hasFreeSlot("b"))
        #expect(schedule.busyHosts(now: now) == ["a"])
        schedule.release("a", now: now + .milliseconds(150))
        #expect(schedule.hasFreeSlot("a"))
        // The next start waits for the interval after the last request finished.
        #expect(schedule.reserve("a", now: now + .milliseconds(150)) == now + .milliseconds(250))
        schedule.release("a", now: now + .milliseconds(300))
        schedule.setRobots(RobotsTxt(parsing: Array("User-agent: *\nCrawl-delay: 1\n".utf8)), of: "a",
                           productToken: "KinoBot", failureHold: .seconds(60))
        // The crawl delay counts from the last finish.
        #expect(schedule.reserve("a", now: now) == now + .milliseconds(1300))
        #expect(schedule.reserve("a", now: now) == now + .milliseconds(2300))
    }
}
