import Foundation
import HTTPTypes
import Hummingbird
import KinoSearch

/// An error a request ends in, with the status and the machine-readable code of the API's error object
/// (`{"error": {"code", "message"}}`). Messages name what was wrong and never echo input unescaped: JSON encoding
/// escapes it, and pages render it through the templates.
public struct WebError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func invalid(_ parameter: String, _ problem: String) -> WebError {
        WebError(.badRequest, code: "invalid_parameter", "\(parameter): \(problem)")
    }

    static func notFound(_ what: String) -> WebError {
        WebError(.notFound, code: "not_found", what)
    }

    /// The error of a search: bad arguments are the client's, a missing or broken index is the server's.
    init(_ error: SearchError) {
        switch error.code {
        case .invalidArgument:
            self.init(.badRequest, code: "invalid_parameter", error.message)
        case .notFound:
            self.init(.notFound, code: "not_found", error.message)
        default:
            self.init(.serviceUnavailable, code: "index_unavailable", error.message)
        }
    }

    /// The JSON error object.
    var json: ByteBuffer {
        struct Body: Encodable {
            struct Inner: Encodable {
                let code: String
                let message: String
            }
            let error: Inner
        }
        let data = (try? JSONEncoder().encode(Body(error: .init(code: code, message: message)))) ?? Data()
        return ByteBuffer(bytes: data)
    }
}
