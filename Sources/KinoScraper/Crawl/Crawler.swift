import Foundation
import KinoCatalog
import Logging

/// Crawls film sites into the staging store.
///
/// A run starts from the seeds and the sitemaps of their hosts, and follows links as ``SourceRules`` allow, up to
/// ``CrawlConfiguration/maxDepth`` and ``CrawlConfiguration/maxPages``. The frontier lives in the ``StagingStore``,
/// so a killed crawl resumes where it stopped: while the frontier holds pending or in-progress entries, a run resumes
/// that crawl (in-progress entries go back to pending, finished URLs are not fetched again); once nothing is left, the
/// next run starts a new crawl from the seeds. Each host's robots.txt is fetched once per run and obeyed; requests to
/// one host start at least the configured interval (or the robots.txt crawl delay) after the previous one started
/// and after it finished, at most ``CrawlConfiguration/perHostConcurrency`` at a time. Redirects are followed within
/// one fetch, without that spacing between their hops.
///
/// Every fetched page goes through the `extract` step; its records, its page row and the links it adds to the
/// frontier are staged in one transaction. A URL that fails gets its error staged and the crawl goes on. Pages
/// fetched before are asked for conditionally, and a `304 Not Modified` keeps their staged records and links.
///
/// Cancelling the task running ``run(progress:)`` stops handing out URLs; requests in flight are abandoned and their
/// entries stay `in_progress`, to be fetched again when the crawl resumes.
public struct Crawler: Sendable {
    /// Turns a fetched page into records and links (`PageExtractor.extract` in production).
    public typealias Extract = @Sendable (FetchedPage) throws -> ExtractedPage

    public let configuration: CrawlConfiguration
    let fetcher: any PageFetcher
    let staging: StagingStore
    let extract: Extract
    let logger: Logger

    public init(configuration: CrawlConfiguration, fetcher: any PageFetcher, staging: StagingStore,
                logger: Logger = Logger(label: "kino.scraper"), extract: @escaping Extract) {
        self.configuration = configuration
        self.fetcher = fetcher
        self.staging = staging
        self.extract = extract
        self.logger = logger
    }

    /// What one job of the crawl loop brought back.
    enum Outcome: Sendable {
        case robots(host: String, RobotsTxt)
        case sitemap(host: String, pages: [URL], sitemaps: [URL])
        case page(host: String, PageOutcome)
        case abandoned(host: String)
    }

    enum PageOutcome: Sendable {
        case fetched(records: Int)
        case notModified
        case failed
        /// The server asked to come back after this long; the URL is pending again.
        case postponed(Duration)
    }

    /// Crawls until the frontier is empty, the page limit is reached or the task is cancelled.
    public func run(progress: @escaping @Sendable (CrawlProgress) -> Void = { _ in }) async throws -> CrawlReport {
        let clock = ContinuousClock()
        let started = clock.now
        var report = CrawlReport()
        let seeds = configuration.seeds.compactMap(configuration.normalizer.normalize).map {
            FrontierEntry(url: $0, kind: configuration.rules.kind(of: $0), depth: 0)
        }
        report.resumed = try await staging.startCrawl(seeds: seeds)
        logger.info("crawl started", metadata: ["scrape.seeds": "\(seeds.count)", "scrape.resumed": "\(report.resumed)"])

        var schedule = HostSchedule(minimumInterval: configuration.minimumInterval,
                                    perHostConcurrency: configuration.perHostConcurrency)
        let seedHosts = Set(seeds.map(\.host))
        var sitemapQueue: [URL] = []
        var sitemapsSeen = Set<String>()
        var dispatchedPages = 0

        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var running = 0
            while true {
                // Hand out jobs while there is room.
                while running < configuration.globalConcurrency, !Task.isCancelled {
                    guard let job = try await nextJob(schedule: &schedule, sitemapQueue: &sitemapQueue,
                                                      dispatchedPages: &dispatchedPages, report: &report)
                    else { break }
                    group.addTask(operation: job)
                    running += 1
                }
                if running == 0 {
                    if Task.isCancelled { break }
                    // Nothing could start. Entries of hosts whose robots.txt could not be fetched wait for the next
                    // run; others are due later, or fell due since the frontier was read.
                    let pending = try await staging.pendingSummary(excludingHosts: schedule.busyHosts())
                    guard pending.count > 0, dispatchedPages < configuration.maxPages, let earliest = pending.earliest,
                          earliest.timeIntervalSinceNow <= configuration.maxIdleWait.seconds
                    else { break }
                    if earliest <= Date() { continue }
                    // A cancelled sleep ends early; the loop then sees the cancellation and stops.
                    try? await Task.sleep(for: .milliseconds(min(1000, max(10, Int(earliest.timeIntervalSinceNow * 1000)))))
                    continue
                }
                guard let outcome = try await group.next() else { break }
                running -= 1
                switch outcome {
                case .robots(let host, let robots):
                    schedule.release(host)
                    schedule.setRobots(robots, of: host, productToken: configuration.productToken,
                                       failureHold: configuration.robotsRetryDelay)
                    if configuration.discoversSitemaps, seedHosts.contains(host), !robots.disallowsEverything,
                       let origin = seeds.first(where: { $0.host == host }).flatMap({ Self.origin(of: $0.url) }) {
                        for sitemap in robots.sitemaps + [origin.appendingPathComponent("sitemap.xml")]
                        where sitemapsSeen.count < configuration.maxSitemaps && sitemapsSeen.insert(sitemap.absoluteString).inserted {
                            sitemapQueue.append(sitemap)
                        }
                    }
                case .sitemap(let host, let pages, let sitemaps):
                    schedule.release(host)
                    for sitemap in sitemaps
                    where sitemapsSeen.count < configuration.maxSitemaps && sitemapsSeen.insert(sitemap.absoluteString).inserted {
                        sitemapQueue.append(sitemap)
                    }
                    let entries = pages.compactMap(configuration.normalizer.normalize).map {
                        FrontierEntry(url: $0, kind: configuration.rules.kind(of: $0), depth: 0)
                    }
                    try await staging.enqueue(entries)
                case .page(let host, let outcome):
                    schedule.release(host)
                    switch outcome {
                    case .fetched(let records):
                        report.fetched += 1
                        report.records += records
                    case .notModified:
                        report.notModified += 1
                    case .failed:
                        report.failed += 1
                    case .postponed(let delay):
                        report.postponed += 1
                        schedule.hold(host, for: delay)
                    }
                    let queued = try await staging.pendingSummary(excludingHosts: []).count
                    progress(CrawlProgress(fetched: report.fetched, notModified: report.notModified, failed: report.failed,
                                           queued: queued, elapsed: clock.now - started))
                case .abandoned(let host):
                    schedule.release(host)
                }
            }
        }
        report.cancelled = Task.isCancelled
        report.elapsed = clock.now - started
        logger.info("crawl finished", metadata: [
            "scrape.fetched": "\(report.fetched)", "scrape.not_modified": "\(report.notModified)",
            "scrape.failed": "\(report.failed)", "scrape.records": "\(report.records)",
            "scrape.skipped_by_robots": "\(report.skippedByRobots)", "scrape.cancelled": "\(report.cancelled)",
        ])
        return report
    }
}
