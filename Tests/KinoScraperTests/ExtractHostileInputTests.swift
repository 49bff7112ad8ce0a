import Foundation
import KinoCatalog
import KinoScraper
import Testing

/// Pages built to hurt: huge, deep, broken, mislabelled.
struct ExtractHostileInputTests {

    static func extract(_ html: String, url: String = "https://films.example/film/1", contentType: String? = nil,
                        limits: ExtractionLimits = .default) throws -> ExtractedPage {
        guard let pageURL = URL(string: url) else { throw ScraperError(.invalidURL, url) }
        return try PageExtractor.extract(Array(html.utf8), url: pageURL, contentType: contentType, fetchedAt: Date(), limits: limits)
    }

    static let openGraph = """
        <meta property="og:type" content="video.movie"><meta property="og:title" content="Safe Film (1999)">
        <meta property="og:image" content="/poster.jpg">
        """

    @Test func tenThousandNestedDivsDoNotOverflowTheStack() throws {
        let depth = 10_000
        let html = "<html><head>\(Self.openGraph)</head><body>" + String(repeating: "<div>", count: depth)
            + "<a href=\"/deep\">deep</a>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let page = try Self.extract(html)
        #expect(page.records.first?.titleEN == "Safe Film")
        #expect(page.links == ["https://films.example/deep"])
    }

    @Test func deepNestingIsWalkedAndFreedWithoutRecursion() throws {
        // 100,000 levels: a recursive walk or free would need megabytes of stack. libxml2 2.9 alone would stop at 256
        // levels and drop the rest of the page; the document asks it to keep everything.
        let depth = 100_000
        let html = "<body>" + String(repeating: "<span>", count: depth) + "bottom" + "</body>"
        let document = try HTMLDocument(text: html, url: "https://films.example/")
        let root = try #require(document.root)
        var elements = 0
        root.walkElements { _ in
            elements += 1
            return .descend
        }
        #expect(elements == depth + 1)
        #expect(root.text().hasSuffix("bottom"))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var bytes = Array("<html><head><title>Caf".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xFE, 0x80]
        bytes += Array(" (1999)</title></head><body><h1>Хорошо</h1></body></html>".utf8)
        let page = try PageExtractor.extract(bytes, url: try #require(URL(string: "https://films.example/x")),
                                             contentType: "text/html; charset=utf-8", fetchedAt: Date())
        let title = try #require(page.records.first?.titleEN)
        #expect(title.hasPrefix("Caf\u{FFFD}"))
        #expect(page.records.first?.year == 1999)
    }

