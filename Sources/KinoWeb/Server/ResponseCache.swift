import HTTPTypes
import Hummingbird
import Synchronization

/// Answers to repeated GET requests, kept for the index generation that made them: the same search, suggestion or
/// film page asked again is answered from memory until a new generation is served (the key names the generation, so
/// a switch retires every entry at once). Bounded by entry count and bytes; when full, the older half goes.
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: ByteBuffer
        var headers: HTTPFields
        /// When the entry was last stored or used, to keep the newer half when full.
        var tick: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var tick: UInt64 = 0
    }

    let maximumEntries: Int
    let maximumBytes: Int
    private let state = Mutex(State())

    init(maximumEntries: Int = 20_000, maximumBytes: Int = 128 * 1024 * 1024) {
        self.maximumEntries = maximumEntries
        self.maximumBytes = maximumBytes
    }

    /// The key of a request: the generation, the interface language and the whole URI.
    static func key(generation: String, language: String, uri: String) -> String {
        generation + "|" + language + "|" + uri
    }

    func response(_ key: String) -> Response? {
        let entry: Entry? = state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            state.tick += 1
            entry.tick = state.tick
            state.entries[key] = entry
            return entry
        }
        guard let entry else { return nil }
        var headers = entry.headers
        headers[Self.cacheHeader] = "hit"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }

    static let cacheHeader = HTTPField.Name("X-Cache")!

    /// Keeps a 200 answer's headers and body under `key`.
    func store(_ key: String, headers: HTTPFields, body: ByteBuffer) {
        guard body.readableBytes < maximumBytes / 64 else { return }
        state.withLock { state in
            state.tick += 1
            if let old = state.entries.updateValue(Entry(body: body, headers: headers, tick: state.tick), forKey: key) {
                state.bytes -= old.body.readableBytes
            }
            state.bytes += body.readableBytes
            if state.entries.count > maximumEntries || state.bytes > maximumBytes {
                // Keep the newer half.
                let ticks = state.entries.values.map(\.tick).sorted()
                let cut = ticks[ticks.count / 2]
                state.entries = state.entries.filter { $0.value.tick >= cut }
                state.bytes = state.entries.values.reduce(0) { $0 + $1.body.readableBytes }
            }
        }
    }

    /// The answer kept under `key`, or the one `make` gives, kept when the key is not nil.
    func answer(_ key: String?, make: () async throws -> (HTTPFields, ByteBuffer)) async throws -> Response {
        if let key, let hit = response(key) { return hit }
        let (headers, body) = try await make()
        if let key { store(key, headers: headers, body: body) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
