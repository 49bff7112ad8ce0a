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

    /// Merges every staged record; builds a new generation when films changed or there is no generation yet.
    public func run(buildIndex: Bool = true) async throws -> Report {
        let records = try await staging.records()
        let merge = try await CatalogImporter(store: catalog).mergeRecords(records)
        var report = Report(staged: records.count, merge: merge, index: nil)
        let hasGeneration = (try? IndexGenerations(root: indexRoot).current()) != nil
        if buildIndex, !merge.changedFilmIDs.isEmpty || !hasGeneration {
            report.index = try await IndexBuilder(store: catalog, root: indexRoot).build()
        }
        return report
    }
}
