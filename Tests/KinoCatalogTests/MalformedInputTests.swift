import Foundation
import Testing
@testable import KinoCatalog

/// Bad input is reported with file and line, skipped or rejecting the whole import as asked, and never half-written.
struct MalformedInputTests {
    static let movieLensHeader = "movieId,title,genres\n"

    /// Writes a dataset file into a fresh folder.
    func folder(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let directory = try TestData.temporaryDirectory()
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        return directory
    }

    func folder(_ name: String, _ text: String) throws -> URL { try folder(name, Array(text.utf8)) }

    @Test func wrongColumnCountIsRejectedWithItsLine() throws {
        let directory = try folder("movies.csv", Self.movieLensHeader + "1,Toy Story (1995),Animation\n2,Jumanji (1995)\n3,Heat (1995),Action,extra\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try readDatasets([directory.path])
        #expect(context.records[.movielens]?.map(\.sourceID) == ["1"])
        let rejected = context.reports[.movielens]?.rejected ?? []
        #expect(rejected.map(\.origin) == ["movies.csv:3", "movies.csv:4"])
        #expect(rejected[0].message == "expected 3 fields, found 2")
    }

    @Test func unparsableNumberIsRejected() throws {
        let directory = try folder("movies.csv", Self.movieLensHeader + "x1,Toy Story (1995),Animation\n2,Jumanji (1995),Adventure\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try readDatasets([directory.path])
        let rejected = try #require(context.reports[.movielens]?.rejected.first)
        #expect(rejected.origin == "movies.csv:2")
        #expect(rejected.message.contains("'x1' is not a whole number"))
        #expect(context.records[.movielens]?.count == 1)
    }

    @Test func invalidUTF8IsRejectedWithItsLine() throws {
        var bytes = Array((Self.movieLensHeader + "1,Toy Story (1995),Animation\n2,").utf8)
        bytes += [0xFF, 0xFE, 0x41]
        bytes += Array(" (1995),Drama\n3,Heat (1995),Action\n".utf8)
        let directory = try folder("movies.csv", bytes)
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try readDatasets([directory.path])
        #expect(context.reports[.movielens]?.rejected.map(\.description) == ["movies.csv:3: the row is not valid UTF-8"])
        #expect(context.records[.movielens]?.map(\.sourceID) == ["1", "3"])
    }

    @Test func unterminatedQuoteIsRejected() throws {
        let directory = try folder("movies.csv", Self.movieLensHeader + "1,Toy Story (1995),Animation\n2,\"Jumanji (1995),Adventure\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try readDatasets([directory.path])
        #expect(context.reports[.movielens]?.rejected.first?.description == "movies.csv:3: a quoted field is never closed")
    }

    @Test func brokenJSONNamesTheFileAndLine() throws {
        let directory = try folder("list.json", "{\"docs\": [\n  {\"id\": 1, \"name\": \"Брат\"},,\n]}")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("list.json").path
        // Named on its own, the file is an error that says where it broke.
        do {
            _ = try DatasetFile.discover([file])
            Issue.record("broken JSON was accepted")
        } catch let error as CatalogError {
            #expect(error.code == .malformedRecord)
            #expect(error.message.hasPrefix("\(file):2: not valid JSON"))
        }
        // Inside a folder, it is listed as skipped with the reason, and the rest of the folder still imports.
        let found = try DatasetFile.discover([directory.path])
        #expect(found.files.isEmpty)
        #expect(found.skipped.count == 1)
        #expect(found.skipped.first?.contains("list.json:2: not valid JSON") == true)
    }

    @Test func aFileThatIsNoDatasetIsAnError() throws {
        let directory = try folder("notes.csv", "a,b,c\n1,2,3\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: CatalogError.self) { try DatasetFile.discover([directory.appendingPathComponent("notes.csv").path]) }
        #expect(try DatasetFile.discover([directory.path]).skipped.count == 1)
    }

    @Test func badItemsOfAJSONListAreRejectedByPosition() throws {
        let directory = try folder("list.json", #"{"docs": [{"id": 41519, "name": "Брат", "year": 1997}, {"name": "без id"}, 7]}"#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try readDatasets([directory.path])
        #expect(context.records[.kinopoiskList]?.map(\.sourceID) == ["41519"])
        #expect(context.reports[.kinopoiskList]?.rejected.map(\.description) == [
            "list.json#2: id is missing or not positive", "list.json#3: the item is not an object",
        ])
    }

    @Test(arguments: StoreKind.allCases)
    func stopOnErrorRejectsTheWholeImportAndKeepsTheCatalog(kind: StoreKind) async throws {
        try await kind.withFreshStore { store, _ in
            let importer = CatalogImporter(store: store)
            _ = try await importer.importPaths([TestData.fixtures])
            let before = try await store.stats()
            let directory = try folder("movies.csv", Self.movieLensHeader + "900001,Good Film (2001),Drama\n900002,Broken\n")
            defer { try? FileManager.default.removeItem(at: directory) }
            await #expect(throws: CatalogError.self) {
                _ = try await importer.importPaths([directory.path], stopOnFirstError: true)
            }
            #expect(try await store.stats() == before)
            #expect(try await store.filmID(for: ExternalID(.movielens, "900001")) == nil)
            // Without the flag the good row goes in and the broken one is reported.
            let report = try await importer.importPaths([directory.path])
            #expect(report.sources.first?.rejected.map(\.origin) == ["movies.csv:3"])
            #expect(try await store.filmID(for: ExternalID(.movielens, "900001")) != nil)
        }
    }

    @Test func missingPathIsAClearError() async throws {
        try await StoreKind.sqlite.withFreshStore { store, _ in
            do {
                _ = try await CatalogImporter(store: store).importPaths(["/nonexistent/kino-data"])
                Issue.record("importing a missing path succeeded")
            } catch let error as CatalogError {
                #expect(error.code == .unreadable)
                #expect(error.message.contains("/nonexistent/kino-data"))
            }
        }
    }
}
