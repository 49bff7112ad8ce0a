import Foundation
import Hummingbird
import HummingbirdTesting
import KinoCatalog
import KinoSearch
import Logging
import Testing
@testable import KinoWeb

/// A catalog of the fixture datasets plus one film whose title and director are HTML, in a temporary SQLite file,
/// and an index built from it: built once for every web test.
enum WebFixture {
    static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../KinoCatalogTests/Fixtures/datasets").standardized.path
    static let hostileTitle = "<script>alert(\"kino\")</script> Night"

    struct Built: Sendable {
        let folder: String
        let store: any CatalogStore
        let index: ServedIndex
        let films: [Film]
    }

    /// The fixture's folder, removed when the test process exits (set once, before any test reads it).
    nonisolated(unsafe) static var removedAtExit: String?

    static let built: Task<Built, any Error> = Task {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-web-\(UUID().uuidString)").path
        // The catalog stays open and the reload tests write generations here until the test process ends.
        removedAtExit = folder
        atexit {
            if let folder = WebFixture.removedAtExit { try? FileManager.default.removeItem(atPath: folder) }
        }
        let hostile = folder + "/hostile"
        try FileManager.default.createDirectory(atPath: hostile, withIntermediateDirectories: true)
        let csv = """
            Poster_Link,Series_Title,Released_Year,Certificate,Runtime,Genre,IMDB_Rating,Overview,Meta_score,Director,Star1,Star2,Star3,Star4,No_of_Votes,Gross
            ,"\(hostileTitle.replacingOccurrences(of: "\"", with: "\"\""))",2001,A,101 min,Drama,7.1,"An <img src=x onerror=alert(1)> overview.",70,<b>Bold</b> Director,Star One,Star Two,Star Three,Star Four,12345,"1,000"

            """
        try csv.write(toFile: hostile + "/imdb_top_1000.csv", atomically: true, encoding: .utf8)
        let store = try await DatabaseURL.open("sqlite://\(folder)/catalog.sqlite")
        _ = try await CatalogImporter(store: store).importPaths([datasets, hostile])
        _ = try await IndexBuilder(store: store, root: folder + "/index").build()
        let films = try await store.films(after: 0, limit: 100_000)
        return Built(folder: folder, store: store, index: try ServedIndex(root: folder + "/index"), films: films)
    }

    static func film(titled title: String) async throws -> Film {
        try #require(try await built.value.films.first { $0.allTitles.contains(title) }, "no fixture film titled \(title)")
    }

    /// The application as `kino serve` builds it, over the fixture (or `index`).
    static func application(index: ServedIndex? = nil, port: Int = 0, accessLog: AccessLog? = nil) async throws
        -> some ApplicationProtocol {
        let built = try await built.value
        var configuration = WebConfiguration()
        configuration.port = port
        configuration.publicURL = "https://kino.example"
        configuration.reloadInterval = .milliseconds(100)
        var logger = Logger(label: "kino-test")
        logger.logLevel = .warning
        return try buildApplication(configuration: configuration,
                                    services: WebServices(store: built.store, index: index ?? built.index),
                                    logger: logger, accessLog: accessLog ?? AccessLog(logLevel: .warning))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The `error` object of an API error response.
    func errorFields() throws -> [String: String] {
        try #require(try json()["error"] as? [String: String], "no error object in \(text.prefix(200))")
    }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }
}

/// Percent-encodes a query value.
func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}
