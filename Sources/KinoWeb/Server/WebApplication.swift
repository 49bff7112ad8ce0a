import Foundation
import Hummingbird
import KinoCatalog
import KinoIndex
import KinoSearch
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// How `kino serve` serves.
public struct WebConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The site's address for canonical URLs and sitemaps; `http://HOST:PORT` when nil.
    public var publicURL: String?
    /// How often `IndexData/CURRENT` is checked for a new generation.
    public var reloadInterval: Duration = .seconds(2)
    /// A connection idle this long is closed.
    public var idleTimeout: Duration = .seconds(30)

    public init() {}
}

/// The metrics registry `/metrics` exports. The process-wide metrics system is pointed at it once, by
/// ``bootstrapMetrics()``; until then (in tests that do not) metrics go nowhere and `/metrics` lists only the gauges
/// set on the registry directly.
public enum WebMetrics {
    public static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    /// Points swift-metrics at ``registry``; safe to call more than once.
    public static func bootstrapMetrics() {
        _ = bootstrapped
    }
}

/// Builds the Kino web application: the JSON API, the site, health and metrics, and the service that switches to a
/// new index generation when one appears.
/// `accessLog` is where request lines go (standard output by default).
public func buildApplication(configuration: WebConfiguration, services: WebServices, logger: Logger,
                             accessLog: AccessLog? = nil) throws -> some ApplicationProtocol {
    let publicURL = configuration.publicURL ?? "http://\(configuration.host):\(configuration.port)"
    let renderer = try SiteRenderer(publicURL: publicURL)
    let accessLog = accessLog ?? AccessLog(logLevel: logger.logLevel)
    let router = buildRouter(services: services, renderer: renderer, accessLog: accessLog)
    let watcher = IndexWatcher(index: services.index, interval: configuration.reloadInterval, logger: logger)
    let idle = configuration.idleTimeout.components
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(idle.seconds))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kino"),
        services: [watcher, accessLog],
        logger: logger
    )
}

/// The router with every route and middleware; tests drive it through `Application` too.
func buildRouter(services: WebServices, renderer: SiteRenderer, accessLog: AccessLog) -> Router<KinoRequestContext> {
    let router = Router(context: KinoRequestContext.self)
    // One middleware for what every request needs (limits, errors, request id, access log, metrics): each layer
    // of middleware costs an async call per request, and at cache-hit speeds four of them cost a third of the
    // throughput.
    router.add(middleware: RequestMiddleware(site: renderer, accessLog: accessLog))
    router.get("healthz") { _, _ in
        let generation = services.index.current
        struct Health: Encodable {
            let status: String
            let generation: String
            let films: Int
        }
        return try JSONResponse.encode(Health(status: "ok", generation: generation.name,
                                              films: generation.index.segment.docCount))
    }
    router.get("metrics") { _, _ in
        IndexGauges.update(services.index.current)
        var buffer: [UInt8] = []
        WebMetrics.registry.emit(into: &buffer)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
    APIRoutes(services: services).register(on: router)
    SiteRoutes(services: services, renderer: renderer).register(on: router)
    return router
}

/// The index gauges of `/metrics`: the served generation's number, films and bytes on disk.
enum IndexGauges {
    static let generation = WebMetrics.registry.makeGauge(name: "kino_index_generation", labels: [])
    static let films = WebMetrics.registry.makeGauge(name: "kino_index_films", labels: [])
    static let bytes = WebMetrics.registry.makeGauge(name: "kino_index_bytes", labels: [])

    static func update(_ served: ServedIndex.Generation) {
        generation.set(Double(served.name.filter(\.isNumber)) ?? 0)
        films.set(Double(served.index.segment.docCount))
        bytes.set(Double(served.index.files().reduce(0) { $0 + $1.bytes }))
    }
}

/// Watches `CURRENT` and switches to a new generation without a restart; refusals are logged and the previous
/// generation keeps serving.
struct IndexWatcher: Service {
    let index: ServedIndex
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await index.watch(every: interval) { result in
                switch result {
                case .switched(let from, let to):
                    logger.info("index: serving \(to) (was \(from))")
                case .refused(let error):
                    logger.error("index: new generation refused, still serving \(index.current.name): \(error.message)")
                case .unchanged:
                    break
                }
            }
        }
    }
}
