import Foundation
import KinoCatalog
import KinoLocalSite
import KinoScraper
import Testing

/// The Kinopoisk API source against a local server answering with the real API JSON of `../shared/data`: the key is
/// sent, list pages are followed to the API's last page, full records are fetched with `details`, a wrong key and a
/// failing server end in errors naming what went wrong.
@Suite(.serialized)
struct KinopoiskAPISourceTests {
    static let key = "local-test-key"

    static func json(_ path: String) throws -> [String: Any] {
        let url = TestData.directory.appendingPathComponent("ru-kinopoisk-api-json").appendingPathComponent(path)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// A list page of the API: the given films, as page `page` of `pages`.
    static func listPage(_ docs: [Any], page: Int, pages: Int) throws -> LocalSite.Response {
        let body: [String: Any] = ["docs": docs, "total": docs.count * pages, "limit": 250, "page": page, "pages": pages]
        return LocalSite.Response(status: 200, headers: [("Content-Type", "application/json")],
                                  body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
    }

    /// The source on the local site with the right key, unthrottled.
    static func configuration(_ site: LocalSite) -> KinopoiskAPISource.Configuration {
        var configuration = KinopoiskAPISource.Configuration(baseURL: site.baseURL, apiKey: key)
        configuration.rate = 100
        return configuration
    }

    static func unauthorized() -> LocalSite.Response {
        LocalSite.Response(status: 401, headers: [("Content-Type", "application/json")],
                           body: Array(#"{"statusCode":401,"message":"Переданный токен некорректен!"}"#.utf8))
    }

    static func staging() async throws -> (StagingStore, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-api-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (try await StagingStore.open("sqlite://\(folder)/staging.sqlite"), folder)
    }

    @Test func listPagesAreFollowedToTheLastWithTheKey() async throws {
        let russian = try #require(try Self.json("kinopoisk.dev-lists/rus-movies.json")["docs"] as? [Any])
        let soviet = try #require(try Self.json("kinopoisk.dev-lists/ussr-movies.json")["docs"] as? [Any])
        let pages = [try Self.listPage(russian, page: 1, pages: 2), try Self.listPage(soviet, page: 2, pages: 2)]
        let site = LocalSite()
        site.route("/v1.4/movie", .handler { request in
            guard request.header("X-API-KEY") == Self.key else { return Self.unauthorized() }
            let page = request.query?.split(separator: "&").first { $0.hasPrefix("page=") }.flatMap { Int($0.dropFirst(5)) } ?? 1
            return page <= pages.count ? pages[page - 1] : .init(status: 404)
        })
        try await site.start()
        defer { Task { try? await site.shutdown() } }
        let (staging, folder) = try await Self.staging()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let report = try await KinopoiskAPISource(configuration: Self.configuration(site)).run(into: staging)
        #expect(report.pages == 2)
        #expect(site.requests(for: "/v1.4/movie").count == 2)
        #expect(site.requests(for: "/v1.4/movie").allSatisfy { $0.query?.contains("limit=250") == true })

        let records = try await staging.records()
        #expect(records.count == report.records)
        #expect(records.count + report.rejected.count == russian.count + soviet.count)
        let brother = try #require(records.first { $0.sourceID == "41519" })
        #expect(brother.titleRU == "Брат")
        #expect(brother.year == 1997)
        #expect(records.contains { $0.titleRU == "Иван Васильевич меняет профессию" })
        try await staging.close()
    }

    @Test func detailsFetchEveryListedFilmsFullRecord() async throws {
        let green = try Self.json("kinopoisk.dev-full/movie_435.json")
        let series = try Self.json("kinopoisk.dev-full/movie_689.json")
        let site = LocalSite()
        site.route("/v1.4/movie", .response(try Self.listPage([green, series], page: 1, pages: 1)))
        for film in [green, series] {
            let id = try #require(film["id"] as? Int)
            site.route("/v1.4/movie/\(id)", .response(.init(status: 200, headers: [("Content-Type", "application/json")],
                                                             body: [UInt8](try JSONSerialization.data(withJSONObject: film)))))
        }
        try await site.start()
        defer { Task { try? await site.shutdown() } }
        let (staging, folder) = try await Self.staging()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var configuration = Self.configuration(site)
        configuration.details = true
        let report = try await KinopoiskAPISource(configuration: configuration).run(into: staging)
        #expect(report.films == 2)
        #expect(site.requests(for: "/v1.4/movie/435").count == 1)
        let records = try await staging.records()
        let full = try #require(records.first { $0.origin?.hasSuffix("/v1.4/movie/435") == true })
        #expect(full.titleRU == "Зеленая миля")
        #expect(full.year == 1999)
        #expect(!full.credits.isEmpty)
        try await staging.close()
    }

    @Test func jsonNumbersOfZeroAndOneAreNotBooleans() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(#"{"a": 0, "b": 1, "c": true, "d": 2.5}"#.utf8)) as? [String: Any])
        #expect(jsonNumber(object["a"])?.intValue == 0)
        #expect(jsonNumber(object["b"])?.intValue == 1)
        #expect(jsonNumber(object["c"]) == nil)
        #expect(jsonNumber(object["d"])?.doubleValue == 2.5)
    }

    @Test func aWrongKeyAndAFailingServerEndInErrorsNamingThem() async throws {
        let site = LocalSite()
        site.route("/v1.4/movie", .response(Self.unauthorized()))
        site.route("/broken/v1.4/movie", .failing(times: 100, status: 503, then: .init(status: 200)))
        try await site.start()
        defer { Task { try? await site.shutdown() } }
        let (staging, folder) = try await Self.staging()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let wrongKey = await #expect(throws: ScraperError.self) {
            _ = try await KinopoiskAPISource(configuration: .init(baseURL: site.baseURL, apiKey: "wrong")).run(into: staging)
        }
        #expect(wrongKey?.code == .httpStatus)
        #expect(wrongKey?.message.contains("401") == true)
        #expect(wrongKey?.message.contains("API key") == true)

        var configuration = KinopoiskAPISource.Configuration(baseURL: site.url("/broken"), apiKey: Self.key)
        configuration.retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10))
        let failing = await #expect(throws: ScraperError.self) {
            _ = try await KinopoiskAPISource(configuration: configuration).run(into: staging)
        }
        #expect(failing?.message.contains("503") == true)
        #expect(site.requests(for: "/broken/v1.4/movie").count == 3)
        #expect(try await staging.records().isEmpty)
        try await staging.close()
    }
}