    @Test func fiftyMegabytePageIsRefusedFast() throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        let start = ContinuousClock.now
        let error = #expect(throws: ScraperError.self) {
            try PageExtractor.extract(body, url: try #require(URL(string: "https://films.example/big")), contentType: nil, fetchedAt: Date())
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.message == "https://films.example/big: page of 52428800 bytes is over the limit of 10485760")
        #expect(ContinuousClock.now - start < .milliseconds(500))
    }

    @Test func gigantJSONLDIsSkippedAndOpenGraphStillGivesTheRecord() throws {
        let huge = "{\"@type\":\"Movie\",\"name\":\"Huge\",\"description\":\"" + String(repeating: "x", count: 2 << 20) + "\"}"
        let page = try Self.extract("<html><head>\(Self.openGraph)<script type=\"application/ld+json\">\(huge)</script></head></html>")
        #expect(page.rejections.contains { $0.contains("over the limit of 1048576") })
        #expect(page.records.first?.titleEN == "Safe Film")
        #expect(page.records.first?.poster == "https://films.example/poster.jpg")
    }

    @Test func brokenJSONLDIsSkippedWithARejection() throws {
        let page = try Self.extract("<html><head>\(Self.openGraph)<script type=\"application/ld+json\">{\"@type\": \"Movie\", \"name\": </script></head></html>")
        #expect(page.rejections == ["JSON-LD script 1 is not valid JSON; skipped"])
        #expect(page.records.first?.titleEN == "Safe Film")
    }

    @Test func deeplyNestedJSONLDIsSkippedWithARejection() throws {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let page = try Self.extract("<html><head>\(Self.openGraph)<script type=\"application/ld+json\">\(nested)</script></head></html>")
        #expect(page.rejections.first?.contains("nested 100000 levels deep") == true)
        #expect(page.records.count == 1)
    }

    @Test func jsonLDMovieWithoutNameIsRejectedWithItsReason() throws {
        let page = try Self.extract("<script type=\"application/ld+json\">{\"@type\": \"Movie\", \"datePublished\": \"2001\"}</script>")
        #expect(page.records.isEmpty)
        #expect(page.rejections == ["JSON-LD Movie without a name"])
    }

    @Test func jsonLDGraphArrayTypesEntitiesAndSeveralScriptsMergeIntoOneRecord() throws {
        let html = """
            <html><head><title>Le Film (2004)</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebPage", "name": "Page"},
              {"@type": ["Movie", "CreativeWork"], "name": "Le Film", "genre": "Drama, Comedy",
               "countryOfOrigin": {"@type": "Country", "name": "France"}, "duration": "PT1H35M",
               "director": "Agnès Varda", "description": "Ce n&apos;est pas &quot;rien&quot; &amp; plus",
               "sameAs": ["https://www.imdb.com/title/tt0123456/", "https://www.themoviedb.org/movie/42-le-film"]}]}
            </script>
            <script type="application/ld+json">[{"@type": "Movie", "name": "Le Film", "datePublished": "2004-05-06",
              "contentRating": "16+"}]</script>
            </head></html>
            """
        let page = try Self.extract(html)
        #expect(page.records.count == 1)
        let record = try #require(page.records.first)
        #expect(record.titleEN == "Le Film")
        #expect(record.genres == [.drama, .comedy])
        #expect(record.countries == ["FR"])
        #expect(record.runtimeMinutes == 95)
        #expect(record.year == 2004)
        #expect(record.releaseDate == "2004-05-06")
        #expect(record.ageRating == "16+")
        #expect(record.descriptionEN == "Ce n'est pas \"rien\" & plus")
        #expect(record.credits == [SourceCredit(nameEN: "Agnès Varda", role: .director)])
        #expect(record.externalIDs[.imdb] == "tt0123456")
        #expect(record.externalIDs[.tmdb] == "42")
    }

    @Test func pageWithoutFilmSignsGivesNoRecord() throws {
        let page = try Self.extract("<html><head><title>About us - Example</title></head><body><a href='/films'>x</a></body></html>",
                                    url: "https://films.example/about")
        #expect(page.records.isEmpty)
        #expect(page.kind == .other)
    }

    @Test func genericTitleLineGivesTitleAndYear() throws {
        let page = try Self.extract("<html><head><title>Uncle Buck (1989) - Some Films</title></head><body></body></html>")
        let record = try #require(page.records.first)
        #expect(record.titleEN == "Uncle Buck")
        #expect(record.year == 1989)
    }

    @Test func emptyBodyIsUnreadable() throws {
        for body in ["", "  \n\t "] {
            let error = #expect(throws: ScraperError.self) { try Self.extract(body) }
            #expect(error?.code == .unreadablePage)
            #expect(error?.message.hasPrefix("https://films.example/film/1:") == true)
        }
    }

    @Test func linksAreResolvedAgainstBaseDeduplicatedAndWithoutFragments() throws {
        let html = """
            <html><head><base href="https://cdn.example/root/"></head><body>
            <a href="a.html#top">1</a><a href="a.html">2</a><a href="mailto:x@example.org">3</a>
            <a href="javascript:void(0)">4</a><a href="ftp://files.example/x">5</a><a href="//other.example/b">6</a>
            <a href="/фильм/1">7</a><a href="https://">8</a><a href="https:///nohost">9</a>
            <a href=" https://films.example/a b?q=1 ">10</a><a href="HTTP://films.example/upper">11</a>
            <a href="https://films.example/plain?x=%41&amp;y=2">12</a><a href="https://cdn.example/root/a.html">13</a>
            </body></html>
            """
        let page = try Self.extract(html)
        #expect(page.links == [
            "https://cdn.example/root/a.html", "https://other.example/b", "https://cdn.example/%D1%84%D0%B8%D0%BB%D1%8C%D0%BC/1",
            "https://films.example/a%20b?q=1", "HTTP://films.example/upper", "https://films.example/plain?x=%41&y=2",
        ])
        // Every link is URL text that parses back to an http(s) URL with a host.
        #expect(page.links.allSatisfy { URL(string: $0)?.host?.isEmpty == false })
    }
}
