import Foundation
import SQLKit
import Testing
@testable import KinoCatalog

/// The contract every catalog store keeps, run against SQLite and a real PostgreSQL cluster.
@Suite(.serialized)
struct StoreContractTests {
    /// A small catalog made by the real merge, written through the store.
    func sampleChanges() -> CatalogChanges {
        var avatar = SourceRecord(source: .tmdb, sourceID: "19995")
        avatar.titleEN = "Avatar"
        avatar.year = 2009
        avatar.genres = [.scienceFiction]
        avatar.countries = ["US"]
        avatar.credits = [SourceCredit(nameEN: "James Cameron", role: .director)]
        var brat = SourceRecord(source: .kinopoiskList, sourceID: "41519")
        brat.titleRU = "Брат"
        brat.titleOriginal = "Brat"
        brat.year = 1997
        brat.credits = [SourceCredit(nameRU: "Алексей Балабанов", kinopoiskID: 40174, role: .director)]
        var links = SourceRecord(source: .movielens, sourceID: "72998")
        links.titleEN = "Avatar"
        links.year = 2009
        links.externalIDs[.tmdb] = "19995"
        var merger = Merger(records: [], people: [])
        for record in [avatar, brat, links] { _ = merger.merge(record, hash: record.sourceID) }
        var changes = CatalogChanges()
        changes.films = merger.rebuildDirtyFilms()
        changes.records = merger.dirtyRecords.sorted().compactMap { merger.stored[$0] }
        changes.people = merger.people.changed.sorted().compactMap { merger.people.people[$0] }
        changes.externalRatings = [ExternalRating(userID: 1, movieID: 72998, rating: 4.5, timestamp: 1_000_000)]
        changes.fingerprints["movielens/ratings"] = "abc"
        return changes
    }

