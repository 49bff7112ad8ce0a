import Foundation

/// The routes of a ``LocalSite``, the requests it received and the counters of its stateful routes.
final class LocalSiteState: Sendable {
    private struct Contents {
        var routes: [String: LocalSite.Route] = [:]
        var requests: [LocalSite.RecordedRequest] = []
        /// Requests seen per path, for `failing` routes.
        var counts: [String: Int] = [:]
        /// Arrival times of the requests a `rateLimited` route let through.
        var admitted: [String: [ContinuousClock.Instant]] = [:]
        /// Body bytes of `huge` routes the socket took, per path.
        var streamed: [String: Int] = [:]
        /// For each connection closed after a request, the time from the request's arrival to the close, per path.
        var closes: [String: [Duration]] = [:]
    }

    private let contents = LockedValue(Contents())

    func setRoute(_ route: LocalSite.Route, for path: String) {
        contents.withValue { $0.routes[path] = route }
    }

    func requests() -> [LocalSite.RecordedRequest] {
        contents.withValue { $0.requests }
    }

    func reset() {
        contents.withValue {
            $0.requests = []
            $0.counts = [:]
            $0.admitted = [:]
            $0.streamed = [:]
            $0.closes = [:]
        }
    }

    func addStreamed(_ bytes: Int, for path: String) {
        contents.withValue { $0.streamed[path, default: 0] += bytes }
    }

    func addClose(after lifetime: Duration, for path: String) {
        contents.withValue { $0.closes[path, default: []].append(lifetime) }
    }

    func closes(for path: String) -> [Duration] {
        contents.withValue { $0.closes[path, default: []] }
    }

    func streamed(for path: String) -> Int {
        contents.withValue { $0.streamed[path, default: 0] }
    }

    /// Records a request and returns its route, with the decisions of stateful routes already taken: a `failing` or
    /// `rateLimited` route comes back as the plain response this request gets.
    func receive(_ request: LocalSite.RecordedRequest) -> LocalSite.Route? {
        contents.withValue { contents in
            contents.requests.append(request)
            let count = contents.counts[request.path, default: 0] + 1
            contents.counts[request.path] = count
            guard let route = contents.routes[request.path] else { return nil }
            switch route {
            case .failing(let times, let status, let then):
                return .response(count <= times ? LocalSite.Response(status: status) : then)
            case .rateLimited(let maxRequests, let window, let retryAfter, let then):
                let recent = contents.admitted[request.path, default: []].filter { request.arrivedAt - $0 < window }
                if recent.count >= maxRequests {
                    contents.admitted[request.path] = recent
                    return .response(LocalSite.Response(status: 429, headers: [("Retry-After", String(retryAfter))]))
                }
                contents.admitted[request.path] = recent + [request.arrivedAt]
                return .response(then)
            default:
                return route
            }
        }
    }
}
