import ArgumentParser
import Foundation
import Hummingbird
import KinoCatalog
import KinoSearch
import KinoWeb
import Logging

/// `kino serve`: the web site and the JSON API. On a first start with nothing configured it seeds `kino.sqlite`
/// from the demo catalog and builds the index, then serves; a new index generation is picked up without a restart.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web site and the JSON API.",
        discussion: """
            The catalog is --database (or DATABASE_URL; sqlite://kino.sqlite by default), seeded from the demo \
            catalog when empty. The index is the generation CURRENT names under --index-dir, built from the catalog \
            when there is none; a generation that kino index build or kino sync makes later is served within \
            seconds, without a restart. SIGINT or SIGTERM stop the server after the requests in flight.
            """
    )

    @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "The port to listen on.") var port = 8080
    @OptionGroup var options: ReadOptions
    @Option(name: .long, help: "The index folder (generations and CURRENT).") var indexDir = "IndexData"
    @Option(name: .long, help: "The site's public address for canonical URLs and sitemaps (default http://HOST:PORT).")
    var publicURL: String?
    @Option(name: .long, help: "Seconds between checks for a new index generation.") var reloadSeconds = 2.0
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"
    @Flag(name: .long, help: "Answer every request anew, without keeping answers to repeated searches and pages.")
    var noCache = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: must be from 0 to 65535") }
        guard reloadSeconds > 0 else { throw ValidationError("--reload-seconds: must be above 0") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: '\(logLevel)' is not a level") }
    }

    func run() async throws {
        var logger = Logger(label: "kino")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        WebMetrics.bootstrapMetrics()

        let store = try await DatabaseURL.open(options.database.url)
        do {
            if try await CatalogSeeder.seedIfEmpty(store, snapshot: options.demoCatalog) {
                logger.info("catalog: seeded \(options.database.url) from \(options.demoCatalog)")
            }
            if try IndexGenerationsProbe.isEmpty(indexDir) {
                logger.info("index: none in \(indexDir) yet, building it from the catalog")
                let report = try await IndexBuilder(store: store, root: indexDir).build()
                logger.info("index: built \(report.generation), \(report.films) films in \(String(format: "%.2f", report.seconds)) s")
            }
            let index = try ServedIndex(root: indexDir)
            logger.info("index: serving \(index.current.name) (\(index.current.index.segment.docCount) films)")

            var configuration = WebConfiguration()
            configuration.host = host
            configuration.port = port
            configuration.publicURL = publicURL
            configuration.reloadInterval = .milliseconds(Int(reloadSeconds * 1000))
            let app = try buildApplication(configuration: configuration,
                                           services: WebServices(store: store, index: index, caching: !noCache), logger: logger)
            try await app.runService()
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// Whether an index folder has a generation to serve yet.
enum IndexGenerationsProbe {
    static func isEmpty(_ root: String) throws -> Bool {
        do {
            _ = try FilmIndex.open(root: root)
            return false
        } catch let error as SearchError where error.code == .noIndex {
            return true
        }
    }
}
