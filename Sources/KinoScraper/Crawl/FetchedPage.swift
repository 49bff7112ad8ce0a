import Foundation

/// What a fetch of one URL brought back.
public struct FetchedPage: Sendable {
    /// The URL asked for.
    public var requestedURL: URL
    /// The URL that answered, after redirects.
    public var finalURL: URL
    public var status: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// How long the server asked to wait before the next request (`Retry-After`), if it said.
    public var retryAfter: Duration?
    /// The body; empty for `304 Not Modified`.
    public var body: [UInt8]
    public var fetchedAt: Date
    /// Whether the server answered `304 Not Modified` to a conditional request.
    public var notModified: Bool

    public init(requestedURL: URL, finalURL: URL, status: Int, contentType: String? = nil, etag: String? = nil,
                lastModified: String? = nil, retryAfter: Duration? = nil, body: [UInt8] = [], fetchedAt: Date = Date(),
                notModified: Bool = false) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.retryAfter = retryAfter
        self.body = body
        self.fetchedAt = fetchedAt
        self.notModified = notModified
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// The validators of a page fetched before, for a conditional request (`If-None-Match`, `If-Modified-Since`).
public struct PageValidators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }
}
