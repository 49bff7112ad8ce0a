import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on the loopback interface whose routes answer in scripted ways: at once, slowly, never,
/// a byte at a time, with redirects, rate limits, failures, conditional answers or huge bodies.
///
/// The scraper's tests crawl it, and the crawl benchmark measures against it. Every request is recorded, so a test
/// can check what a client sent and when:
///
/// ```swift
/// let site = LocalSite()
/// site.route("/film/1/", .response(.html("<title>Film</title>")))
/// try await site.start()
/// // … fetch site.url("/film/1/") …
/// let requests = site.requests(for: "/film/1/")
/// try await site.shutdown()
/// ```
///
/// Paths without a route get `404 Not Found`. Routes can be added or replaced while the site runs.
public final class LocalSite: Sendable {
    let state = LocalSiteState()
    private let group: MultiThreadedEventLoopGroup
    private let channel = LockedValue<(any Channel)?>(nil)
    /// The bound port, kept after shutdown so that URLs built later still name the site.
    private let port = LockedValue(0)

    /// A site with no routes; `threads` event-loop threads serve it.
    public init(threads: Int = 1) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
    }

    /// Sets how `path` (without query) answers, replacing any earlier route of that path.
    public func route(_ path: String, _ route: Route) {
        state.setRoute(route, for: path)
    }

    /// Binds a random port of 127.0.0.1 and starts answering.
    public func start() async throws {
        let state = self.state
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(LocalSiteHandler(state: state))
                }
            }
        let bound = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        channel.withValue { $0 = bound }
        port.withValue { $0 = bound.localAddress?.port ?? 0 }
    }

    /// Closes every connection and stops the server.
    public func shutdown() async throws {
        let bound = channel.withValue { value -> (any Channel)? in
            defer { value = nil }
            return value
        }
        try? await bound?.close()
        try await group.shutdownGracefully()
    }

    /// `http://127.0.0.1:PORT` once the site has started.
    public var baseURL: URL {
        let port = port.withValue { $0 }
        return URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// The absolute URL of a path (with any query) of this site.
    public func url(_ pathAndQuery: String) -> URL {
        URL(string: baseURL.absoluteString + pathAndQuery) ?? baseURL
    }

    /// The requests that arrived for `path` (without query), oldest first.
    public func requests(for path: String) -> [RecordedRequest] {
        state.requests().filter { $0.path == path }
    }

    /// The body bytes of `huge` answers for `path` that were written to their sockets: a client that stops
    /// reading and closes the connection stops the stream, so this stays far below the body's size.
    public func bytesStreamed(for path: String) -> Int {
        state.streamed(for: path)
    }

    /// For each connection that closed after a request for `path` (without query), whichever side closed it, the time
    /// from that request's arrival to the close, in the order they closed. The site closes a connection only once
    /// its answer is complete (or at once if the client asked it to), so a shorter time than the answer takes means
    /// the client hung up.
    public func connectionCloses(for path: String) -> [Duration] {
        state.closes(for: path)
    }

    /// Every request that arrived, oldest first.
    public func allRequests() -> [RecordedRequest] {
        state.requests()
    }

    /// Forgets the recorded requests, the counters of `failing` and `rateLimited` routes, the streamed bytes and the
    /// connection closes.
    public func resetRecords() {
        state.reset()
    }
}
