import Foundation

/// A parsed robots.txt (RFC 9309) and its decisions for one crawler.
///
/// Groups start with one or more `User-agent` lines; the rules of every group naming our product token (compared
/// case-insensitively, `KinoBot` in `KinoBot/1.0`) apply, merged; without such a group the `*` groups apply. A rule's
/// path may hold `*` (any characters) and end in `$` (end of the URL). The longest matching rule decides, and `Allow`
/// wins a tie; no matching rule allows. `/robots.txt` itself is always allowed. Lines that are not `key: value`,
/// unknown keys and comments are ignored, and only the first ``maxBytes`` bytes are read (as Google does).
///
/// How the fetch of robots.txt turns into rules (see ``RobotsTxt/init(fetchStatus:body:)``): a 2xx answer is
/// parsed; any other 4xx (a missing file) allows everything; 429, 5xx and unreachable hosts disallow everything,
/// and the crawler asks again after ``CrawlConfiguration/robotsRetryDelay``.
public struct RobotsTxt: Sendable, Equatable {
    /// One `Allow` or `Disallow` line.
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        public var pattern: String
    }

    /// One group: the agents it names, its rules and crawl delay.
    public struct Group: Sendable, Equatable {
        public var agents: [String]
        public var rules: [Rule]
        public var crawlDelay: Double?
    }

    /// The largest robots.txt read; the rest of a larger file is ignored.
    public static let maxBytes = 500 * 1024

    public var groups: [Group]
    /// Sitemaps the file lists, wherever it lists them.
    public var sitemaps: [URL]
    /// Set when the file could not be fetched (429, 5xx, network error): everything is disallowed.
    public var disallowsEverything: Bool

    /// Nothing disallowed: what a missing robots.txt means.
    public static let allowAll = RobotsTxt(groups: [], sitemaps: [], disallowsEverything: false)
    /// Everything disallowed: what an unreachable robots.txt means until it is fetched again.
    public static let disallowAll = RobotsTxt(groups: [], sitemaps: [], disallowsEverything: true)

    init(groups: [Group], sitemaps: [URL], disallowsEverything: Bool) {
        self.groups = groups
        self.sitemaps = sitemaps
        self.disallowsEverything = disallowsEverything
    }

    /// The rules a fetch of robots.txt yields: its status (nil when the host could not be reached) and body.
    public init(fetchStatus status: Int?, body: [UInt8]) {
        switch status {
        case .some(200..<300): self.init(parsing: body)
        case .some(429), .none: self = .disallowAll
        case .some(400..<500): self = .allowAll
        default: self = .disallowAll
        }
    }

    /// Parses the text of a robots.txt.
    public init(parsing body: [UInt8]) {
        let text = String(decoding: body.prefix(Self.maxBytes), as: UTF8.self)
        var groups: [Group] = []
        var sitemaps: [URL] = []
        var current: Group?
        var currentHasRules = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent", "useragent", "user agent":
                if current == nil || currentHasRules {
                    if let finished = current { groups.append(finished) }
                    current = Group(agents: [], rules: [], crawlDelay: nil)
                    currentHasRules = false
                }
                current?.agents.append(value.lowercased())
            case "allow", "disallow":
                guard current != nil else { continue }
                currentHasRules = true
                if !value.isEmpty { current?.rules.append(Rule(allow: key == "allow", pattern: value)) }
            case "crawl-delay":
                guard current != nil else { continue }
                currentHasRules = true
                if let delay = Double(value), delay.isFinite, delay >= 0 { current?.crawlDelay = delay }
            case "sitemap", "site-map":
                if let url = URL(string: value), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
                    sitemaps.append(url)
                }
            default:
                continue
            }
        }
        if let finished = current { groups.append(finished) }
        self.init(groups: groups, sitemaps: sitemaps, disallowsEverything: false)
    }

    /// The groups that apply to `productToken`: those naming it, else those of `*`.
    func groups(for productToken: String) -> [Group] {
        let token = productToken.lowercased()
        let named = groups.filter { group in
            group.agents.contains { agent in
                (agent.split(whereSeparator: { $0 == "/" || $0 == " " }).first.map(String.init) ?? agent) == token
            }
        }
        return named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
    }

    /// Whether `url` may be fetched by the crawler of `productToken`.
    public func allows(_ url: URL, for productToken: String) -> Bool {
        let path = Self.matchTarget(of: url)
        if path == "/robots.txt" { return true }
        if disallowsEverything { return false }
        var best: Rule?
        for rule in groups(for: productToken).flatMap(\.rules) where Self.matches(pattern: rule.pattern, path: path) {
            let length = rule.pattern.utf8.count
            if let current = best {
                let currentLength = current.pattern.utf8.count
                if length > currentLength || (length == currentLength && rule.allow && !current.allow) { best = rule }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// The longest crawl delay the groups of `productToken` ask for, in seconds.
    public func crawlDelay(for productToken: String) -> Double? {
        groups(for: productToken).compactMap(\.crawlDelay).max()
    }

    /// The percent-encoded path and query rules are matched against.
    static func matchTarget(of url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }

    /// Whether a rule's pattern matches from the start of `path`: `*` matches any run of characters, a final `$`
    /// anchors the end. Backtracking is bounded by keeping only the last `*` to retry (a greedy glob match).
    static func matches(pattern: String, path: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() }
        let text = Array(path.utf8)
        var p = 0, t = 0
        var star: Int?, starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                starText = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p == pattern.count, !anchored {
                return true
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
