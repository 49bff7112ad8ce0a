import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A `chromedriver` process (Debian's `chromium-driver`) driving a headless Chromium over the W3C WebDriver protocol,
/// for sources whose pages only hold their film data after their scripts run.
///
/// One driver serves one session at a time: ``render(_:waitFor:)`` calls are serialized by the actor.
public actor ChromeDriver {
    public struct Configuration: Sendable {
        public var driverPath: String
        public var browserPath: String
        public var userAgent: String
        /// Longest wait for a page to load.
        public var pageLoadTimeout: Duration
        /// Longest wait for the element a source waits for (see ``render(_:waitFor:)``).
        public var elementTimeout: Duration
        /// Largest page source kept, in bytes.
        public var maxBytes: Int
        /// A file for chromedriver's own log (`--log-path`), to see why a browser did not start; nil for none.
        public var logPath: String?

        public init(driverPath: String = "/usr/bin/chromedriver", browserPath: String = "/usr/bin/chromium",
                    userAgent: String = "KinoBot/1.0 (film catalog crawler)", pageLoadTimeout: Duration = .seconds(30),
                    elementTimeout: Duration = .seconds(10), maxBytes: Int = 10 << 20, logPath: String? = nil) {
            self.driverPath = driverPath
            self.browserPath = browserPath
            self.userAgent = userAgent
            self.pageLoadTimeout = pageLoadTimeout
            self.elementTimeout = elementTimeout
            self.maxBytes = maxBytes
            self.logPath = logPath
        }
    }

    /// A rendered page: where the browser ended up and the document as its scripts left it.
    public struct RenderedPage: Sendable {
        public var finalURL: URL
        public var html: String
    }

    private let configuration: Configuration
    private let client: HTTPClient
    private var process: DriverProcess?
    private var endpoint: String?
    private var session: String?

    public init(configuration: Configuration = Configuration(), client: HTTPClient = .shared) {
        self.configuration = configuration
        self.client = client
    }

    /// Loads `url` in the browser, waits up to ``Configuration/elementTimeout`` until an element matching the CSS
    /// selector `waitFor` exists (when given), and returns the document's source. When the element never appears, the
    /// render fails if `required`, else the page is read as it is then.
    public func render(_ url: URL, waitFor selector: String? = nil, required: Bool = true) async throws -> RenderedPage {
        let session = try await startSession()
        try await command(.POST, "/session/\(session)/url", ["url": url.absoluteString])
        if let selector {
            do {
                try await command(.POST, "/session/\(session)/element", ["using": "css selector", "value": selector])
            } catch let error as ScraperError where error.code == .rendering && required {
                throw ScraperError(.rendering, "\(url.absoluteString): no element '\(selector)' appeared after the page's scripts ran (\(error.message))")
            } catch let error as ScraperError where error.code == .rendering {
                // Not every page of a source holds the element (its lists, its people): read it as it is.
            }
        }
        guard let html = try await command(.GET, "/session/\(session)/source") as? String else {
            throw ScraperError(.rendering, "\(url.absoluteString): the browser returned no page source")
        }
        guard html.utf8.count <= configuration.maxBytes else {
            throw ScraperError(.tooLarge, "\(url.absoluteString): rendered page of \(html.utf8.count) bytes is over the limit of \(configuration.maxBytes)")
        }
        let current = (try await command(.GET, "/session/\(session)/url") as? String).flatMap(URL.init(string:)) ?? url
        return RenderedPage(finalURL: current, html: html)
    }

    /// Ends the browser session and stops the driver.
    public func shutdown() async {
        if let session {
            _ = try? await command(.DELETE, "/session/\(session)")
        }
        session = nil
        if let process { await process.stop() }
        process = nil
        endpoint = nil
    }

    // MARK: - The driver process and its session

    private func startSession() async throws -> String {
        if let session { return session }
        try await startDriver()
        let arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--user-agent=\(configuration.userAgent)"]
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": [
                        "pageLoad": Self.milliseconds(configuration.pageLoadTimeout),
                        "implicit": Self.milliseconds(configuration.elementTimeout),
                        "script": Self.milliseconds(configuration.pageLoadTimeout),
                    ],
                    "goog:chromeOptions": ["binary": configuration.browserPath, "args": arguments],
                ] as [String: Any],
            ],
        ]
        let value = try await command(.POST, "/session", capabilities)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw ScraperError(.rendering, "chromedriver did not start a browser session")
        }
        session = id
        return id
    }

    private func startDriver() async throws {
        if endpoint != nil { return }
        guard FileManager.default.isExecutableFile(atPath: configuration.driverPath) else {
            throw ScraperError(.rendering, "\(configuration.driverPath): chromedriver is not installed (Debian package chromium-driver)")
        }
        let port = try Self.freePort()
        let arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
            + (configuration.logPath.map { ["--log-path=\($0)", "--verbose"] } ?? [])
        let process = try DriverProcess(executable: configuration.driverPath, arguments: arguments)
        self.process = process
        let endpoint = "http://127.0.0.1:\(port)"
        // The driver answers /status once it listens.
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            var request = HTTPClientRequest(url: endpoint + "/status")
            request.method = .GET
            if let response = try? await client.execute(request, timeout: .seconds(1)), response.status == .ok {
                self.endpoint = endpoint
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        await process.stop()
        self.process = nil
        throw ScraperError(.rendering, "chromedriver did not answer on port \(port) within 10 s")
    }

    /// Sends one WebDriver command and returns its `value`; a WebDriver error becomes a `.rendering` error with the
    /// driver's message.
    @discardableResult
    private func command(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        guard let endpoint else { throw ScraperError(.rendering, "chromedriver is not running") }
        var request = HTTPClientRequest(url: endpoint + path)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        if let body {
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        } else if method == .POST {
            request.body = .bytes(ByteBuffer(string: "{}"))
        }
        let timeout = TimeAmount.milliseconds(Int64(Self.milliseconds(configuration.pageLoadTimeout)) + 5_000)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw ScraperError(.rendering, "chromedriver \(method.rawValue) \(path): \(error)")
        }
        let bytes = try await response.body.collect(upTo: configuration.maxBytes * 2 + 65_536)
        let json = try? JSONSerialization.jsonObject(with: Data(buffer: bytes))
        let value = (json as? [String: Any])?["value"]
        guard response.status == .ok else {
            let detail = (value as? [String: Any]).map { "\($0["error"] ?? ""): \($0["message"] ?? "")" } ?? "status \(response.status.code)"
            throw ScraperError(.rendering, "chromedriver \(method.rawValue) \(path): \(detail.prefix(300))")
        }
        return value is NSNull ? nil : value
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// A port nobody listens on: bound by the kernel, read back and released.
    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ScraperError(.rendering, "cannot open a socket to find a free port") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ScraperError(.rendering, "cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