    @Test(arguments: StoreKind.allCases)
    func writesAndReadsBack(kind: StoreKind) async throws {
        try await kind.withFreshStore { store, _ in
            let changes = sampleChanges()
            try await store.apply(changes)
            let avatarID = try #require(try await store.filmID(for: ExternalID(.tmdb, "19995")))
            #expect(try await store.filmID(for: ExternalID(.movielens, "72998")) == avatarID)
            let avatar = try #require(try await store.film(id: avatarID))
            #expect(avatar == changes.films.first { $0.id == avatarID })
            #expect(try await store.filmID(for: ExternalID(.kinopoisk, "41519")) != nil)
            #expect(try await store.filmID(for: ExternalID(.kinopoisk, "1")) == nil)
            #expect(try await store.film(id: 999) == nil)
            #expect(try await store.records(ofFilm: avatarID).map(\.record.key.description) == ["tmdb:19995", "movielens:72998"].sorted())
            let director = try #require(avatar.credits.first)
            #expect(try await store.person(id: director.personID)?.nameEN == "James Cameron")
            #expect(try await store.loadPeople().count == 2)
            #expect(Set(try await store.loadRecords()) == Set(changes.records))
            #expect(try await store.films(after: 0, limit: 1).count == 1)
            #expect(try await store.films(after: 0, limit: 10).map(\.id) == changes.films.map(\.id).sorted())
            #expect(try await store.fingerprint(of: "movielens/ratings") == "abc")
            #expect(try await store.externalRatingCount() == 1)
            let stats = try await store.stats()
            #expect(stats.films == 2)
            #expect(stats.people == 2)
            #expect(stats.sourceRecords == 3)
            #expect(stats.filmsWithRussianAndEnglishTitles == 1)
            #expect(stats.filmsPerSource == ["tmdb": 1, "movielens": 1, "kinopoisk-list": 1])
            #expect(stats.recordsPerRule == ["new": 2, "external-id:tmdb": 1])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func rewritingAFilmReplacesIt(kind: StoreKind) async throws {
        try await kind.withFreshStore { store, _ in
            var changes = sampleChanges()
            try await store.apply(changes)
            changes.films[0].titleRU = "Новое название"
            changes.films[0].genres = [.drama, .comedy]
            changes.externalRatings = nil
            try await store.apply(changes)
            #expect(try await store.film(id: changes.films[0].id)?.titleRU == "Новое название")
            #expect(try await store.stats().films == 2)
            #expect(try await store.externalRatingCount() == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedWriteLeavesNothing(kind: StoreKind) async throws {
        try await kind.withFreshStore { store, _ in
            var changes = sampleChanges()
            changes.records.append(changes.records[0])  // the same key twice: the insert fails half-way
            await #expect(throws: (any Error).self) { try await store.apply(changes) }
            let stats = try await store.stats()
            #expect(stats.films == 0)
            #expect(stats.people == 0)
            #expect(stats.sourceRecords == 0)
            #expect(stats.externalRatings == 0)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func migrationsRunOnceAndANewerSchemaIsRefused(kind: StoreKind) async throws {
        try await kind.withFreshStore { store, url in
            try await store.apply(sampleChanges())
            let reopened = try await DatabaseURL.open(url)
            #expect(try await reopened.stats().films == 2, "reopening keeps the data and does not migrate again")
            let database = try #require(reopened as? any SQLBackedStore).catalog.database
            #expect(try await (reopened as! any SQLBackedStore).catalog.schemaVersion() == CatalogSchema.currentVersion)
            try await database.raw("INSERT INTO kino_schema (version) VALUES (\(bind: CatalogSchema.currentVersion + 1))").run()
            try await reopened.close()
            do {
                let refused = try await DatabaseURL.open(url)
                try? await refused.close()
                Issue.record("a database with a newer schema was opened")
            } catch let error as CatalogError {
                #expect(error.code == .schemaTooNew)
                #expect(error.message.contains("schema version \(CatalogSchema.currentVersion + 1)"))
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func importOfTheSameFilesTwiceChangesNothing(kind: StoreKind) async throws {
        try await kind.withFreshStore { store, _ in
            let importer = CatalogImporter(store: store)
            let first = try await importer.importPaths([TestData.fixtures])
            let stats = try await store.stats()
            let records = Set(try await store.loadRecords())
            let second = try await importer.importPaths([TestData.fixtures])
            #expect(try await store.stats() == stats)
            #expect(Set(try await store.loadRecords()) == records)
            for report in second.sources {
                #expect(report.filmsCreated == 0 && report.filmsMerged == 0 && report.recordsUpdated == 0, "\(report.source)")
                #expect(report.recordsUnchanged == report.recordsRead)
            }
            #expect(second.externalRatingsUnchanged)
            #expect(first.sources.reduce(0) { $0 + $1.filmsCreated } == stats.films)
            #expect(stats.externalRatings == (try MovieLensOracle.lineCount(TestData.fixtures + "/movielens-small/ratings.csv")))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func snapshotsRoundTrip(kind: StoreKind) async throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("catalog.jsonl.gz").path
        let (stats, avatar) = try await kind.withFreshStore { store, _ in
            _ = try await CatalogImporter(store: store).importPaths([TestData.fixtures])
            let header = try await CatalogSnapshot.export(from: store, to: path)
            #expect(header.films == (try await store.stats().films))
            let id = try #require(try await store.filmID(for: ExternalID(.tmdb, "19995")))
            return (try await store.stats(), try await store.film(id: id))
        }
        try await kind.withFreshStore { store, _ in
            try await CatalogSnapshot.load(path, into: store)
            var loaded = try await store.stats()
            loaded.externalRatings = stats.externalRatings
            loaded.externalTags = stats.externalTags
            #expect(loaded == stats, "everything but the external ratings set travels in a snapshot")
            let id = try #require(try await store.filmID(for: ExternalID(.tmdb, "19995")))
            #expect(try await store.film(id: id) == avatar)
            await #expect(throws: CatalogError.self) { try await CatalogSnapshot.load(path, into: store) }
        }
    }

    @Test func corruptSnapshotsAreRefused() async throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("catalog.jsonl.gz").path
        try await StoreKind.sqlite.withFreshStore { store, _ in
            _ = try await CatalogImporter(store: store).importPaths([TestData.fixtures])
            _ = try await CatalogSnapshot.export(from: store, to: path)
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = directory.appendingPathComponent("truncated.jsonl.gz").path
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let foreign = directory.appendingPathComponent("foreign.jsonl.gz").path
        try Data("{\"format\": \"kino-catalog\", \"version\": 99, \"films\": 0, \"people\": 0, \"records\": 0}\n".utf8).write(to: URL(fileURLWithPath: foreign))
        for (file, code) in [(truncated, CatalogError.Code.corruptSnapshot), (foreign, .snapshotTooNew)] {
            try await StoreKind.sqlite.withFreshStore { store, _ in
                do {
                    try await CatalogSnapshot.load(file, into: store)
                    Issue.record("\(file) loaded")
                } catch let error as CatalogError {
                    #expect(error.code == code)
                    #expect(error.message.contains(file))
                }
                #expect(try await store.stats().films == 0)
            }
        }
    }
}
