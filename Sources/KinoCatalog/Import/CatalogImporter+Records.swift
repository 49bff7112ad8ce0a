import Foundation

/// What merging a batch of source records (the weekly sync of scraped records) did to the catalog.
public struct RecordMergeReport: Codable, Sendable {
    /// Records given, after repeats of one record key were collapsed to the last.
    public var records = 0
    /// Records that made a film of their own.
    public var newFilms = 0
    /// Films that existed before and changed: a new record joined them or one of their records changed.
    public var updatedFilms = 0
    /// Records already in the catalog with the same content.
    public var unchangedRecords = 0
    /// Records refused whole, with the reason (a record without a title).
    public var rejected: [ImportIssue] = []
    /// Ids of the films that are new or changed.
    public var changedFilmIDs: [Int] = []

    public init() {}
}

extension CatalogImporter {
    /// Merges source records that did not come from dataset files (the scraper's staged records) into the catalog,
    /// in one transaction: the same merge as an import, so merging the same records again changes nothing.
    public func mergeRecords(_ records: [SourceRecord]) async throws -> RecordMergeReport {
        var report = RecordMergeReport()
        var latest: [RecordKey: SourceRecord] = [:]
        var order: [RecordKey] = []
        for record in records {
            if let issue = Self.rejection(of: record) {
                report.rejected.append(issue)
                continue
            }
            if latest.updateValue(record, forKey: record.key) == nil { order.append(record.key) }
        }
        report.records = order.count

        var merger = Merger(records: try await store.loadRecords(), people: try await store.loadPeople())
        let existingFilms = Set(merger.stored.values.map(\.filmID))
        let encoder = CatalogJSON.encoder()
        var counts = SourceReport(source: .scraped)
        // Sources in merge priority, and within one the order the records came in.
        let ordered = order.enumerated().sorted { lhs, rhs in
            (lhs.element.source, lhs.offset) < (rhs.element.source, rhs.offset)
        }
        for (_, key) in ordered {
            guard let record = latest[key] else { continue }
            try Self.merge(record, into: &merger, report: &counts, encoder: encoder)
        }
        report.unchangedRecords = counts.recordsUnchanged
        var changes = CatalogChanges()
        changes.films = merger.rebuildDirtyFilms()
        changes.records = merger.dirtyRecords.sorted().compactMap { merger.stored[$0] }
        changes.people = merger.people.changed.sorted().compactMap { merger.people.people[$0] }
        report.changedFilmIDs = changes.films.map(\.id)
        report.newFilms = changes.films.count { !existingFilms.contains($0.id) }
        report.updatedFilms = changes.films.count - report.newFilms
        if !changes.films.isEmpty || !changes.records.isEmpty {
            try await store.apply(changes)
        }
        return report
    }

    /// Why a record cannot join the catalog, if it cannot.
    static func rejection(of record: SourceRecord) -> ImportIssue? {
        let origin = record.origin ?? record.key.description
        if record.allTitles.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            return ImportIssue(origin: origin, message: "the record has no title")
        }
        if record.sourceID.isEmpty {
            return ImportIssue(origin: origin, message: "the record has no source id")
        }
        return nil
    }
}
