import Foundation
import KinoLocalSite
@testable import KinoScraper
import Testing

struct FetchTests {
    @Test func sendsTheUserAgentAndReadsThePage() async throws {
        let site = try await CrawlTestSupport.startedSite([("/film/1/", .response(CrawlTestSupport.filmPage("Heat", links: [])))])
        let fetcher = CrawlTestSupport.fetcher()
        let page = try await fetcher.fetch(site.url("/film/1/"), validators: nil)
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(page.status == 200)
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(String(decoding: page.body, as: UTF8.self).contains("<title>Heat</title>"))
        #expect(site.requests(for: "/film/1/").map(\.userAgent) == [CrawlTestSupport.userAgent])
    }

    @Test func clientErrorsAreFinal() async throws {
        let site = try await CrawlTestSupport.startedSite([])
        let fetcher = CrawlTestSupport.fetcher()
        let page = try await fetcher.fetch(site.url("/missing"), validators: nil)
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(page.status == 404)
        #expect(site.requests(for: "/missing").count == 1)
    }

    @Test func retriesServerErrors() async throws {
        let site = try await CrawlTestSupport.startedSite([
            ("/flaky", .failing(times: 2, status: 503, then: .html("<title>ok</title>"))),
            ("/down", .failing(times: 10, status: 500, then: .html("never"))),
        ])
        let fetcher = CrawlTestSupport.fetcher()
        let page = try await fetcher.fetch(site.url("/flaky"), validators: nil)
        await #expect { try await fetcher.fetch(site.url("/down"), validators: nil) } throws: {
            ($0 as? ScraperError)?.code == .httpStatus && "\($0)".contains("/down")
        }
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(page.status == 200)
        #expect(site.requests(for: "/flaky").count == 3)
        #expect(site.requests(for: "/down").count == 3)
    }

    @Test func waitsAsLongAsRetryAfterSays() async throws {
        let site = try await CrawlTestSupport.startedSite([
            ("/limited", .rateLimited(maxRequests: 1, per: .seconds(1), retryAfterSeconds: 1, then: .html("<title>ok</title>"))),
        ])
        let fetcher = CrawlTestSupport.fetcher()
        _ = try await fetcher.fetch(site.url("/limited"), validators: nil)
        let page = try await fetcher.fetch(site.url("/limited"), validators: nil)
        try await fetcher.shutdown()
        try await site.shutdown()
        let requests = site.requests(for: "/limited")
        #expect(page.status == 200)
        // The second fetch is answered 429 and retried when Retry-After says; on a test run so busy that it starts a
        // second late, it is let through at once.
        #expect((2...3).contains(requests.count))
        if requests.count == 3 {
            #expect(requests[2].arrivedAt - requests[1].arrivedAt >= .milliseconds(990))
        } else if requests.count == 2 {
            #expect(requests[1].arrivedAt - requests[0].arrivedAt >= .seconds(1))
        }
    }

    @Test func followsRedirectsAndKeepsTheFinalURL() async throws {
        let site = try await CrawlTestSupport.startedSite([
            ("/old", .redirect(to: "/new", status: 301)),
            ("/new", .response(.html("<title>new</title>"))),
        ])
        let fetcher = CrawlTestSupport.fetcher()
        let page = try await fetcher.fetch(site.url("/old"), validators: nil)
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(page.requestedURL == site.url("/old"))
        #expect(page.finalURL == site.url("/new"))
        #expect(page.status == 200)
    }

    @Test func aRedirectLoopFails() async throws {
        let site = try await CrawlTestSupport.startedSite([
            ("/a", .redirect(to: "/b", status: 302)),
            ("/b", .redirect(to: "/a", status: 302)),
        ])
        let fetcher = CrawlTestSupport.fetcher()
        await #expect { try await fetcher.fetch(site.url("/a"), validators: nil) } throws: {
            ($0 as? ScraperError)?.code == .redirectLoop && "\($0)".contains("/a")
        }
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(site.requests(for: "/a").count == 1)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let site = try await CrawlTestSupport.startedSite([("/silent", .neverAnswers)])
        let fetcher = CrawlTestSupport.fetcher(timeout: .milliseconds(400), retry: .none)
        let clock = ContinuousClock()
        let started = clock.now
        await #expect { try await fetcher.fetch(site.url("/silent"), validators: nil) } throws: {
            ($0 as? ScraperError)?.code == .timedOut
        }
        let elapsed = clock.now - started
        // The fetcher hung up at its deadline, by the site's clock: far below forever, with room for a loaded machine.
        let open = try await CrawlTestSupport.firstClose(of: site, path: "/silent")
        let arrived = try #require(site.requests(for: "/silent").first).arrivedAt
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(elapsed >= .milliseconds(390))
        // Not before its deadline either: the close came at least that long after the fetch began (the request
        // itself may reach the site late on a loaded machine, so its time open can be shorter).
        #expect(arrived + open - started >= .milliseconds(390))
        #expect(open < .seconds(10))
    }

    @Test func aTricklingBodyTimesOut() async throws {
        // The whole body would take 60 s to arrive; the 500 ms deadline must end it long before.
        let body = LocalSite.Response.html(String(repeating: "x", count: 12_000))
        let site = try await CrawlTestSupport.startedSite([("/trickle", .trickle(body, chunkSize: 10, every: .milliseconds(50)))])
        let fetcher = CrawlTestSupport.fetcher(timeout: .milliseconds(500), retry: .none)
        let clock = ContinuousClock()
        let started = clock.now
        await #expect { try await fetcher.fetch(site.url("/trickle"), validators: nil) } throws: {
            ($0 as? ScraperError)?.code == .timedOut
        }
        let elapsed = clock.now - started
        let open = try await CrawlTestSupport.firstClose(of: site, path: "/trickle")
        let arrived = try #require(site.requests(for: "/trickle").first).arrivedAt
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(elapsed >= .milliseconds(490))
        #expect(arrived + open - started >= .milliseconds(490))
        #expect(open < .seconds(10))
    }

    @Test func aHugeBodyIsCutOff() async throws {
        let size = 50 * 1024 * 1024
        let site = try await CrawlTestSupport.startedSite([("/huge", .huge(bytes: size, contentType: "text/html"))])
        let fetcher = CrawlTestSupport.fetcher(maxBodyBytes: 1024 * 1024, retry: .none)
        await #expect { try await fetcher.fetch(site.url("/huge"), validators: nil) } throws: {
            ($0 as? ScraperError)?.code == .tooLarge && "\($0)".contains("/huge")
        }
        let open = try await CrawlTestSupport.firstClose(of: site, path: "/huge")
        try await fetcher.shutdown()
        try await site.shutdown()
        // The fetcher stopped reading past its limit and closed the connection, so the site could write little more
        // than the limit and what the sockets' buffers hold (a few MB on loopback), not the whole body.
        let streamed = site.bytesStreamed(for: "/huge")
        #expect(streamed >= 1024 * 1024)
        #expect(streamed < size / 2)
        // The fetcher's 30 s deadline did not end it: the limit did, as soon as the body passed it.
        #expect(open < .seconds(10))
    }

    @Test func aConditionalRequestGetsNotModified() async throws {
        let modified = Date(timeIntervalSince1970: 1_700_000_000)
        let site = try await CrawlTestSupport.startedSite([
            ("/tagged", .conditional(.html("<title>t</title>"), etag: "\"v1\"", lastModified: nil)),
            ("/dated", .conditional(.html("<title>d</title>"), etag: nil, lastModified: modified)),
        ])
        let fetcher = CrawlTestSupport.fetcher()
        let first = try await fetcher.fetch(site.url("/tagged"), validators: nil)
        let second = try await fetcher.fetch(site.url("/tagged"), validators: PageValidators(etag: first.etag))
        let dated = try await fetcher.fetch(site.url("/dated"), validators: nil)
        let datedAgain = try await fetcher.fetch(site.url("/dated"), validators: PageValidators(lastModified: dated.lastModified))
        try await fetcher.shutdown()
        try await site.shutdown()
        #expect(first.status == 200 && !first.notModified && first.etag == "\"v1\"")
        #expect(second.notModified && second.status == 304 && second.body.isEmpty)
        #expect(site.requests(for: "/tagged").last?.header("If-None-Match") == "\"v1\"")
        #expect(dated.lastModified != nil && !dated.notModified)
        #expect(datedAgain.notModified)
        #expect(site.requests(for: "/dated").last?.header("If-Modified-Since") == dated.lastModified)
    }
}

struct FetchRetryTests {
    @Test(arguments: [("120", 120_000), ("0", 0), ("-5", 0)])
    func retryAfterInSeconds(value: String, milliseconds: Int) {
        #expect(RetryAfter.parse(value) == .milliseconds(milliseconds))
    }

    @Test func retryAfterAsAnHTTPDate() throws {
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        let later = RetryAfter.httpDateFormatter().string(from: now.addingTimeInterval(90))
        #expect(RetryAfter.parse(later, now: now) == .seconds(90))
        #expect(RetryAfter.parse("soon", now: now) == nil)
    }

    @Test func backoffGrowsWithJitterUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        for attempt in 1...8 {
            let delay = policy.backoff(after: attempt)
            let full = min(Duration.milliseconds(100) * (1 << (attempt - 1)), .seconds(1))
            #expect(delay >= full / 2 && delay <= full, "attempt \(attempt): \(delay)")
        }
    }
}
