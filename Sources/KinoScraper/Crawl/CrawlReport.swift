/// What a crawl run did.
public struct CrawlReport: Sendable, Equatable {
    /// Pages fetched with a 2xx answer.
    public var fetched = 0
    /// Pages that answered `304 Not Modified` to a conditional request.
    public var notModified = 0
    /// URLs whose fetch or extraction failed (their error is staged).
    public var failed = 0
    /// Records extracted and staged.
    public var records = 0
    /// Times a server asked to come back later and the URL was put back in the frontier.
    public var postponed = 0
    /// URLs robots.txt disallows, never requested.
    public var skippedByRobots = 0
    /// Whether the run resumed an unfinished crawl.
    public var resumed = false
    /// Whether the run stopped because its task was cancelled.
    public var cancelled = false
    public var elapsed: Duration = .zero

    public init() {}
}

/// The state of a running crawl, for a progress line (`fetched 120, queued 340, failed 2, 1.9 pages/s`).
public struct CrawlProgress: Sendable, Equatable {
    public var fetched: Int
    public var notModified: Int
    public var failed: Int
    /// Entries pending in the frontier.
    public var queued: Int
    public var elapsed: Duration

    /// Pages (fetched, not modified or failed) per second so far.
    public var pagesPerSecond: Double {
        elapsed.seconds > 0 ? Double(fetched + notModified + failed) / elapsed.seconds : 0
    }

    public var line: String {
        "fetched \(fetched), not modified \(notModified), queued \(queued), failed \(failed), \(String(format: "%.1f", pagesPerSecond)) pages/s"
    }
}
