import Foundation
import KinoCatalog
import KinoIndex
import KinoText
import Testing
@testable import KinoSearch

/// Index generations built from a real (fixture) catalog.
@Suite(.serialized)
struct IndexBuildTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../KinoCatalogTests/Fixtures/datasets").standardized.path

    /// A catalog of the fixture datasets in a temporary SQLite file, and an index folder beside it.
    func withCatalog(_ body: (any CatalogStore, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try await DatabaseURL.open("sqlite://\(folder)/catalog.sqlite")
        do {
            _ = try await CatalogImporter(store: store).importPaths([Self.fixtures])
            try await body(store, folder + "/index")
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    func allFilms(_ store: any CatalogStore) async throws -> [Film] {
        try await store.films(after: 0, limit: 100_000)
    }

    @Test func everyFilmBecomesADocumentWithItsStoredFieldsAndColumns() async throws {
        try await withCatalog { store, root in
            let report = try await IndexBuilder(store: store, root: root).build()
            let films = try await allFilms(store)
            #expect(report.generation == "g000001")
            #expect(report.films == films.count)
            #expect(try IndexGenerations(root: root).current() == "g000001")

            let index = try FilmIndex.open(root: root)
            #expect(index.segment.docCount == films.count)
            for doc in 0..<UInt32(index.segment.docCount) {
                let stored = try #require(index.film(doc))
                let film = try #require(films.first { $0.id == stored.id })
                #expect(stored.title == film.displayTitle)
                #expect(index.segment.columns.u32(FilmSchema.filmID, doc: doc) == UInt32(film.id))
                #expect(index.segment.columns.i32(FilmSchema.year, doc: doc) == Int32(film.year ?? 0))
                let genres = try #require(index.segment.columns.values(FilmSchema.genres, doc: doc))
                #expect(genres.compactMap(FilmSchema.genre(from:)) == film.genres)
                let countries = try #require(index.segment.columns.values(FilmSchema.countries, doc: doc))
                #expect(countries.compactMap(FilmSchema.country(from:)) == film.countries)
            }
        }
    }

    @Test func titlesInBothScriptsAndPeopleAreSearchableTerms() async throws {
        try await withCatalog { store, root in
            _ = try await IndexBuilder(store: store, root: root).build()
            let index = try FilmIndex.open(root: root)
            let analyzer = Analyzer()
            func docs(_ field: FieldID, _ word: String) throws -> [Int] {
                let term = try #require(analyzer.terms(word).first)
                guard var cursor = index.segment.postings(field: field, term: term) else { return [] }
                var ids: [Int] = []
                while cursor.doc != DocID.terminated {
                    ids.append(index.film(cursor.doc)?.id ?? -1)
                    _ = cursor.next()
                }
                return ids
            }
            let avatarID = try #require(try await store.filmID(for: ExternalID(.tmdb, "19995")))
            #expect(try docs(FilmSchema.titles, "Avatar") == [avatarID])
            #expect(try docs(FilmSchema.titles, "Аватар") == [avatarID])
            #expect(try docs(FilmSchema.people, "Cameron").contains(avatarID))
            #expect(try docs(FilmSchema.people, "Кэмерон").contains(avatarID))
            #expect(try docs(FilmSchema.labels, "фантастика").contains(avatarID))
            let bratID = try #require(try await store.filmID(for: ExternalID(.kinopoisk, "41519")))
            #expect(try docs(FilmSchema.titles, "Брат").contains(bratID))
            #expect(try docs(FilmSchema.titles, "Brother").contains(bratID))
        }
    }

    @Test func aNewBuildSwitchesCurrentAndADamagedOneIsRefused() async throws {
        try await withCatalog { store, root in
            _ = try await IndexBuilder(store: store, root: root).build()
            // A server reading the first generation keeps it on disk through the second build.
            let server = try LiveIndex(root: root)
            let second = try await IndexBuilder(store: store, root: root).build()
            #expect(second.generation == "g000002")
            #expect(try FilmIndex.open(root: root).generation == "g000002")
            #expect(IndexGenerations(root: root).all() == ["g000001", "g000002"])

            // Flip one byte in the middle of the postings of the current generation.
            let postings = IndexGenerations(root: root).path(of: "g000002") + "/postings.kix"
            var bytes = try #require(FileManager.default.contents(atPath: postings))
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: postings))
            do {
                _ = try FilmIndex.open(root: root)
                Issue.record("a damaged generation opened")
            } catch let error as SearchError {
                #expect(error.code == .corruptIndex)
                #expect(error.message.contains("postings.kix"))
            }
            // The previous generation still opens.
            #expect(try FilmIndex.open(root: root, generation: "g000001").segment.docCount == second.films)
            #expect(server.generation == "g000001")
        }
    }

    @Test func aSnapshotBuildsTheSameIndexAndOneOutOfOrderIsRefused() async throws {
        try await withCatalog { store, root in
            let fromStore = try await IndexBuilder(store: store, root: root).build()
            let snapshot = root + "-catalog.jsonl.gz"
            defer { try? FileManager.default.removeItem(atPath: snapshot) }
            _ = try await CatalogSnapshot.export(from: store, to: snapshot)
            let fromSnapshot = try IndexBuilder.build(snapshot: snapshot, root: root)
            #expect(fromSnapshot.generation == "g000002" && fromSnapshot.films == fromStore.films)
            let index = try FilmIndex.open(root: root)
            let films = try await allFilms(store)
            #expect((0..<DocID(index.segment.docCount)).map { index.film($0)?.id } == films.map(\.id))

            // Films must come in id order: a snapshot listing them backwards is refused, and CURRENT stays.
            let backwards = root + "-backwards.jsonl.gz"
            defer { try? FileManager.default.removeItem(atPath: backwards) }
            var remaining = films
            try CatalogSnapshot.write(to: backwards, people: [], filmCount: films.count) { remaining.popLast() }
            do {
                _ = try IndexBuilder.build(snapshot: backwards, root: root)
                Issue.record("a snapshot out of id order was indexed")
            } catch let error as SearchError {
                #expect(error.message.contains("comes after film"))
            }
            #expect(try IndexGenerations(root: root).current() == "g000002")
            #expect(try FilmIndex.open(root: root).segment.docCount == films.count)
        }
    }

    @Test func currentMustNameAGeneration() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kino-current-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try IndexGenerations(root: root).current() == nil)
        #expect(throws: SearchError.self) { try FilmIndex.open(root: root) }
        try Data("../../etc\n".utf8).write(to: URL(fileURLWithPath: root + "/CURRENT"))
        do {
            _ = try IndexGenerations(root: root).current()
            Issue.record("CURRENT naming a path was followed")
        } catch {
            #expect(error.code == .corrupt)
        }
    }
}
