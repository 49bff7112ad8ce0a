import Foundation

/// Per-site rules: what kind of page a URL is, and which links the crawler follows.
///
/// A site is a set of hosts (`kinopoisk.ru` also covers `www.kinopoisk.ru`) with path patterns tried in order; the
/// first that matches gives the page kind and whether links to it are followed. Links are followed within the site of
/// the page they are on; hosts of no site fall to ``defaultSite``.
///
/// Patterns match the whole path: `{n}` matches one or more digits, `{slug}` one path segment, `*` anything
/// (slashes included); other characters match themselves.
public struct SourceRules: Sendable {
    /// One path pattern and what it means.
    public struct PathRule: Sendable {
        public var pattern: String
        public var kind: PageKind
        public var follow: Bool

        public init(_ pattern: String, _ kind: PageKind, follow: Bool = true) {
            self.pattern = pattern
            self.kind = kind
            self.follow = follow
        }
    }

    /// The rules of one site.
    public struct Site: Sendable {
        public var name: String
        /// Hosts of the site; subdomains are included.
        public var hosts: [String]
        public var paths: [PathRule]
        /// Whether a path no rule matches is followed (as ``PageKind/other``).
        public var followsUnmatched: Bool

        public init(name: String, hosts: [String], paths: [PathRule], followsUnmatched: Bool = false) {
            self.name = name
            self.hosts = hosts
            self.paths = paths
            self.followsUnmatched = followsUnmatched
        }

        func covers(_ host: String) -> Bool {
            hosts.contains { host == $0 || host.hasSuffix("." + $0) }
        }
    }

    public var sites: [Site]
    /// The rules of hosts no site covers: by default every path of the same host is followed.
    public var defaultSite: Site

    public init(sites: [Site] = SourceRules.filmSites, defaultSite: Site = Site(name: "default", hosts: [], paths: [], followsUnmatched: true)) {
        self.sites = sites
        self.defaultSite = defaultSite
    }

    public static let filmSites: [Site] = [
        Site(name: "kinopoisk", hosts: ["kinopoisk.ru"], paths: [
            PathRule("/film/{n}/", .film), PathRule("/film/{n}/cast/", .cast), PathRule("/series/{n}/", .film),
            PathRule("/name/{n}/", .person), PathRule("/lists/*", .list), PathRule("/top/*", .list),
        ]),
        Site(name: "imdb", hosts: ["imdb.com"], paths: [
            PathRule("/title/tt{n}/", .film), PathRule("/title/tt{n}", .film), PathRule("/name/nm{n}/", .person),
            PathRule("/name/nm{n}", .person), PathRule("/chart/*", .list), PathRule("/find*", .list),
        ]),
        Site(name: "letterboxd", hosts: ["letterboxd.com"], paths: [
            PathRule("/film/{slug}/", .film), PathRule("/films/*", .list),
        ]),
        Site(name: "wikipedia", hosts: ["en.wikipedia.org", "ru.wikipedia.org"], paths: [
            PathRule("/wiki/{slug}", .other),
        ]),
    ]

    /// The site rules of a host.
    public func site(for host: String) -> Site {
        let host = host.lowercased()
        return sites.first { $0.covers(host) } ?? defaultSite
    }

    /// The kind of the page at `url`.
    public func kind(of url: URL) -> PageKind {
        rule(for: url)?.kind ?? .other
    }

    /// Whether the crawler follows a link from the page at `page` to `link`: same site, and a followed path.
    public func follows(_ link: URL, from page: URL) -> Bool {
        guard let linkHost = link.host?.lowercased(), let pageHost = page.host?.lowercased() else { return false }
        let site = self.site(for: linkHost)
        let sameSite = site.hosts.isEmpty ? linkHost == pageHost : site.covers(pageHost)
        guard sameSite else { return false }
        if let rule = rule(for: link) { return rule.follow }
        return site.followsUnmatched
    }

    private func rule(for url: URL) -> PathRule? {
        guard let host = url.host else { return nil }
        let path = URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? url.path
        return site(for: host).paths.first { Self.matches(pattern: $0.pattern, path: path) }
    }

    /// Whether `pattern` matches all of `path` (see the type's documentation for the syntax).
    static func matches(pattern: String, path: String) -> Bool {
        matches(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    private static func matches(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == UInt8(ascii: "*") {
            var rest = path
            while true {
                if matches(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        if first == UInt8(ascii: "{"), let close = pattern.firstIndex(of: UInt8(ascii: "}")) {
            let name = String(decoding: pattern[pattern.index(after: pattern.startIndex)..<close], as: UTF8.self)
            let accepts: (UInt8) -> Bool = name == "n"
                ? { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                : { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ":") }
            let run = path.prefix(while: accepts).count
            guard run > 0 else { return false }
            let rest = pattern[pattern.index(after: close)...]
            for length in stride(from: run, through: 1, by: -1) where matches(rest, path.dropFirst(length)) {
                return true
            }
            return false
        }
        guard path.first == first else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
