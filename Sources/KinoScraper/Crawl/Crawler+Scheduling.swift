import Foundation

extension Crawler {
    /// The next job that may start: a robots.txt a host needs first, a sitemap, or a pending page. Disallowed pages
    /// met on the way are staged as skipped.
    func nextJob(schedule: inout HostSchedule, sitemapQueue: inout [URL], dispatchedPages: inout Int,
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

    /// A job fetching the robots.txt of the URL's host; while it runs, the host takes no other request.
    func robotsJob(for url: URL, schedule: inout HostSchedule) -> (@Sendable () async -> Outcome)? {
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

    /// Fetches and reads one sitemap; an unavailable or unreadable sitemap yields nothing.
    func sitemapJob(_ url: URL, host: String, start: ContinuousClock.Instant) async -> Outcome {
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

    /// `scheme://host[:port]/` of a URL.
    static func origin(of url: URL) -> URL? {
        guard let scheme = url.scheme, let host = url.host else { return nil }
        return URL(string: "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")/")
    }
}
