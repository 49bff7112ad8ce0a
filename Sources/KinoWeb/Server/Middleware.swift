import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Refuses what no route of Kino needs: URLs over 8 KiB (414) and request bodies over 64 KiB (413), before any
/// route runs.
struct LimitsMiddleware: RouterMiddleware {
    static let maximumURIBytes = 8192
    static let maximumBodyBytes = 64 * 1024

    func handle(_ request: Request, context: KinoRequestContext,
                next: (Request, KinoRequestContext) async throws -> Response) async throws -> Response {
        if request.uri.string.utf8.count > Self.maximumURIBytes {
            throw WebError(.uriTooLong, code: "uri_too_long", "the URL is longer than \(Self.maximumURIBytes) bytes")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBodyBytes {
            throw WebError(.contentTooLarge, code: "body_too_large", "the request body is longer than \(Self.maximumBodyBytes) bytes")
        }
        var request = request
        if request.headers[.contentLength] == nil, request.method != .get, request.method != .head {
            // A streamed body is read up to the limit and refused past it.
            let body = try await request.body.collect(upTo: Self.maximumBodyBytes)
            request.body = .init(buffer: body)
        }
        return try await next(request, context)
    }
}

/// Turns every error into a response: JSON `{"error": {"code", "message"}}` under `/api/`, `/healthz` and
/// `/metrics`, an HTML error page elsewhere. An unexpected error is logged with the request id and answered 500
/// without its details. Every response carries the request id in `X-Request-Id`.
struct ErrorMiddleware: RouterMiddleware {
    let site: SiteRenderer

    func handle(_ request: Request, context: KinoRequestContext,
                next: (Request, KinoRequestContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
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
                response = Response(status: failure.status, headers: [.contentType: "application/json; charset=utf-8"],
                                    body: .init(byteBuffer: failure.json))
            } else {
                response = site.errorPage(failure, request: request)
            }
        }
        response.headers[.init("X-Request-Id")!] = context.requestID
        return response
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
