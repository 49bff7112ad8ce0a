import Foundation

/// A parsed sitemap (sitemaps.org): either a `<urlset>` of pages or a `<sitemapindex>` of further sitemaps.
///
/// Read by a small XML scanner (``SitemapScanner``) that knows only elements, text, CDATA, comments and the
/// predefined and numeric character references: it never fetches or expands external entities, and DTDs are skipped.
/// Documents over ``maxBytes`` (once inflated, for gzip-compressed ones) are refused and entries past ``maxEntries`` not read, as the protocol caps sitemaps at
/// 50 MB and 50,000 URLs.
public struct Sitemap: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `<urlset>`: page URLs.
        case pages
        /// `<sitemapindex>`: URLs of further sitemaps.
        case index
    }

    /// One `<url>` or `<sitemap>` entry.
    public struct Entry: Sendable, Equatable {
        public var location: URL
        /// The `<lastmod>` text as written.
        public var lastModified: String?
    }

    public static let maxBytes = 50 * 1024 * 1024
    public static let maxEntries = 50_000

    public var kind: Kind
    public var entries: [Entry]

    /// Parses a sitemap document, plain or gzip-compressed (`sitemap.xml.gz`); `url` names it in errors.
    public init(parsing body: [UInt8], url: URL) throws {
        let body = GzipBody.isCompressed(body) ? try GzipBody.inflate(body, limit: Self.maxBytes, name: "the sitemap \(url.absoluteString)") : body
        guard body.count <= Self.maxBytes else {
            throw ScraperError(.tooLarge, "the sitemap \(url.absoluteString) has \(body.count) bytes, more than the \(Self.maxBytes) a sitemap may have")
        }
        var scanner = SitemapScanner(body)
        var kind: Kind?
        var rootName: String?
        var closed = false
        var entries: [Entry] = []
        var location: String?
        var lastModified: String?
        var inEntry = false
        var field: String?
        var text: [UInt8] = []
        while let token = scanner.next() {
            switch token {
            case .start(let name, let selfClosing):
                if rootName == nil {
                    rootName = name
                    switch name {
                    case "urlset": kind = .pages
                    case "sitemapindex": kind = .index
                    default:
                        throw ScraperError(.unreadablePage, "the sitemap \(url.absoluteString) is neither a <urlset> nor a <sitemapindex>")
                    }
                } else if !selfClosing, name == (kind == .pages ? "url" : "sitemap") {
                    inEntry = true
                    location = nil
                    lastModified = nil
                } else if inEntry, !selfClosing, name == "loc" || name == "lastmod" {
                    field = name
                    text = []
                }
            case .text(let bytes):
                if field != nil { text.append(contentsOf: bytes) }
            case .end(let name):
                if let current = field, name == current {
                    let value = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    if current == "loc" { location = value } else { lastModified = value }
                    field = nil
                } else if inEntry, name == (kind == .pages ? "url" : "sitemap") {
                    inEntry = false
                    if entries.count < Self.maxEntries, let location, let entryURL = URL(string: location),
                       let scheme = entryURL.scheme?.lowercased(), scheme == "http" || scheme == "https" {
                        entries.append(Entry(location: entryURL, lastModified: lastModified))
                    }
                } else if name == rootName {
                    closed = true
                }
            }
        }
        guard let kind else {
            throw ScraperError(.unreadablePage, "the sitemap \(url.absoluteString) has no root element")
        }
        guard closed, !scanner.malformed else {
            throw ScraperError(.unreadablePage, "the sitemap \(url.absoluteString) is not well-formed XML")
        }
        self.kind = kind
        self.entries = entries
    }
}
