import Foundation

/// Where a URL of the frontier stands in the current crawl.
public enum FrontierState: String, Sendable, CaseIterable, Codable {
    /// Waiting to be fetched.
    case pending
    /// Claimed by a running crawl; a crawl that starts puts such entries back to pending (the last one was killed).
    case inProgress = "in_progress"
    /// Fetched (or not modified) and staged.
    case done
    /// Its fetch or extraction failed; the error is recorded.
    case failed
    /// Not fetched: robots.txt disallows it.
    case skipped
}

/// One URL of the frontier.
public struct FrontierEntry: Sendable, Equatable {
    public var url: URL
    public var kind: PageKind
    /// Links followed from a seed or sitemap to reach it; seeds and sitemap URLs are 0.
    public var depth: Int
    public var state: FrontierState
    public var attempts: Int
    /// Not claimed before this time.
    public var notBefore: Date
    public var discoveredAt: Date
    public var lastError: String?

    public init(url: URL, kind: PageKind, depth: Int, state: FrontierState = .pending, attempts: Int = 0,
                notBefore: Date = Date(timeIntervalSince1970: 0), discoveredAt: Date = Date(), lastError: String? = nil) {
        self.url = url
        self.kind = kind
        self.depth = depth
        self.state = state
        self.attempts = attempts
        self.notBefore = notBefore
        self.discoveredAt = discoveredAt
        self.lastError = lastError
    }

    /// The host (and port, when the URL gives one) the entry is fetched from, lowercased: the unit of politeness.
    public var host: String { FrontierEntry.hostKey(of: url) }

    /// The lowercased `host[:port]` of a URL.
    public static func hostKey(of url: URL) -> String {
        let host = url.host?.lowercased() ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
