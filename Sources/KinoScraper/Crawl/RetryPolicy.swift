import Foundation

/// When a failed fetch is tried again: after timeouts, connection errors, 429 and 5xx, with exponentially growing
/// delays and jitter, or after the server's `Retry-After` when it gave one.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The delay before the second attempt; each later one doubles it.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` waited for; when a server asks for longer, its answer is returned with
    /// ``FetchedPage/retryAfter`` set, for the caller to come back later.
    public var maxRetryAfter: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
                maxRetryAfter: Duration = .seconds(120)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// No retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before attempt `attempt + 1` after attempt `attempt` (counted from 1) failed: half to all of
    /// `baseDelay · 2^(attempt-1)`, capped at `maxDelay`.
    func backoff(after attempt: Int) -> Duration {
        let exponential = baseDelay * (1 << min(attempt - 1, 20))
        let capped = min(exponential, maxDelay)
        return capped * Double.random(in: 0.5...1.0)
    }

    /// Whether a status is worth another attempt.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || (500..<600).contains(status)
    }

    /// Whether an error is worth another attempt.
    static func isRetryable(_ error: ScraperError) -> Bool {
        error.code == .timedOut || error.code == .network
    }
}
