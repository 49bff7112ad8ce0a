import Foundation
import KinoScraper

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

    /// The bytes of a saved page under `html-pages`.
    static func pageBytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent("html-pages").appendingPathComponent(relativePath)))
    }

    /// A saved page extracted as if fetched from `url`.
    static func extract(_ relativePath: String, url: String) throws -> ExtractedPage {
        guard let pageURL = URL(string: url) else { throw ScraperError(.invalidURL, url) }
        return try PageExtractor.extract(try pageBytes(relativePath), url: pageURL, contentType: "text/html; charset=utf-8",
                                         fetchedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }
}
