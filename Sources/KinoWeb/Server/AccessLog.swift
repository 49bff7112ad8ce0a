#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The access log: a line per request on standard output, written in batches.
///
/// Writing (and flushing) a line per request through the logging system costs more than answering a cached
/// search, so lines gather in a buffer that is written when it holds 64 KiB, every 200 ms (``run()``), and at
/// shutdown. A line reads like the logger's: `2026-11-28T02:11:50+0000 info kino: request_id=… ms=1.94 GET /path 200`.
public final class AccessLog: Service, Sendable {
    static let flushBytes = 64 * 1024
    private let buffer = Mutex<[UInt8]>([])
    /// Whether lines are kept at all: the log level is `info` or more verbose.
    let enabled: Bool
    private let label: String
    private let descriptor: Int32

    public init(logLevel: Logger.Level, label: String = "kino", descriptor: Int32 = STDOUT_FILENO) {
        enabled = logLevel <= .info
        self.label = label
        self.descriptor = descriptor
    }

    /// Adds the line of one request.
    func record(method: String, path: Substring, status: Int, milliseconds: Double, requestID: String) {
        guard enabled else { return }
        var line = Self.timestamp()
        line += " info \(label): request_id=\(requestID) ms=\((milliseconds * 100).rounded() / 100) \(method) \(path) \(status)\n"
        let full: [UInt8]? = buffer.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            guard buffer.count >= Self.flushBytes else { return nil }
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if let full { write(full) }
    }

    /// Writes what the buffer holds.
    public func flush() {
        let pending = buffer.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if !pending.isEmpty { write(pending) }
    }

    /// Flushes every 200 ms until shutdown, then once more.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(200))
            flush()
        }
        flush()
    }

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var text = [CChar](repeating: 0, count: 32)
        let count = strftime(&text, text.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: text[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
