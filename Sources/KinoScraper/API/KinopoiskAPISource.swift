import AsyncHTTPClient
import Foundation
import KinoCatalog
import NIOCore
import NIOHTTP1

/// The Kinopoisk API (kinopoisk.dev) as a source of the scraper: pages of the film list, and optionally each film's
/// full record, fetched from a configurable base URL with an API key and staged like scraped pages.
public struct KinopoiskAPISource: Sendable {
    public struct Configuration: Sendable {
        /// The API's root, e.g. `https://api.kinopoisk.dev`.
        public var baseURL: URL
        public var apiKey: String
        /// The list endpoint under the root.
        public var listPath = "/v1.4/movie"
        /// Films per list page.
        public var limit = 250
        /// Extra query parameters of the list (`type=movie`, `year=2020-2024`).
        public var filters: [(name: String, value: String)] = []
        /// Also fetch `/movie/{id}` for every listed film (descriptions, professions, external ids).
        public var details = false
        /// Requests per second.
        public var rate = 2.0
        public var userAgent = "KinoBot/1.0 (film catalog crawler)"
        public var timeout: TimeAmount = .seconds(30)
        public var maxBytes = 20 << 20
        /// Retries after timeouts, connection errors, 429 and 5xx, as for pages.
        public var retry = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(250))

        public init(baseURL: URL, apiKey: String) {
            self.baseURL = baseURL
            self.apiKey = apiKey
        }
    }

    /// What a run fetched and staged.
    public struct Report: Sendable {
        public var pages = 0
        public var films = 0
        public var records = 0
        public var rejected: [ImportIssue] = []
    }

    let configuration: Configuration
    let client: HTTPClient

    public init(configuration: Configuration, client: HTTPClient = .shared) {
        self.configuration = configuration
        self.client = client
    }

    /// Fetches list pages from the first until the API's last page or `maxPages`, staging each page's records as
    /// it arrives (one transaction per page).
    public func run(into staging: StagingStore, maxPages: Int = .max,
                    progress: @Sendable (Report) -> Void = { _ in }) async throws -> Report {
        var report = Report()
        var page = 1
        var lastPage = Int.max
        var pacer = Pacer(rate: configuration.rate)
        var previousIDs: [String] = []
        while page <= min(lastPage, maxPages) {
            try Task.checkCancellation()
            try await pacer.wait()
            var query = configuration.filters
            query += [("page", String(page)), ("limit", String(configuration.limit))]
            let url = try endpoint(configuration.listPath, query: query)
            let body = try await get(url)
            let list = try KinopoiskAPIResponse.listRecords(body, name: url.absoluteString)
            var records = list.records
            report.rejected += list.rejected
            if configuration.details {
                for index in records.indices {
                    try await pacer.wait()
                    let filmURL = try endpoint(configuration.listPath + "/" + records[index].sourceID, query: [])
                    let film = try KinopoiskAPIResponse.filmRecord(try await get(filmURL), name: filmURL.absoluteString)
                    report.rejected += film.rejected
                    if var full = film.record {
                        full.origin = filmURL.absoluteString
                        full.fetchedAt = Date()
                        records.append(full)
                    }
                }
            }
            let fetchedAt = Date()
            for index in records.indices where records[index].fetchedAt == nil {
                records[index].fetchedAt = fetchedAt
                records[index].origin = url.absoluteString + "#" + (records[index].origin?.split(separator: "#").last.map(String.init) ?? "")
            }
            try await staging.save(records: records, page: nil)
            report.pages += 1
            report.films += list.records.count
            report.records += records.count
            progress(report)
            if let pages = list.pages { lastPage = pages }
            // Without a page count, a short page is the last; an API that ignores `page` repeats its first.
            let ids = list.records.map(\.sourceID)
            if list.records.isEmpty, list.rejected.isEmpty { break }
            if list.pages == nil, list.records.count + list.rejected.count < configuration.limit || ids == previousIDs { break }
            previousIDs = ids
            page += 1
        }
        return report
    }

    private func endpoint(_ path: String, query: [(name: String, value: String)]) throws -> URL {
        guard var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false) else {
            throw ScraperError(.invalidURL, "\(configuration.baseURL.absoluteString): not a URL")
        }
        components.path = components.path.hasSuffix("/") ? String(components.path.dropLast()) + path : components.path + path
        components.queryItems = query.isEmpty ? nil : query.map { URLQueryItem(name: $0.name, value: $0.value) }
        guard let url = components.url else {
            throw ScraperError(.invalidURL, "\(configuration.baseURL.absoluteString)\(path): not a URL")
        }
        return url
    }

    /// GETs JSON with the key, retrying 429 and 5xx answers (after `Retry-After` when the API gives it).
    private func get(_ url: URL) async throws -> Data {
        var attempt = 1
        while true {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "X-API-KEY", value: configuration.apiKey)
            request.headers.add(name: "Accept", value: "application/json")
            request.headers.add(name: "User-Agent", value: configuration.userAgent)
            let retry = configuration.retry
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: configuration.timeout)
            } catch {
                guard attempt < retry.maxAttempts else {
                    throw ScraperError(.network, "\(url.absoluteString): \(error) (after \(attempt) attempts)")
                }
                try await Task.sleep(for: retry.backoff(after: attempt))
                attempt += 1
                continue
            }
            let status = response.status.code
            if RetryPolicy.isRetryable(status: Int(status)), attempt < retry.maxAttempts {
                let asked = response.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
                try await Task.sleep(for: min(asked ?? retry.backoff(after: attempt), retry.maxRetryAfter))
                attempt += 1
                continue
            }
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: configuration.maxBytes)
            } catch {
                throw ScraperError(.tooLarge, "\(url.absoluteString): the response is over \(configuration.maxBytes) bytes or broke off: \(error)")
            }
            guard (200..<300).contains(status) else {
                let text = String(buffer: body).prefix(200)
                let hint = status == 401 || status == 403 ? " (is the API key right?)" : ""
                throw ScraperError(.httpStatus, "\(url.absoluteString): status \(status)\(hint): \(text)")
            }
            return Data(buffer: body)
        }
    }
}

/// Spaces requests evenly at a given rate.
struct Pacer {
    let interval: Duration
    private var next = ContinuousClock.now

    init(rate: Double) {
        interval = rate > 0 ? .milliseconds(Int(1000 / rate)) : .zero
    }

    mutating func wait() async throws {
        let now = ContinuousClock.now
        if next > now { try await Task.sleep(until: next, clock: .continuous) }
        next = max(now, next) + interval
    }
}
