import Foundation

/// What a ``Crawler`` crawls and how politely.
public struct CrawlConfiguration: Sendable {
    public static let defaultUserAgent = "KinoBot/1.0 (+https://kino.example/bot)"

    /// Where the crawl starts (depth 0).
    public var seeds: [URL]
    /// The full User-Agent; its product token (`KinoBot`) selects the robots.txt groups. The fetcher sends its own
    /// configured User-Agent: give both the same string.
    public var userAgent: String
    /// Fetches of pages in one run, at most; robots.txt and sitemaps are not counted.
    public var maxPages: Int
    /// Links followed from a seed, at most.
    public var maxDepth: Int
    /// Requests per second to one host, at most (`--rate`); a robots.txt `Crawl-delay` slows this further. Requests to
    /// a host are spaced by the interval from the start and from the end of the previous one (see ``Crawler``).
    public var requestsPerSecond: Double
    /// Requests in flight to one host, at most.
    public var perHostConcurrency: Int
    /// Requests in flight in all, at most.
    public var globalConcurrency: Int
    /// Whether sitemaps of the seeds' hosts (from robots.txt `Sitemap:` lines and `/sitemap.xml`) add URLs.
    public var discoversSitemaps: Bool
    /// Sitemaps read in one run, at most (sitemap indexes included).
    public var maxSitemaps: Int
    /// How long a host whose robots.txt could not be fetched (429, 5xx, unreachable) counts as disallowing
    /// everything before robots.txt is asked for again. Its URLs stay pending meanwhile, and a run that has nothing
    /// else to do ends and leaves them to the next run.
    public var robotsRetryDelay: Duration
    /// Fetches of one URL a crawl makes, at most, when its server asks to come back later (a 429 or 503 whose
    /// `Retry-After` is longer than the fetcher waits): the URL is put back, due after that wait, until then.
    public var maxAttemptsPerURL: Int
    /// The longest a run waits when every pending URL is due later; past it, the run ends and leaves them to the next.
    public var maxIdleWait: Duration
    public var rules: SourceRules
    public var normalizer: URLNormalizer

    public init(seeds: [URL], userAgent: String = CrawlConfiguration.defaultUserAgent, maxPages: Int = 1000,
                maxDepth: Int = 3, requestsPerSecond: Double = 1, perHostConcurrency: Int = 1, globalConcurrency: Int = 8,
                discoversSitemaps: Bool = true, maxSitemaps: Int = 20, robotsRetryDelay: Duration = .seconds(600),
                maxAttemptsPerURL: Int = 3, maxIdleWait: Duration = .seconds(60), rules: SourceRules = SourceRules(), normalizer: URLNormalizer = URLNormalizer()) {
        self.seeds = seeds
        self.userAgent = userAgent
        self.maxPages = maxPages
        self.maxDepth = maxDepth
        self.requestsPerSecond = requestsPerSecond
        self.perHostConcurrency = max(1, perHostConcurrency)
        self.globalConcurrency = max(1, globalConcurrency)
        self.discoversSitemaps = discoversSitemaps
        self.maxSitemaps = maxSitemaps
        self.robotsRetryDelay = robotsRetryDelay
        self.maxAttemptsPerURL = max(1, maxAttemptsPerURL)
        self.maxIdleWait = maxIdleWait
        self.rules = rules
        self.normalizer = normalizer
    }

    /// The product token of the User-Agent: `KinoBot` of `KinoBot/1.0 (+https://kino.example/bot)`.
    public var productToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " })
    }

    /// The shortest time between two request starts to one host, before any crawl delay.
    var minimumInterval: Duration {
        requestsPerSecond > 0 ? .milliseconds(Int((1000 / requestsPerSecond).rounded(.up))) : .zero
    }
}
