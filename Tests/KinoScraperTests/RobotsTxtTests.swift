import Foundation
import KinoScraper
import Testing

struct RobotsTxtTests {
    static let file = """
        # Rules of a film site
        User-agent: Googlebot
        Disallow: /

        User-agent: kinobot
        User-agent: OtherBot
        Disallow: /private/
        Allow: /private/open/
        Disallow: /*.pdf$
        Disallow: /search*q=
        Allow: /page
        Disallow: /page
        Crawl-delay: 2.5
        this line is garbage
        Sitemap: https://films.example/sitemap.xml

        User-agent: *
        Disallow: /everything-for-others/
        Crawl-delay: 7
        """

    static let robots = RobotsTxt(parsing: Array(file.utf8))

    @Test(arguments: [
        ("/", true),
        ("/film/1/", true),
        ("/private/", false),
        ("/private/x", false),
        ("/private/open/x", true),
        ("/files/a.pdf", false),
        ("/files/a.pdf?x=1", true),
        ("/search?q=heat", false),
        ("/search/films?page=2&q=x", false),
        ("/page", true),
        ("/everything-for-others/x", true),
        ("/robots.txt", true),
    ])
    func decidesForKinoBot(path: String, allowed: Bool) throws {
        let url = try #require(URL(string: "https://films.example" + path))
        #expect(Self.robots.allows(url, for: "KinoBot") == allowed)
    }

    @Test func otherAgentsFallToTheStarGroup() throws {
        let url = try #require(URL(string: "https://films.example/everything-for-others/x"))
        #expect(!Self.robots.allows(url, for: "SomeBot"))
        #expect(Self.robots.crawlDelay(for: "SomeBot") == 7)
        #expect(!Self.robots.allows(try #require(URL(string: "https://films.example/film/")), for: "Googlebot"))
    }

    @Test func readsCrawlDelayAndSitemaps() {
        #expect(Self.robots.crawlDelay(for: "KinoBot") == 2.5)
        #expect(Self.robots.sitemaps == [URL(string: "https://films.example/sitemap.xml")])
    }

    @Test func longestMatchWinsAndAllowWinsTies() throws {
        let robots = RobotsTxt(parsing: Array("User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\nAllow: /x\nDisallow: /x\n".utf8))
        #expect(!robots.allows(try #require(URL(string: "http://h/a/z")), for: "KinoBot"))
        #expect(robots.allows(try #require(URL(string: "http://h/a/b/z")), for: "KinoBot"))
        #expect(!robots.allows(try #require(URL(string: "http://h/a/b/c/z")), for: "KinoBot"))
        #expect(robots.allows(try #require(URL(string: "http://h/x")), for: "KinoBot"))
    }

    @Test(arguments: [
        (200, false), (404, false), (403, false), (429, true), (500, true), (503, true),
    ])
    func fetchStatusDecidesWhenThereIsNoFile(status: Int, disallowsEverything: Bool) throws {
        let robots = RobotsTxt(fetchStatus: status, body: [])
        #expect(robots.disallowsEverything == disallowsEverything)
        #expect(robots.allows(try #require(URL(string: "http://h/film/")), for: "KinoBot") == !disallowsEverything)
    }

    @Test func unreachableDisallowsEverythingButRobotsTxt() throws {
        let robots = RobotsTxt(fetchStatus: nil, body: [])
        #expect(!robots.allows(try #require(URL(string: "http://h/film/")), for: "KinoBot"))
        #expect(robots.allows(try #require(URL(string: "http://h/robots.txt")), for: "KinoBot"))
    }

    @Test func readsOnlyTheFirstHalfMegabyte() throws {
        let padding = String(repeating: "# padding\n", count: RobotsTxt.maxBytes / 10)
        let robots = RobotsTxt(parsing: Array(("User-agent: *\n" + padding + "Disallow: /\n").utf8))
        #expect(robots.allows(try #require(URL(string: "http://h/film/")), for: "KinoBot"))
    }
}
