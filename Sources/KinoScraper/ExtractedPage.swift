import Foundation
import KinoCatalog

/// What one fetched page yields: the film records it states, why any record was rejected, and the links it holds.
public struct ExtractedPage: Equatable, Sendable {
    /// The page's URL (after redirects).
    public var url: URL
    public var kind: PageKind
    /// Records of the `scraped` source, keyed by the page URL, with `origin` the URL and `fetchedAt` the fetch time.
    public var records: [SourceRecord]
    /// Why a record the page seemed to hold was not kept (`"no title in the JSON-LD Movie"`).
    public var rejections: [String]
    /// Every http(s) link of the page as URL text, absolute (resolved against the page URL and any `<base href>`),
    /// without fragments, each once, in page order.
    public var links: [String]

    public init(url: URL, kind: PageKind, records: [SourceRecord] = [], rejections: [String] = [], links: [String] = []) {
        self.url = url
        self.kind = kind
        self.records = records
        self.rejections = rejections
        self.links = links
    }
}
