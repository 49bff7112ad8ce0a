import Foundation
import KinoLocalSite
import KinoScraper
import Testing

extension ProcessTests {
    /// Pages whose film data only exists after their script runs, rendered by Chromium through chromedriver.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct RenderTests {
        /// A film page as single-page sites serve it: an empty shell whose script, a moment after loading, writes the
        /// heading and the schema.org JSON-LD.
        static let scriptedPage = """
            <!doctype html><html><head><title>Loading…</title></head><body><div id="app">Loading…</div>
            <script>
            setTimeout(function () {
              document.title = "Сталкер (1979)";
              document.getElementById("app").innerHTML = "<h1>Сталкер</h1>";
              var data = document.createElement("script");
              data.type = "application/ld+json";
              data.text = JSON.stringify({"@context": "https://schema.org", "@type": "Movie", "name": "Сталкер",
                "alternateName": "Stalker", "datePublished": "1979-05-25", "genre": ["драма", "фантастика"],
                "director": [{"@type": "Person", "name": "Андрей Тарковский"}]});
              document.head.appendChild(data);
            }, 150);
            </script></body></html>
            """

        static func site() async throws -> LocalSite {
            let site = LocalSite()
            site.route("/robots.txt", .response(.text("User-agent: *\nAllow: /\n")))
            site.route("/film/1/", .response(.html(scriptedPage)))
            try await site.start()
            return site
        }

        static var driverConfiguration: ChromeDriver.Configuration {
            var configuration = ChromeDriver.Configuration(pageLoadTimeout: .seconds(20), elementTimeout: .seconds(5))
            configuration.logPath = ProcessInfo.processInfo.environment["KINO_CHROMEDRIVER_LOG"]
            return configuration
        }

        @Test func theFilmAppearsOnlyAfterRendering() async throws {
            let site = try await Self.site()
            defer { Task { try? await site.shutdown() } }
            let url = site.url("/film/1/")

            let plain = try PageExtractor.extract(Array(Self.scriptedPage.utf8), url: url, contentType: "text/html", fetchedAt: Date())
            #expect(plain.records.isEmpty)

            let driver = ChromeDriver(configuration: Self.driverConfiguration)
            do {
                let rendered = try await driver.render(url, waitFor: "script[type='application/ld+json']")
                await driver.shutdown()
                let page = try PageExtractor.extract(Array(rendered.html.utf8), url: rendered.finalURL,
                                                     contentType: "text/html; charset=utf-8", fetchedAt: Date())
                let record = try #require(page.records.first)
                #expect(record.titleRU == "Сталкер")
                #expect(record.titleOriginal == "Stalker" || record.titleEN == "Stalker")
                #expect(record.year == 1979)
                #expect(record.credits.contains { $0.nameRU == "Андрей Тарковский" })
            } catch {
                await driver.shutdown()
                throw error
            }
        }

        @Test func aMissingElementEndsInARenderingErrorNamingIt() async throws {
            let site = try await Self.site()
            defer { Task { try? await site.shutdown() } }
            let driver = ChromeDriver(configuration: Self.driverConfiguration)
            let error = await #expect(throws: ScraperError.self) {
                _ = try await driver.render(site.url("/film/1/"), waitFor: "#never-there")
            }
            await driver.shutdown()
            #expect(error?.code == .rendering)
            #expect(error?.message.contains("#never-there") == true)
        }
    }

    /// The crawler with a rendering fetcher: pages of the configured host go through the browser, the rest do not.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct RenderingCrawlTests {
        @Test func aCrawlStagesTheFilmOfARenderedPage() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-render-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let site = try await RenderTests.site()
            defer { Task { try? await site.shutdown() } }
            site.route("/", .response(.html("<html><head><title>Каталог</title></head><body><a href=\"/film/1/\">Сталкер</a></body></html>")))

            let staging = try await StagingStore.open("sqlite://\(folder)/staging.sqlite")
            var configuration = CrawlConfiguration(seeds: [site.url("/")], maxPages: 5)
            configuration.requestsPerSecond = 50
            configuration.discoversSitemaps = false
            let http = HTTPPageFetcher(configuration: .init(userAgent: configuration.userAgent))
            let browser = ChromeDriver(configuration: RenderTests.driverConfiguration)
            let host = try #require(site.baseURL.host)
            let fetcher = RenderingPageFetcher(http: http, browser: browser,
                                               rules: .init(hosts: [host], waitFor: "script[type='application/ld+json']"))
            let crawler = Crawler(configuration: configuration, fetcher: fetcher, staging: staging) { page in
                try PageExtractor.extract(page.body, url: page.finalURL, contentType: page.contentType, fetchedAt: page.fetchedAt)
            }
            let report = try await crawler.run()
            await browser.shutdown()
            try await http.shutdown()

            #expect(report.fetched == 2)
            let records = try await staging.records()
            #expect(records.map(\.titleRU) == ["Сталкер"])
            #expect(records.first?.year == 1979)
            // robots.txt is plain text: fetched over HTTP only.
            #expect(site.requests(for: "/robots.txt").count == 1)
            try await staging.close()
        }

        @Test func onlyTheConfiguredHostsAreRendered() throws {
            let rules = RenderingPageFetcher.Rules(hosts: ["www.Kinopoisk.ru"])
            #expect(rules.needsRendering(try #require(URL(string: "https://kinopoisk.ru/film/1/"))))
            #expect(rules.needsRendering(try #require(URL(string: "https://WWW.kinopoisk.ru/film/1/"))))
            #expect(!rules.needsRendering(try #require(URL(string: "https://imdb.com/title/tt1/"))))
        }
    }
}
