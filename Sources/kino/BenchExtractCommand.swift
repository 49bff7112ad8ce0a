import ArgumentParser
import Foundation
import KinoScraper

/// `kino bench extract`: extraction throughput on saved pages, on one thread.
///
/// Every page of the folder (recursively, `*.html`) is read into memory once, then each run extracts every page in
/// turn; the table gives the median over runs of pages/s and MB/s, and per page the median milliseconds. The corpus is
/// the project's real pages (`../shared/data/html-pages`). Measure a release build:
/// `swift build -c release --product kino && .build/release/kino bench extract --runs 20`.
struct BenchExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Measure page extraction throughput (pages/s, MB/s) on saved pages."
    )

    @Option(name: .long, help: "Timed runs over all pages.") var runs = 10
    @Option(name: .long, help: "The folder of saved pages.") var pages = "../shared/data/html-pages"

    func run() throws {
        let corpus = try loadPages()
        guard !corpus.isEmpty else { throw ValidationError("\(pages): no .html files") }
        let totalBytes = corpus.reduce(0) { $0 + $1.body.count }
        let fetchedAt = Date()
        // One warm-up run, which also checks that every page extracts.
        for page in corpus { _ = try PageExtractor.extract(page.body, url: page.url, contentType: nil, fetchedAt: fetchedAt) }

        var runSeconds: [Double] = []
        var pageSeconds = Array(repeating: [Double](), count: corpus.count)
        for _ in 0..<max(1, runs) {
            let runStart = ContinuousClock.now
            for (index, page) in corpus.enumerated() {
                let start = ContinuousClock.now
                _ = try PageExtractor.extract(page.body, url: page.url, contentType: nil, fetchedAt: fetchedAt)
                pageSeconds[index].append(Self.seconds(ContinuousClock.now - start))
            }
            runSeconds.append(Self.seconds(ContinuousClock.now - runStart))
        }
        let medianRun = Self.median(runSeconds)
        print("\(corpus.count) pages, \(String(format: "%.2f", Double(totalBytes) / 1e6)) MB, \(max(1, runs)) runs, one thread")
        print(String(format: "pages/s: %.1f   MB/s: %.1f   (median run %.1f ms)",
                     Double(corpus.count) / medianRun, Double(totalBytes) / 1e6 / medianRun, medianRun * 1000))
        print("")
        print("| page | KB | median ms |")
        print("|---|---|---|")
        for (index, page) in corpus.enumerated() {
            print(String(format: "| %@ | %d | %.2f |", page.name, page.body.count / 1024, Self.median(pageSeconds[index]) * 1000))
        }
    }

    private struct SavedPage {
        var name: String
        var url: URL
        var body: [UInt8]
    }

    private func loadPages() throws -> [SavedPage] {
        let root = URL(fileURLWithPath: pages, isDirectory: true)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationError("\(pages): cannot read the folder")
        }
        var found: [SavedPage] = []
        for case let file as URL in walker where file.pathExtension.lowercased() == "html" {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ValidationError("\(file.path): cannot read the file")
            }
            let name = file.path.hasPrefix(root.path) ? String(file.path.dropFirst(root.path.count + 1)) : file.lastPathComponent
            found.append(SavedPage(name: name, url: file, body: [UInt8](data)))
        }
        return found.sorted { $0.name < $1.name }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
