import Foundation
import KinoCatalog
import KinoIndex
import KinoSearch

/// The weekly sync: merges what the scraper staged into the catalog in one transaction (the merge of `kino import`),
/// then builds a new index generation and makes it current, so running servers pick it up.
///
/// A sync of records the catalog already holds changes nothing and builds no index (unless there is none yet).
public struct CatalogSync: Sendable {
    /// What a sync did.
    public struct Report: Sendable {
        /// Records in the staging store.
        public var staged: Int
        public var merge: RecordMergeReport
        /// The new generation, when one was built.
        public var index: IndexBuilder.Report?
    }

    let staging: StagingStore
    let catalog: any CatalogStore
    let indexRoot: String

    public init(staging: StagingStore, catalog: any CatalogStore, indexRoot: String) {
        self.staging = staging
        self.catalog = catalog
        self.indexRoot = indexRoot
    }

    /// Merges every staged record; builds a new generation when films changed, when there is no generation yet, or
    /// when an earlier sync merged but did not build one.
    ///
    /// The catalog transaction and the index build cannot be one transaction, so a sync leaves a marker
    /// (``pendingMarker`` in the index folder) from before its merge until its index is built: a sync that dies or
    /// fails between the two, or runs with `buildIndex: false`, leaves it, and the next sync builds the index even if
    /// its own records change nothing. The catalog is never half-merged and the index never stays behind it.
    public func run(buildIndex: Bool = true) async throws -> Report {
        let records = try await staging.records()
        let marker = URL(fileURLWithPath: indexRoot).appendingPathComponent(Self.pendingMarker)
        let unfinished = FileManager.default.fileExists(atPath: marker.path)
        try markPending(marker)
        let merge = try await CatalogImporter(store: catalog).mergeRecords(records)
        var report = Report(staged: records.count, merge: merge, index: nil)
        let hasGeneration = (try? IndexGenerations(root: indexRoot).current()) != nil
        let needsIndex = !merge.changedFilmIDs.isEmpty || !hasGeneration || unfinished
        if buildIndex, needsIndex {
            report.index = try await IndexBuilder(store: catalog, root: indexRoot).build()
        }
        if buildIndex || !needsIndex {
            try? FileManager.default.removeItem(at: marker)
        }
        return report
    }

    /// The file that says a sync merged records whose index is not built yet.
    public static let pendingMarker = "SYNC-PENDING"

    private func markPending(_ marker: URL) throws {
        do {
            try FileManager.default.createDirectory(at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("a sync merged records into the catalog; its index generation is not built yet\n".utf8).write(to: marker, options: .atomic)
        } catch {
            throw ScraperError(.staging, "\(marker.path): cannot write the sync marker: \(error)")
        }
    }
}
