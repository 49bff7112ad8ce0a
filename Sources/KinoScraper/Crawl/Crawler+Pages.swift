import Foundation
import KinoCatalog

extension Crawler {
    /// Waits for the reserved start, then fetches and stages one page; a cancelled job stages nothing.
    func pageJob(_ entry: FrontierEntry, start: ContinuousClock.Instant) async -> Outcome {
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

    /// Fetches a page (conditionally when it was fetched before), extracts it and stages the outcome in one
    /// transaction. Fetch and extraction failures are staged as the entry's error; staging failures are thrown.
    func fetchAndStage(_ entry: FrontierEntry) async throws -> PageOutcome {
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
            // entry.attempts counts the attempts before this one.
            if let retryAfter = fetched.retryAfter, RetryPolicy.isRetryable(status: fetched.status),
               entry.attempts + 1 < configuration.maxAttemptsPerURL {
                try await staging.postpone(entry.url, until: Date().addingTimeInterval(retryAfter.seconds),
                                           error: message + ", asked to come back in \(retryAfter)")
                return .postponed(retryAfter)
            }
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
        page.links = extracted.links.compactMap { configuration.normalizer.normalize(absolute: $0) }.filter {
            configuration.rules.follows($0, from: fetched.finalURL) && seen.insert($0.absoluteString).inserted
        }
        try await staging.finish(entry.url, state: .done, error: nil, page: page, records: extracted.records,
                                 links: frontierEntries(for: page.links, from: entry))
        return .fetched(records: extracted.records.count)
    }

    /// Frontier entries for the links of a page, within the depth limit.
    func frontierEntries(for links: [URL], from entry: FrontierEntry) -> [FrontierEntry] {
        guard entry.depth < configuration.maxDepth else { return [] }
        let now = Date()
        return links.map { FrontierEntry(url: $0, kind: configuration.rules.kind(of: $0), depth: entry.depth + 1, discoveredAt: now) }
    }
}
