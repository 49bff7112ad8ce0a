import Foundation

/// Seeds a fresh catalog from the shipped demo catalog snapshot.
public enum CatalogSeeder {
    /// Where the demo catalog lives in a checkout.
    public static let defaultSnapshotPath = "IndexData/demo-catalog.jsonl.gz"

    /// Loads the snapshot when the catalog has no films; returns whether it did.
    @discardableResult
    public static func seedIfEmpty(_ store: any CatalogStore, snapshot path: String = defaultSnapshotPath) async throws -> Bool {
        guard try await store.stats().films == 0 else { return false }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CatalogError(.unreadable, "the catalog is empty and the demo catalog \(path) is missing: run kino from the project folder or import datasets with kino import")
        }
        try await CatalogSnapshot.load(path, into: store)
        return true
    }
}
