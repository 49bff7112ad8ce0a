import Hummingbird
import KinoSearch

/// The context of one request: Hummingbird's core storage (logger with the request id, route parameters) and the
/// interface language the site chose for it.
public struct KinoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The request id Hummingbird put into the logger's metadata; sent back as `X-Request-Id`.
    var requestID: String {
        logger[metadataKey: "hb.request.id"]?.description ?? ""
    }
}
