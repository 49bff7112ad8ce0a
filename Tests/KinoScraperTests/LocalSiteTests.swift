import Foundation
import KinoLocalSite
import KinoScraper
import Testing

struct LocalSiteTests {
    @Test func listensOnARandomLoopbackPort() async throws {
        let first = try await CrawlTestSupport.startedSite([])
        let second = try await CrawlTestSupport.startedSite([])
        #expect(first.baseURL.host == "127.0.0.1")
        #expect(first.baseURL.port != nil && first.baseURL.port != 0)
        #expect(first.baseURL != second.baseURL)
        try await first.shutdown()
        try await second.shutdown()
    }

    @Test func recordsRequestsAndAnswersUnknownPathsWith404() async throws {
        let site = try await CrawlTestSupport.startedSite([("/here", .response(.text("hello")))])
        let fetcher = CrawlTestSupport.fetcher(retry: .none)
        let here = try await fetcher.fetch(site.url("/here?x=1"), validators: nil)
        let missing = try await fetcher.fetch(site.url("/nowhere"), validators: nil)
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(here.status == 200 && here.body == Array("hello".utf8))
        #expect(missing.status == 404)
        let recorded = try #require(site.requests(for: "/here").first)
        #expect(recorded.method == "GET" && recorded.query == "x=1")
        #expect(recorded.userAgent == CrawlTestSupport.userAgent)
        #expect(site.allRequests().count == 2)
    }

    @Test func aSlowRouteAnswersAfterItsDelay() async throws {
        let site = try await CrawlTestSupport.startedSite([("/slow", .slow(.milliseconds(300), .text("late")))])
        let fetcher = CrawlTestSupport.fetcher(retry: .none)
        let clock = ContinuousClock()
        let started = clock.now
        let page = try await fetcher.fetch(site.url("/slow"), validators: nil)
        let elapsed = clock.now - started
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(page.body == Array("late".utf8))
        #expect(elapsed >= .milliseconds(290))
    }

    @Test func aHandlerComputesTheAnswer() async throws {
        let site = try await CrawlTestSupport.startedSite([
            ("/echo", .handler { request in .text(request.header("X-Test") ?? request.userAgent ?? "none") }),
        ])
        let fetcher = CrawlTestSupport.fetcher(retry: .none)
        let page = try await fetcher.fetch(site.url("/echo"), validators: nil)
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(String(decoding: page.body, as: UTF8.self) == CrawlTestSupport.userAgent)
    }

    @Test func aRateLimitedRouteAnswers429WithRetryAfter() async throws {
        let site = try await CrawlTestSupport.startedSite([
            ("/limited", .rateLimited(maxRequests: 2, per: .seconds(60), retryAfterSeconds: 7, then: .text("ok"))),
        ])
        let fetcher = CrawlTestSupport.fetcher(retry: .none)
        var statuses: [Int] = []
        for _ in 0..<2 { statuses.append(try await fetcher.fetch(site.url("/limited"), validators: nil).status) }
        await #expect { try await fetcher.fetch(site.url("/limited"), validators: nil) } throws: {
            ($0 as? ScraperError)?.code == .httpStatus && "\($0)".contains("429")
        }
        // A fetcher that waits at most a second hands back the answer, with the seven seconds the site asked for.
        let impatient = HTTPPageFetcher(configuration: .init(retry: RetryPolicy(maxAttempts: 2, maxRetryAfter: .seconds(1))))
        let limited = try await impatient.fetch(site.url("/limited"), validators: nil)
        try await impatient.shutdown()
        #expect(limited.status == 429 && limited.retryAfter == .seconds(7))
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(statuses == [200, 200])
        #expect(site.requests(for: "/limited").count == 4)
    }
}
