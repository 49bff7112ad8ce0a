import Foundation

/// Fetches pages over HTTP, and renders in a browser the HTML pages of the sources configured to need it: sites whose
/// film data only appears after their scripts run.
///
/// Every page is fetched over HTTP first, so its status, redirects, conditional request and limits work as for any
/// page; only a 2xx HTML page of a rendered source then goes to the browser, and its body becomes the document as the
/// page's scripts left it. A page the browser cannot render fails with `.rendering`, recorded for its URL.
public final class RenderingPageFetcher: PageFetcher {
    /// Which pages need rendering, and what to wait for.
    public struct Rules: Sendable {
        /// Hosts whose pages are rendered (lower case; `www.` is ignored on both sides).
        public var hosts: Set<String>
        /// A CSS selector to wait for before a rendered page is read (the element the page's script writes), up to
        /// the browser's element timeout; a page without it is read as it is then. Nil reads the page once it has
        /// loaded.
        public var waitFor: String?

        public init(hosts: Set<String>, waitFor: String? = nil) {
            self.hosts = Set(hosts.map(Self.siteHost))
            self.waitFor = waitFor
        }

        public func needsRendering(_ url: URL) -> Bool {
            url.host.map { hosts.contains(Self.siteHost($0)) } ?? false
        }

        private static func siteHost(_ host: String) -> String {
            let host = host.lowercased()
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
    }

    private let http: any PageFetcher
    private let browser: ChromeDriver
    private let rules: Rules

    public init(http: any PageFetcher, browser: ChromeDriver, rules: Rules) {
        self.http = http
        self.browser = browser
        self.rules = rules
    }

    public func fetch(_ url: URL, validators: PageValidators?) async throws -> FetchedPage {
        var page = try await http.fetch(url, validators: validators)
        guard page.isSuccess, !page.notModified, rules.needsRendering(page.finalURL), Self.isHTML(page.contentType) else {
            return page
        }
        let rendered = try await browser.render(page.finalURL, waitFor: rules.waitFor, required: false)
        page.finalURL = rendered.finalURL
        page.body = Array(rendered.html.utf8)
        page.contentType = "text/html; charset=utf-8"
        return page
    }

    private static func isHTML(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() else {
            return true
        }
        return type == "text/html" || type == "application/xhtml+xml"
    }
}
