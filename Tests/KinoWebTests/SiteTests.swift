import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KinoCatalog
import KinoSearch
import Testing
@testable import KinoWeb

/// The server-rendered site through the application `kino serve` builds.
struct SiteTests {
    @Test func everyPageRendersInRussianByDefault() async throws {
        let matrix = try await WebFixture.film(titled: "The Matrix")
        let director = try #require(matrix.credits.first { $0.role == .director })
        let pages = ["/", "/search?q=\(encoded("брат"))", "/search", "/films/\(matrix.id)", "/people/\(director.personID)",
                     "/genres/drama", "/countries/US", "/decades/1990", "/search?genre=drama&sort=year&page=2"]
        try await WebFixture.application().test(.router) { client in
            for page in pages {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .ok, "\(page)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(page)")
                    let html = response.text
                    #expect(html.contains("<html lang=\"ru\">"), "\(page)")
                    #expect(html.contains("id=\"search-form\""), "\(page)")
                    #expect(html.contains("<link rel=\"canonical\" href=\"https://kino.example/"), "\(page)")
                    #expect(html.contains("<meta property=\"og:title\""), "\(page)")
                    #expect(html.hasSuffix("</html>"), "\(page)")
                }
            }
        }
    }

    @Test func searchPageListsHitsAndFacetLinksThatToggle() async throws {
        let brat = try await WebFixture.film(titled: "Брат")
        try await WebFixture.application().test(.router) { client in
            let html = try await client.execute(uri: "/search?q=\(encoded("брат"))", method: .get) { $0.text }
            #expect(html.contains("class=\"result-title\" href=\"/films/\(brat.id)\""))
            #expect(html.contains("<mark>"))
            #expect(html.contains("data-facet=\"genre\""))
            // A genre link adds the genre to the query; on the filtered page the same link is selected and removes it.
            let link = try #require(html.firstMatch(of: /<a class="facet-value" data-value="crime" href="([^"]+)"/)?.1)
            let href = String(link).replacingOccurrences(of: "&amp;", with: "&")
            #expect(href.contains("genre=crime") && href.contains("q="))
            let filtered = try await client.execute(uri: href, method: .get) { $0.text }
            #expect(filtered.contains("class=\"facet-value selected\" data-value=\"crime\""))
            #expect(filtered.contains("href=\"/films/\(brat.id)\""))
            let off = try #require(filtered.firstMatch(of: /<a class="facet-value selected" data-value="crime" href="([^"]+)"/)?.1)
            #expect(!String(off).contains("genre=crime"))
        }
    }

    @Test func filmPageHasEveryFieldPeopleSimilarFilmsAndJSONLD() async throws {
        let matrix = try await WebFixture.film(titled: "The Matrix")
        let director = try #require(matrix.credits.first { $0.role == .director })
        try await WebFixture.application().test(.router) { client in
            let html = try await client.execute(uri: "/films/\(matrix.id)?lang=en", method: .get) { $0.text }
            #expect(html.contains("<h1 id=\"film-title\">The Matrix <span class=\"year\">(1999)</span></h1>"))
            #expect(html.contains("href=\"/people/\(director.personID)\""))
            #expect(html.contains("<section id=\"similar\""))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://kino.example/films/\(matrix.id)\">"))
            #expect(html.contains("<meta property=\"og:type\" content=\"video.movie\">"))
            let script = try #require(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
            #expect(object["@type"] as? String == "Movie")
            #expect(object["name"] as? String == "The Matrix")
            #expect((object["director"] as? [[String: Any]])?.first?["name"] as? String == director.name)
        }
    }

    @Test func htmlInTitlesAndQueriesRendersAsText() async throws {
        let hostile = try await WebFixture.film(titled: WebFixture.hostileTitle)
        try await WebFixture.application().test(.router) { client in
            let query = "<script>alert(1)</script>"
            let results = try await client.execute(uri: "/search?q=\(encoded(query))", method: .get) { $0.text }
            #expect(!results.contains(query))
            #expect(results.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            for page in ["/films/\(hostile.id)", "/search?q=night", "/"] {
                let html = try await client.execute(uri: page, method: .get) { $0.text }
                #expect(!html.contains("<script>alert"), "\(page)")
                #expect(!html.contains("<b>Bold</b>"), "\(page)")
                #expect(!html.contains("<img src=x"), "\(page)")
            }
            let film = try await client.execute(uri: "/films/\(hostile.id)", method: .get) { $0.text }
            #expect(film.contains("&lt;script&gt;alert(&quot;kino&quot;)&lt;/script&gt; Night"))
            #expect(film.contains("\\u003cscript\\u003e"), "JSON-LD escapes the title for the script element")
            let json = try await client.execute(uri: "/api/v1/search?q=night", method: .get) { $0.text }
            #expect(json.contains("&lt;script&gt;") || !json.contains("<mark>"), "highlights are escaped HTML")
        }
    }

    @Test func languageComesFromTheURLThenTheCookieThenAcceptLanguage() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
                #expect(response.text.contains("Popular films"))
                #expect(response.headers[.setCookie]?.hasPrefix("lang=en;") == true)
                #expect(response.text.contains("id=\"lang-switch\" class=\"lang-switch\" href=\"/?lang=ru\""))
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "lang=en"]) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "de-DE, en-US;q=0.8, ru;q=0.5"]) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ru-RU,ru;q=0.9"]) { response in
                #expect(response.text.contains("<html lang=\"ru\">"))
                #expect(response.text.contains("Популярные фильмы"))
            }
        }
    }

    @Test func unknownPagesAre404PagesAndBadValuesAre400Pages() async throws {
        try await WebFixture.application().test(.router) { client in
            for page in ["/nothing-here", "/films/99999999", "/genres/nonsense", "/countries/ZZ", "/decades/1995", "/sitemaps/x.xml"] {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .notFound, "\(page)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(page)")
                    #expect(response.text.contains("Страница не найдена"), "\(page)")
                    #expect(response.text.contains("noindex"), "\(page)")
                }
            }
            try await client.execute(uri: "/search?sort=nonsense", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("sort: "))
            }
        }
    }

    @Test func sitemapsRobotsAndAssets() async throws {
        let matrix = try await WebFixture.film(titled: "The Matrix")
        try await WebFixture.application().test(.router) { client in
            let index = try await client.execute(uri: "/sitemap.xml", method: .get) { $0.text }
            #expect(index.contains("<loc>https://kino.example/sitemaps/films-1.xml</loc>"))
            #expect(index.contains("<loc>https://kino.example/sitemaps/people-1.xml</loc>"))
            let films = try await client.execute(uri: "/sitemaps/films-1.xml", method: .get) { $0.text }
            #expect(films.contains("<loc>https://kino.example/films/\(matrix.id)</loc>"))
            let pages = try await client.execute(uri: "/sitemaps/pages.xml", method: .get) { $0.text }
            #expect(pages.contains("<loc>https://kino.example/genres/drama</loc>"))
            let robots = try await client.execute(uri: "/robots.txt", method: .get) { $0.text }
            #expect(robots.contains("Sitemap: https://kino.example/sitemap.xml"))
            #expect(robots.contains("Disallow: /api/"))
            for (asset, type) in [("/static/kino.css", "text/css"), ("/static/kino.js", "text/javascript")] {
                try await client.execute(uri: asset, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true)
                    #expect(response.body.readableBytes > 1000)
                }
            }
        }
    }

    @Test func countsTakeTheRightFormOfTheirNoun() {
        let cases: [(Int, SearchRequest.Language, String)] = [
            (1, .ru, "1 оценка"), (2, .ru, "2 оценки"), (4, .ru, "4 оценки"), (5, .ru, "5 оценок"), (11, .ru, "11 оценок"),
            (14, .ru, "14 оценок"), (21, .ru, "21 оценка"), (112, .ru, "112 оценок"), (1, .en, "1 vote"), (3, .en, "3 votes"),
        ]
        for (count, language, expected) in cases {
            #expect(SiteStrings.counted(count, "votes", language: language) == expected)
        }
        #expect(SiteStrings.counted(22, "films", language: .ru) == "22 фильма")
        #expect(SiteStrings.counted(1234, "films", language: .ru) == "1\u{202F}234 фильма")
    }
}
