import Foundation

/// The staged row of one fetched URL: how it answered, its validators for the next conditional request, and the
/// links it held (kept so that a `304 Not Modified` page still leads the crawl on).
public struct StagedPage: Sendable, Equatable {
    /// The URL as the frontier holds it.
    public var url: URL
    /// The URL that answered, after redirects.
    public var finalURL: URL
    /// The HTTP status; 0 when no answer came.
    public var status: Int
    public var etag: String?
    public var lastModified: String?
    /// A 64-bit FNV-1a hash of the body in hex (see ``StagedPage/contentHash(of:)``): change detection only.
    public var contentHash: String?
    public var contentType: String?
    public var bytes: Int
    public var fetchedAt: Date
    /// Why the fetch or its extraction failed.
    public var error: String?
    /// The normalized links the page holds that the crawl follows.
    public var links: [URL]

    public init(url: URL, finalURL: URL? = nil, status: Int, etag: String? = nil, lastModified: String? = nil,
                contentHash: String? = nil, contentType: String? = nil, bytes: Int = 0, fetchedAt: Date = Date(),
                error: String? = nil, links: [URL] = []) {
        self.url = url
        self.finalURL = finalURL ?? url
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.contentHash = contentHash
        self.contentType = contentType
        self.bytes = bytes
        self.fetchedAt = fetchedAt
        self.error = error
        self.links = links
    }

    /// The validators of a conditional request for this page, if it gave any.
    public var validators: PageValidators? {
        let validators = PageValidators(etag: etag, lastModified: lastModified)
        return validators.isEmpty ? nil : validators
    }
}

extension StagedPage {
    /// The 64-bit FNV-1a hash of a body, 16 hex digits.
    public static func contentHash(of body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
