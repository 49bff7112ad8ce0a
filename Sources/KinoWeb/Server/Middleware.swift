import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import Synchronization

/// What every request goes through, in one layer:
/// - **limits**: URLs over 8 KiB get 414 and request bodies over 64 KiB get 413, before any route runs;
/// - **errors**: every error becomes a response — JSON `{"error": {"code", "message"}}` under `/api/`, `/healthz`
///   and `/metrics`, an HTML error page elsewhere; an unexpected error is logged with the request id and answered
///   500 without its details;
/// - **request id**: every response carries the id Hummingbird put into the request's logger, in `X-Request-Id`;
/// - **access log**: each request is logged when it ends, with method, path, status and time (``AccessLog``);
/// - **metrics**: `hb_requests` (a counter) and `http_server_request_duration` (a histogram), by route, method and
///   status, as Hummingbird's own metrics middleware names them.
struct RequestMiddleware: RouterMiddleware {
    static let maximumURIBytes = 8192
    static let maximumBodyBytes = 64 * 1024
    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    let site: SiteRenderer
    let accessLog: AccessLog
    let metrics = RouteMetrics()

    func handle(_ request: Request, context: KinoRequestContext,
                next: (Request, KinoRequestContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(try await limited(request), context)
        } catch {
            response = self.response(for: error, request: request, context: context)
        }
        response.headers[Self.requestIDHeader] = context.requestID
        let elapsed = ContinuousClock.now - started
        metrics.record(route: context.endpointPath ?? "NotFound", method: request.method, status: response.status,
                       elapsed: elapsed)
        let parts = elapsed.components
        accessLog.record(method: request.method.rawValue, path: request.uri.path.prefix(200), status: response.status.code,
                         milliseconds: Double(parts.seconds) * 1e3 + Double(parts.attoseconds) / 1e15,
                         requestID: context.requestID)
        return response
    }

    /// The request, refused when its URL or body is over the limits (a streamed body is read up to the limit).
    private func limited(_ request: Request) async throws -> Request {
        if request.uri.string.utf8.count > Self.maximumURIBytes {
            throw WebError(.uriTooLong, code: "uri_too_long", "the URL is longer than \(Self.maximumURIBytes) bytes")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBodyBytes {
            throw WebError(.contentTooLarge, code: "body_too_large", "the request body is longer than \(Self.maximumBodyBytes) bytes")
        }
        guard request.headers[.contentLength] == nil, request.method != .get, request.method != .head else { return request }
        var request = request
        request.body = .init(buffer: try await request.body.collect(upTo: Self.maximumBodyBytes))
        return request
    }

    private func response(for error: any Error, request: Request, context: KinoRequestContext) -> Response {
        let failure: WebError
        switch error {
        case let error as WebError:
            failure = error
        case let error as HTTPError:
            failure = WebError(error.status, code: Self.code(error.status), error.body ?? Self.message(error.status, request))
        case let error as any HTTPResponseError:
            failure = WebError(error.status, code: Self.code(error.status), Self.message(error.status, request))
        default:
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            failure = WebError(.internalServerError, code: "internal", "the server failed to answer; the request id is \(context.requestID)")
        }
        if Self.isAPI(request.uri.path) {
            return Response(status: failure.status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: failure.json))
        }
        return site.errorPage(failure, request: request)
    }

    static func isAPI(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics"
    }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 413: "body_too_large"
        case 414: "uri_too_long"
        case 400..<500: "bad_request"
        default: "internal"
        }
    }

    static func message(_ status: HTTPResponse.Status, _ request: Request) -> String {
        switch status.code {
        case 404: "no such page or route: \(request.uri.path.prefix(200))"
        case 405: "\(request.method) is not allowed here"
        default: status.reasonPhrase
        }
    }
}

/// The request counter and duration histogram of each route, method and status, made once and kept.
final class RouteMetrics: Sendable {
    private struct Key: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: Int
    }

    private struct Handles {
        let requests: Counter
        let duration: Timer
    }

    private let handles = Mutex<[Key: Handles]>([:])

    func record(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, elapsed: Duration) {
        let key = Key(route: route, method: method, status: status.code)
        let found = handles.withLock { handles in
            if let found = handles[key] { return found }
            let dimensions = [("http.route", route), ("http.request.method", method.rawValue),
                              ("http.response.status_code", String(status.code))]
            let made = Handles(requests: Counter(label: "hb.requests", dimensions: dimensions),
                               duration: Timer(label: "http.server.request.duration", dimensions: dimensions,
                                               preferredDisplayUnit: .seconds))
            handles[key] = made
            return made
        }
        found.requests.increment()
        let parts = elapsed.components
        found.duration.recordNanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
