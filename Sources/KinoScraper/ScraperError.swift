/// Why a scraper operation failed: a page that cannot be fetched or read, a staging store that cannot be opened, a
/// sync that cannot apply. The message names the URL, file or record; the code says what kind of failure it was.
public struct ScraperError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// A URL is malformed or not http(s).
        case invalidURL
        /// A page is larger than the size limit.
        case tooLarge
        /// A fetch did not finish within its time limit (a server that never answers or trickles bytes).
        case timedOut
        /// Redirects went round in a loop or past their limit.
        case redirectLoop
        /// The server answered with an error status after every retry.
        case httpStatus
        /// The connection failed.
        case network
        /// robots.txt forbids the URL.
        case disallowed
        /// The page is not HTML or cannot be parsed.
        case unreadablePage
        /// The staging store cannot be opened, read or written.
        case staging
        /// A browser (WebDriver) could not render a page.
        case rendering
        /// An API answered with something that is not the expected JSON.
        case unexpectedResponse
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
