import ArgumentParser
import Foundation
import KinoCatalog
import KinoScraper

/// `kino sync`: merges the staging store into the catalog in one transaction and builds a new index generation.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Merge staged records into the catalog (one transaction), then build and switch to a new index generation.",
        discussion: "Running it again with nothing new staged changes nothing. With --every it runs on a schedule (e.g. 7d for weekly) until stopped."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "The staging database (env KINO_STAGING_URL; default sqlite://staging.sqlite).") var staging: String?
    @Option(name: .long, help: "The index folder.") var indexDir = "IndexData"
    @Flag(name: .long, help: "Merge only; build no index.") var noIndex = false
    @Option(name: .long, help: "Run again after this long, until stopped: 30m, 12h, 7d.") var every: String?

    func validate() throws {
        if let every, Self.interval(every) == nil { throw ValidationError("--every '\(every)' is not a duration like 30m, 12h or 7d") }
    }

    func run() async throws {
        guard let every, let interval = Self.interval(every) else {
            try await syncOnce()
            return
        }
        while !Task.isCancelled {
            do {
                try await syncOnce()
            } catch {
                printError("sync failed: \(error)")
            }
            try await Task.sleep(for: interval)
        }
    }

    private func syncOnce() async throws {
        let store = try await StagingStore.open(stagingURL(staging))
        do {
            let report = try await database.withStore { catalog in
                try await CatalogSync(staging: store, catalog: catalog, indexRoot: indexDir).run(buildIndex: !noIndex)
            }
            try await store.close()
            let merge = report.merge
            print("staged \(report.staged) records: \(merge.newFilms) new films, \(merge.updatedFilms) updated, \(merge.unchangedRecords) records unchanged, \(merge.rejected.count) rejected")
            for issue in merge.rejected.prefix(10) { print("  rejected \(issue)") }
            if let index = report.index {
                print(String(format: "index: generation %@, %d films in %.2f s", index.generation, index.films, index.seconds))
            } else if !noIndex {
                print("index: unchanged")
            }
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// `30m`, `12h`, `7d`, `90s`.
    static func interval(_ text: String) -> Duration? {
        guard let unit = text.last, let value = Int(text.dropLast()), value > 0 else { return nil }
        switch unit {
        case "s": return .seconds(value)
        case "m": return .seconds(value * 60)
        case "h": return .seconds(value * 3600)
        case "d": return .seconds(value * 86_400)
        default: return nil
        }
    }
}
