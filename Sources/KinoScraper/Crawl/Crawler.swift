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
    private let fetcher: any PageFetcher
    private let staging: StagingStore
    private let extract: Extract
    private let logger: Logger

    public init(configuration: CrawlConfiguration, fetcher: any PageFetcher, staging: StagingStore,
                logger: Logger = Logger(label: "kino.scraper"), extract: @escaping Extract) {
        self.configuration = configuration
        self.fetcher = fetcher
        self.staging = staging
        self.extract = extract
        self.logger = logger
    }

    /// What one job of the crawl loop brought back.
    private enum Outcome: Sendable {
        case robots(host: String, RobotsTxt)
        case sitemap(host: String, pages: [URL], sitemaps: [URL])
        case page(host: String, PageOutcome)
        case abandoned(host: String)
    }

    private enum PageOutcome: Sendable {
        case fetched(records: Int)
        case notModified
        case failed
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
                    let pending = try await staging.pendingSummary()
                    guard pending.count > 0, dispatchedPages < configuration.maxPages else { break }
                    // Nothing can start: entries are due later, or their hosts' robots.txt could not be fetched.
                    guard let earliest = pending.earliest, earliest > Date() else { break }
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
                    }
                    let queued = try await staging.pendingSummary().count
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

    // MARK: Scheduling

    /// The next job that may start: a robots.txt a host needs first, a sitemap, or a pending page. Disallowed pages
    /// met on the way are staged as skipped.
    private func nextJob(schedule: inout HostSchedule, sitemapQueue: inout [URL], dispatchedPages: inout Int,
                         report: inout CrawlReport) async throws -> (@Sendable () async -> Outcome)? {
        while let index = sitemapQueue.firstIndex(where: { schedule.hasFreeSlot(FrontierEntry.hostKey(of: $0)) }) {
            let sitemap = sitemapQueue[index]
            let host = FrontierEntry.hostKey(of: sitemap)
            if schedule.robots(of: host) == nil, let job = robotsJob(for: sitemap, schedule: &schedule) { return job }
            sitemapQueue.remove(at: index)
            guard let robots = schedule.robots(of: host), robots.allows(sitemap, for: configuration.productToken) else { continue }
            let start = schedule.reserve(host)
            return { await self.sitemapJob(sitemap, host: host, start: start) }
        }
        guard dispatchedPages < configuration.maxPages else { return nil }
        while true {
            let candidates = try await staging.claimable(limit: 64, excludingHosts: schedule.busyHosts(), now: Date())
            guard !candidates.isEmpty else { return nil }
            var skipped = false
            for entry in candidates where schedule.hasFreeSlot(entry.host) {
                guard let robots = schedule.robots(of: entry.host) else {
                    return robotsJob(for: entry.url, schedule: &schedule)
                }
                if robots.disallowsEverything { continue }
                guard robots.allows(entry.url, for: configuration.productToken) else {
                    try await staging.finish(entry.url, state: .skipped, error: "disallowed by robots.txt", page: nil,
                                             records: [], links: [])
                    report.skippedByRobots += 1
                    skipped = true
                    continue
                }
                try await staging.markInProgress(entry.url)
                dispatchedPages += 1
                let start = schedule.reserve(entry.host)
                return { await self.pageJob(entry, start: start) }
            }
            // Every candidate was skipped by robots.txt: look at the next ones.
            guard skipped else { return nil }
        }
    }

    private func robotsJob(for url: URL, schedule: inout HostSchedule) -> (@Sendable () async -> Outcome)? {
        let host = FrontierEntry.hostKey(of: url)
        guard let origin = Self.origin(of: url) else { return nil }
        let start = schedule.reserve(host)
        schedule.startLoadingRobots(host)
        let robotsURL = origin.appendingPathComponent("robots.txt")
        return {
            do {
                try await Task.sleep(until: start)
                let page = try await self.fetcher.fetch(robotsURL, validators: nil)
                return .robots(host: host, RobotsTxt(fetchStatus: page.status, body: page.body))
            } catch is CancellationError {
                return .abandoned(host: host)
            } catch {
                self.logger.warning("robots.txt unavailable", metadata: ["scrape.url": "\(robotsURL.absoluteString)", "scrape.error": "\(error)"])
                return .robots(host: host, RobotsTxt(fetchStatus: nil, body: []))
            }
        }
    }

    private func sitemapJob(_ url: URL, host: String, start: ContinuousClock.Instant) async -> Outcome {
        do {
            try await Task.sleep(until: start)
            let page = try await fetcher.fetch(url, validators: nil)
            guard page.isSuccess else {
                logger.debug("sitemap unavailable", metadata: ["scrape.url": "\(url.absoluteString)", "scrape.status": "\(page.status)"])
                return .sitemap(host: host, pages: [], sitemaps: [])
            }
            let sitemap = try Sitemap(parsing: page.body, url: url)
            let locations = sitemap.entries.map(\.location)
            switch sitemap.kind {
            case .pages:
                let followed = locations.filter { configuration.rules.follows($0, from: page.finalURL) }
                return .sitemap(host: host, pages: followed, sitemaps: [])
            case .index:
                return .sitemap(host: host, pages: [], sitemaps: locations)
            }
        } catch is CancellationError {
            return .abandoned(host: host)
        } catch {
            logger.warning("sitemap unreadable", metadata: ["scrape.url": "\(url.absoluteString)", "scrape.error": "\(error)"])
            return .sitemap(host: host, pages: [], sitemaps: [])
        }
    }

    // MARK: Pages

    private func pageJob(_ entry: FrontierEntry, start: ContinuousClock.Instant) async -> Outcome {
        do {
            try await Task.sleep(until: start)
            return .page(host: entry.host, try await fetchAndStage(entry))
        } catch is CancellationError {
            return .abandoned(host: entry.host)
        } catch {
            // The staging store failed: the entry stays in progress and is fetched again when the crawl resumes.
            logger.error("staging failed", metadata: ["scrape.url": "\(entry.url.absoluteString)", "scrape.error": "\(error)"])
            return .abandoned(host: entry.host)
        }
    }

    private func fetchAndStage(_ entry: FrontierEntry) async throws -> PageOutcome {
        let previous = try await staging.page(for: entry.url)
        let fetched: FetchedPage
        do {
            fetched = try await fetcher.fetch(entry.url, validators: previous?.validators)
        } catch let error as ScraperError {
            logger.info("fetch failed", metadata: ["scrape.url": "\(entry.url.absoluteString)", "scrape.error": "\(error.message)"])
            let page = StagedPage(url: entry.url, status: 0, fetchedAt: Date(), error: error.message)
            try await staging.finish(entry.url, state: .failed, error: error.message, page: page, records: [], links: [])
            return .failed
        }

        if fetched.notModified, var page = previous {
            page.status = 304
            page.fetchedAt = fetched.fetchedAt
            page.etag = fetched.etag ?? page.etag
            page.lastModified = fetched.lastModified ?? page.lastModified
            page.error = nil
            try await staging.finish(entry.url, state: .done, error: nil, page: page, records: [],
                                     links: frontierEntries(for: page.links, from: entry))
            return .notModified
        }

        var page = StagedPage(url: entry.url, finalURL: fetched.finalURL, status: fetched.status, etag: fetched.etag,
                              lastModified: fetched.lastModified, contentHash: StagedPage.contentHash(of: fetched.body),
                              contentType: fetched.contentType, bytes: fetched.body.count, fetchedAt: fetched.fetchedAt)
        guard fetched.isSuccess else {
            let message = "\(entry.url.absoluteString) answered \(fetched.status)"
            page.error = message
            try await staging.finish(entry.url, state: .failed, error: message, page: page, records: [], links: [])
            return .failed
        }
        let extracted: ExtractedPage
        do {
            extracted = try extract(fetched)
        } catch {
            let message = (error as? ScraperError)?.message ?? "cannot extract \(entry.url.absoluteString): \(error)"
            page.error = message
            try await staging.finish(entry.url, state: .failed, error: message, page: page, records: [], links: [])
            return .failed
        }
        var seen = Set<String>()
        page.links = extracted.links.compactMap(configuration.normalizer.normalize).filter {
            configuration.rules.follows($0, from: fetched.finalURL) && seen.insert($0.absoluteString).inserted
        }
        try await staging.finish(entry.url, state: .done, error: nil, page: page, records: extracted.records,
                                 links: frontierEntries(for: page.links, from: entry))
        return .fetched(records: extracted.records.count)
    }

    /// Frontier entries for the links of a page, within the depth limit.
    private func frontierEntries(for links: [URL], from entry: FrontierEntry) -> [FrontierEntry] {
        guard entry.depth < configuration.maxDepth else { return [] }
        let now = Date()
        return links.map { FrontierEntry(url: $0, kind: configuration.rules.kind(of: $0), depth: entry.depth + 1, discoveredAt: now) }
    }

    /// `scheme://host[:port]/` of a URL.
    static func origin(of url: URL) -> URL? {
        guard let scheme = url.scheme, let host = url.host else { return nil }
        return URL(string: "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")/")
    }
}
