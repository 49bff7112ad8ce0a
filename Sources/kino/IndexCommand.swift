import ArgumentParser
import Foundation
import KinoCatalog
import KinoSearch

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build, verify and describe the film index.",
        subcommands: [Build.self, Verify.self, Stats.self]
    )
}

extension IndexCommand {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build a new index generation from the catalog and make it current.")

        @OptionGroup var options: ReadOptions
        @Option(name: .long, help: "The index folder (generations and CURRENT live here).") var out = "IndexData"
        @Option(name: .long, help: ArgumentHelp("Build from a catalog snapshot file instead of the catalog database.", valueName: "file"))
        var snapshot: String?

        func run() async throws {
            let report: IndexBuilder.Report
            if let snapshot {
                report = try IndexBuilder.build(snapshot: snapshot, root: out)
            } else {
                report = try await options.withStore { store in try await IndexBuilder(store: store, root: out).build() }
            }
            print(String(format: "built %@: %d films in %.2f s (%.0f films/s), %.1f MB", report.generation, report.films,
                         report.seconds, report.filmsPerSecond, Double(report.bytes) / 1_048_576))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open the current generation and check every file's header, footer and checksum.")

        @Argument(help: "The index folder.") var folder = "IndexData"

        func run() throws {
            let index = try FilmIndex.open(root: folder)
            print("generation \(index.generation): \(index.segment.docCount) films, \(index.files().count) files, all valid")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Films, terms and file sizes of the current generation.")

        @Argument(help: "The index folder.") var folder = "IndexData"

        func run() throws {
            let index = try FilmIndex.open(root: folder)
            print("generation  \(index.generation)")
            print("films       \(index.segment.docCount)")
            print("terms       \(index.segment.terms.count)")
            for field in index.segment.schema.fields {
                print(String(format: "  %-12@ average length %.1f", field.name, index.segment.averageLength(field: field.id)))
            }
            var total = 0
            for file in index.files() {
                total += file.bytes
                print(String(format: "  %-16@ %10d bytes", file.name, file.bytes))
            }
            print(String(format: "  %-16@ %10d bytes", "total", total))
        }
    }
}
