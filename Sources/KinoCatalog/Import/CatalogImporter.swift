import Foundation

/// Imports datasets into a catalog: finds the dataset files under the given paths, reads them into source records,
/// merges those into films (the same merge the weekly sync uses) and writes the result in one transaction.
/// Importing the same files again changes nothing.
public struct CatalogImporter: Sendable {
    /// Progress of a running import, for a progress bar.
    public enum Progress: Sendable {
        case reading(file: String, index: Int, of: Int)
        case merging(done: Int, of: Int)
        case writing
    }

    let store: any CatalogStore

    public init(store: any CatalogStore) {
        self.store = store
    }

    /// Imports the datasets under `paths`. With `stopOnFirstError` a malformed row fails the whole import (and
    /// nothing is written); otherwise it is skipped and reported.
    public func importPaths(_ paths: [String], stopOnFirstError: Bool = false,
                            progress: @Sendable (Progress) -> Void = { _ in }) async throws -> ImportReport {
        let (files, skipped) = try DatasetFile.discover(paths)
        guard !files.isEmpty else {
            throw CatalogError(.nothingToImport, "no known dataset under \(paths.joined(separator: ", "))")
        }
        var context = ImportContext(stopOnFirstError: stopOnFirstError)
        for (index, file) in files.enumerated() {
            progress(.reading(file: file.url.lastPathComponent, index: index + 1, of: files.count))
            try Self.read(file, into: &context)
        }
        MovieLensImporter.finish(&context)
        MKRFImporter.finish(&context)

        var report = ImportReport()
        report.skippedFiles = skipped
        var changes = CatalogChanges()
        let ratingFiles = files.filter { $0.kind == .movielensRatings || $0.kind == .movielensTags }
        if !ratingFiles.isEmpty {
            var fingerprint = Fingerprint()
            for file in ratingFiles { fingerprint.combine(try Data(contentsOf: file.url)) }
            if try await store.fingerprint(of: "movielens/ratings") == fingerprint.hex {
                report.externalRatingsUnchanged = true
            } else {
                changes.externalRatings = context.externalRatings
                changes.externalTags = context.externalTags
                changes.fingerprints["movielens/ratings"] = fingerprint.hex
                report.externalRatingsImported = context.externalRatings?.count ?? 0
                report.externalTagsImported = context.externalTags?.count ?? 0
            }
        }

        var merger = Merger(records: try await store.loadRecords(), people: try await store.loadPeople())
        let encoder = CatalogJSON.encoder()
        let total = context.records.values.reduce(0) { $0 + $1.count }
        var done = 0
        for source in Source.allCases {
            guard var sourceReport = context.reports[source] else { continue }
            let (records, collapsed) = Self.collapseDuplicates(context.records[source] ?? [])
            sourceReport.recordsRead = records.count
            sourceReport.duplicatesCollapsed = collapsed
            for record in records {
                try Self.merge(record, into: &merger, report: &sourceReport, encoder: encoder)
                done += 1
                if done % 2000 == 0 { progress(.merging(done: done, of: total)) }
            }
            report.sources.append(sourceReport)
        }
        progress(.writing)
        changes.films = merger.rebuildDirtyFilms()
        changes.records = merger.dirtyRecords.sorted().compactMap { merger.stored[$0] }
        changes.people = merger.people.changed.sorted().compactMap { merger.people.people[$0] }
        try await store.apply(changes)
        return report
    }

    /// Merges one record and counts what it did.
    static func merge(_ record: SourceRecord, into merger: inout Merger, report: inout SourceReport,
                      encoder: JSONEncoder) throws {
        switch merger.merge(record, hash: try record.contentHash(using: encoder)) {
        case .created: report.filmsCreated += 1
        case .merged: report.filmsMerged += 1
        case .updated: report.recordsUpdated += 1
        case .unchanged: report.recordsUnchanged += 1
        }
    }

    static func read(_ file: DatasetFile, into context: inout ImportContext) throws {
        switch file.kind {
        case .tmdbMovies: try TMDBImporter.read(file.url, into: &context)
        case .movielensMovies: try MovieLensImporter.readMovies(file.url, into: &context)
        case .movielensLinks: try MovieLensImporter.readLinks(file.url, into: &context)
        case .movielensRatings: try MovieLensImporter.readRatings(file.url, into: &context)
        case .movielensTags: try MovieLensImporter.readTags(file.url, into: &context)
        case .mkrfMovies: try MKRFImporter.read(file.url, into: &context)
        case .mkrfShows: try MKRFImporter.readShows(file.url, into: &context)
        case .kinopoisk400: try Kinopoisk400Importer.read(file.url, into: &context)
        case .imdbTop: try IMDbTopImporter.read(file.url, into: &context)
        case .kinopoiskList: try KinopoiskAPIImporter.readList(file.url, into: &context)
        case .kinopoiskFull: try KinopoiskAPIImporter.readFull(file.url, into: &context)
        case .kinopoiskHD: try KinopoiskCatalogueImporter.readHD(file.url, into: &context)
        case .kinopoiskUnofficial: try KinopoiskCatalogueImporter.readUnofficial(file.url, into: &context)
        }
    }

    /// Collapses records a source repeats (the Kinopoisk HD catalogue lists films several times) into one per id:
    /// the fullest record, with the genres and countries of all of them.
    static func collapseDuplicates(_ records: [SourceRecord]) -> (records: [SourceRecord], collapsed: Int) {
        var order: [String] = []
        var groups: [String: [SourceRecord]] = [:]
        for record in records {
            if groups[record.sourceID] == nil { order.append(record.sourceID) }
            groups[record.sourceID, default: []].append(record)
        }
        let encoder = CatalogJSON.encoder()
        let merged = order.map { id -> SourceRecord in
            let group = groups[id]!
            guard group.count > 1 else { return group[0] }
            var best = group.max { ((try? encoder.encode($0).count) ?? 0) < ((try? encoder.encode($1).count) ?? 0) }!
            for other in group {
                for genre in other.genres where !best.genres.contains(genre) { best.genres.append(genre) }
                for country in other.countries where !best.countries.contains(country) { best.countries.append(country) }
            }
            return best
        }
        return (merged, records.count - merged.count)
    }
}
