import Foundation

/// The project's shared real data (`../shared/data` beside the package root, or `KINO_SHARED_DATA`).
enum TestData {
    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["KINO_SHARED_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data", isDirectory: true)
    }

    /// The lines of a UTF-8 file under the data directory, without line terminators or a final empty line.
    static func lines(_ relativePath: String) throws -> [String] {
        let data = try Data(contentsOf: directory.appendingPathComponent(relativePath))
        var lines = String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" {
            lines.removeLast()
        }
        return lines
    }
}
