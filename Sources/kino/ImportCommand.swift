import ArgumentParser
import Foundation
import KinoCatalog

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import film datasets: finds every known dataset under the given files and folders, imports and merges them.",
        discussion: """
        Known datasets: TMDB 5000, MovieLens (films, links, ratings, tags), the Ministry of Culture registry, the Kinopoisk \
        API shapes (lists, full records, HD catalogue, unofficial API), the Kinopoisk 400 CSV and the IMDb top 1000. \
        The import is one transaction: if it fails, the catalog stays as it was. Importing the same files again changes nothing.
        """
    )

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "Files or folders to import.")
    var paths: [String]

    @Flag(name: .long, help: "Reject the whole import at the first malformed row (by default malformed rows are skipped and reported).")
    var stopOnError = false

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: "How many rejected rows and warnings to list per source.")
    var showIssues = 5

    func run() async throws {
        let bar = ProgressBar(enabled: !json && isatty(STDERR_FILENO) != 0)
        let started = ContinuousClock.now
        let report: ImportReport
        do {
            report = try await options.withStore { store in
                try await CatalogImporter(store: store).importPaths(paths, stopOnFirstError: stopOnError) { bar.show($0) }
            }
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        if json {
            print(try prettyJSON(report))
            return
        }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print(ImportReportText.render(report, issuesPerSource: showIssues))
        print(String(format: "done in %.1f s", seconds))
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal.
final class ProgressBar: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: CatalogImporter.Progress) {
        guard enabled else { return }
        let (label, fraction): (String, Double) = switch progress {
        case .reading(let file, let index, let count): ("reading \(file)", Double(index - 1) / Double(max(count, 1)))
        case .merging(let done, let total): ("merging \(done)/\(total) records", Double(done) / Double(max(total, 1)))
        case .writing: ("writing the catalog", 1)
        }
        let width = 30
        let filled = Int((fraction * Double(width)).rounded())
        let line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + label
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// The text form of an import report.
enum ImportReportText {
    static func render(_ report: ImportReport, issuesPerSource: Int) -> String {
        var lines: [String] = []
        let header = ["source", "read", "rejected", "warnings", "created", "merged", "updated", "unchanged"]
        var rows = [header]
        for source in report.sources {
            rows.append([source.source.rawValue, "\(source.recordsRead)", "\(source.rejected.count)", "\(source.warnings.count)",
                         "\(source.filmsCreated)", "\(source.filmsMerged)", "\(source.recordsUpdated)", "\(source.recordsUnchanged)"])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max()! }
        for row in rows {
            lines.append(row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[column] - text.count) + text
            }.joined(separator: "  "))
        }
        for source in report.sources {
            if source.duplicatesCollapsed > 0 {
                lines.append("\(source.source.rawValue): \(source.duplicatesCollapsed) repeated records collapsed")
            }
            for (kind, issues) in [("rejected", source.rejected), ("warning", source.warnings)] where !issues.isEmpty {
                for issue in issues.prefix(issuesPerSource) { lines.append("\(source.source.rawValue) \(kind): \(issue)") }
                if issues.count > issuesPerSource {
                    lines.append("\(source.source.rawValue): \(issues.count - issuesPerSource) more \(kind == "rejected" ? "rejected rows" : "warnings") (--show-issues N or --json lists them)")
                }
            }
        }
        if report.externalRatingsUnchanged {
            lines.append("external ratings: unchanged")
        } else if report.externalRatingsImported > 0 || report.externalTagsImported > 0 {
            lines.append("external ratings: \(report.externalRatingsImported) ratings, \(report.externalTagsImported) tags")
        }
        let broken = report.skippedFiles.filter { $0.contains("not valid JSON") }
        for file in broken { lines.append("skipped: \(file)") }
        if report.skippedFiles.count > broken.count {
            lines.append("\(report.skippedFiles.count - broken.count) files are not a known dataset and were skipped")
        }
        return lines.joined(separator: "\n")
    }
}
