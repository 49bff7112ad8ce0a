import Foundation

extension LocalSite {
    /// A complete answer of the site: status, headers and body.
    public struct Response: Sendable {
        public var status: Int
        /// Header fields in order; `Content-Length` is added when missing.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// A `200 OK` HTML page.
        public static func html(_ text: String, status: Int = 200) -> Response {
            Response(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
        }

        /// A `200 OK` plain-text document, such as a robots.txt.
        public static func text(_ text: String, status: Int = 200) -> Response {
            Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }

        /// A `200 OK` XML document, such as a sitemap.
        public static func xml(_ text: String) -> Response {
            Response(status: 200, headers: [("Content-Type", "application/xml")], body: Array(text.utf8))
        }

        /// The value of the first header field of that name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// How a route answers.
    public enum Route: Sendable {
        /// Always the same answer.
        case response(Response)
        /// The answer after a delay.
        case slow(Duration, Response)
        /// Reads the request and never writes anything, until the client gives up or the site shuts down.
        case neverAnswers
        /// Sends the head at once, then the body `chunkSize` bytes at a time, one chunk every `interval`.
        case trickle(Response, chunkSize: Int, every: Duration)
        /// A redirect (`301`, `302`, `303`, `307` or `308`) to a path of this site or an absolute URL.
        case redirect(to: String, status: Int)
        /// Answers `429 Too Many Requests` with `Retry-After: retryAfterSeconds` once `maxRequests` requests arrived
        /// within the last `window`; otherwise the response.
        case rateLimited(maxRequests: Int, per: Duration, retryAfterSeconds: Int, then: Response)
        /// The first `times` requests get an empty answer of `status`, later ones the response.
        case failing(times: Int, status: Int, then: Response)
        /// The response with its `ETag` and `Last-Modified`; a request whose `If-None-Match` names the tag, or (without
        /// `If-None-Match`) whose `If-Modified-Since` is not earlier than the modification date, gets `304 Not Modified`.
        case conditional(Response, etag: String?, lastModified: Date?)
        /// A body of `bytes` bytes generated while it is sent (never held in memory), without `Content-Length`
        /// (chunked transfer encoding), so the client learns its size only by reading it.
        case huge(bytes: Int, contentType: String)
        /// Any answer computed from the request.
        case handler(@Sendable (RecordedRequest) async -> Response)
    }

    /// A request as the site received it.
    public struct RecordedRequest: Sendable {
        /// The path without the query.
        public var path: String
        /// The query without `?`, if any.
        public var query: String?
        public var method: String
        public var headers: [(name: String, value: String)]
        /// When the request head arrived, on the continuous clock.
        public var arrivedAt: ContinuousClock.Instant

        /// The value of the first header field of that name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        public var userAgent: String? { header("User-Agent") }
    }
}
