import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Fetches pages with AsyncHTTPClient: our User-Agent, conditional requests, redirects followed by hand (so loops
/// are caught and the final URL kept), a body size limit enforced while the body streams in, a deadline per attempt
/// that also covers servers that never answer or trickle bytes, and retries (see ``RetryPolicy``).
public final class HTTPPageFetcher: PageFetcher {
    public struct Configuration: Sendable {
        /// The full User-Agent header.
        public var userAgent: String
        /// The largest body read; a larger one fails the fetch with `tooLarge`.
        public var maxBodyBytes: Int
        /// The time one attempt may take, from connecting to the last byte of the body, redirects included.
        public var timeout: Duration
        /// Redirects followed before the fetch fails with `redirectLoop`.
        public var maxRedirects: Int
        public var retry: RetryPolicy

        public init(userAgent: String = CrawlConfiguration.defaultUserAgent, maxBodyBytes: Int = 10 * 1024 * 1024,
                    timeout: Duration = .seconds(30), maxRedirects: Int = 5, retry: RetryPolicy = RetryPolicy()) {
            self.userAgent = userAgent
            self.maxBodyBytes = maxBodyBytes
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.retry = retry
        }
    }

    public let configuration: Configuration
    private let client: HTTPClient
    private let logger: Logger

    /// A fetcher with its own HTTP client; call ``shutdown()`` when done.
    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "kino.scraper")) {
        self.configuration = configuration
        self.logger = logger
        let connect = min(configuration.timeout, .seconds(10))
        client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: connect.timeAmount, read: configuration.timeout.timeAmount)
            ),
            backgroundActivityLogger: logger
        )
    }

    /// Closes the HTTP client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func fetch(_ url: URL, validators: PageValidators?) async throws -> FetchedPage {
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let delay: Duration
            do {
                let page = try await fetchOnce(url, validators: validators)
                guard RetryPolicy.isRetryable(status: page.status) else { return page }
                guard attempt < configuration.retry.maxAttempts else {
                    throw ScraperError(.httpStatus, "\(url.absoluteString) answered \(page.status) after \(attempt) attempts")
                }
                if let retryAfter = page.retryAfter {
                    // Longer than we wait here: the caller decides when to come back.
                    guard retryAfter <= configuration.retry.maxRetryAfter else { return page }
                    delay = retryAfter
                } else {
                    delay = configuration.retry.backoff(after: attempt)
                }
                logger.debug("retrying after status", metadata: [
                    "scrape.url": "\(url.absoluteString)", "scrape.status": "\(page.status)", "scrape.attempt": "\(attempt)",
                ])
            } catch let error as ScraperError where RetryPolicy.isRetryable(error) && attempt < configuration.retry.maxAttempts {
                delay = configuration.retry.backoff(after: attempt)
                logger.debug("retrying after error", metadata: [
                    "scrape.url": "\(url.absoluteString)", "scrape.error": "\(error.message)", "scrape.attempt": "\(attempt)",
                ])
            }
            try await Task.sleep(for: delay)
            attempt += 1
        }
    }

    /// One attempt: the request and the redirects it leads to, all within one deadline.
    private func fetchOnce(_ url: URL, validators: PageValidators?) async throws -> FetchedPage {
        let deadline = NIODeadline.now() + configuration.timeout.timeAmount
        var current = url
        var visited: Set<String> = [url.absoluteString]
        for _ in 0...configuration.maxRedirects {
            let response = try await get(current, validators: validators, deadline: deadline)
            let status = Int(response.status.code)
            if [301, 302, 303, 307, 308].contains(status), let location = response.headers.first(name: "Location") {
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL,
                      let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https"
                else {
                    throw ScraperError(.invalidURL, "\(current.absoluteString) redirects to '\(location)', which is not an http(s) URL")
                }
                guard visited.insert(next.absoluteString).inserted else {
                    throw ScraperError(.redirectLoop, "\(url.absoluteString) redirects in a loop through \(next.absoluteString)")
                }
                current = next
                continue
            }
            return FetchedPage(
                requestedURL: url,
                finalURL: current,
                status: status,
                contentType: response.headers.first(name: "Content-Type"),
                etag: response.headers.first(name: "ETag"),
                lastModified: response.headers.first(name: "Last-Modified"),
                retryAfter: response.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) },
                body: status == 304 ? [] : response.body.map { Array($0.readableBytesView) } ?? [],
                fetchedAt: Date(),
                notModified: status == 304
            )
        }
        throw ScraperError(.redirectLoop, "\(url.absoluteString) redirects more than \(configuration.maxRedirects) times")
    }

    /// One request, its whole body read. The deadline and the body limit are kept on the HTTP client's event loop,
    /// where the bytes arrive: an answer that trickles past the deadline or outgrows the limit (or announces that it
    /// will) has its connection closed then, however busy the tasks of the process are.
    private func get(_ url: URL, validators: PageValidators?, deadline: NIODeadline) async throws -> HTTPClient.Response {
        var request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url.absoluteString, method: .GET)
        } catch {
            throw Self.scraperError(error, url: url)
        }
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let limit = min(configuration.maxBodyBytes, ResponseAccumulator.largestBody)
        let task = client.execute(request: request, delegate: ResponseAccumulator(request: request, maxBodySize: limit),
                                  deadline: deadline, logger: logger)
        do {
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw ScraperError(.tooLarge, "\(url.absoluteString) sent or announced more than the limit of \(limit) bytes")
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw ScraperError(.timedOut, "\(url.absoluteString) did not answer in full within \(configuration.timeout)")
        } catch {
            throw Self.scraperError(error, url: url)
        }
    }

    /// The scraper's name for an HTTP client error.
    static func scraperError(_ error: any Error, url: URL) -> any Error {
        if error is CancellationError { return error }
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return ScraperError(.timedOut, "\(url.absoluteString) did not answer in time (\(client))")
            case .cancelled:
                return CancellationError()
            case .invalidURL, .emptyHost, .emptyScheme:
                return ScraperError(.invalidURL, "cannot fetch \(url.absoluteString): \(client)")
            default:
                break
            }
        }
        return ScraperError(.network, "cannot fetch \(url.absoluteString): \(String(describing: error))")
    }
}

extension ResponseAccumulator {
    /// The largest body the accumulator can hold (one ByteBuffer).
    static let largestBody = Int(UInt32.max)
}

extension Duration {
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
