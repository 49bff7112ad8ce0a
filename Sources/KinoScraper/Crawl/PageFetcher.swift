import Foundation

/// Fetches pages for the crawler: over HTTP (``HTTPPageFetcher``) or through a browser.
///
/// A fetcher returns the final answer of a URL: a 2xx page, a `304 Not Modified` when `validators` were given and
/// the page did not change (``FetchedPage/notModified``), or a final client error such as 404 (its status in the
/// page), or a 429 or 5xx whose `Retry-After` asks for a longer wait than the fetcher makes itself (with
/// ``FetchedPage/retryAfter`` set, for the caller to come back later). It throws ``ScraperError`` when the page could
/// not be had: `timedOut`, `network`, `tooLarge`, `redirectLoop`, or `httpStatus` when 429 or 5xx answers outlasted
/// its retries; its message names the URL.
public protocol PageFetcher: Sendable {
    func fetch(_ url: URL, validators: PageValidators?) async throws -> FetchedPage
}
