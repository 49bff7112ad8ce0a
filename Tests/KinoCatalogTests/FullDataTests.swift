import Foundation
import Testing
@testable import KinoCatalog

/// The real datasets of `../shared/data`, whole.
@Suite(.serialized)
struct FullDataTests {
    @Test func everyGenreAndCountryWordMaps() throws {
        let context = try readDatasets([TestData.shared])
        let unmapped = context.reports.values.flatMap { report in
            report.warnings.filter { $0.message.hasPrefix("unknown genre") || $0.message.hasPrefix("unknown country") }
                .map { "\(report.source.rawValue) \($0)" }
        }
        #expect(unmapped.isEmpty, "\(unmapped.prefix(20))")
        #expect(Set(context.records.keys).isSuperset(of: [.tmdb, .movielens, .mkrf, .kinopoisk400, .imdbTop, .kinopoiskList,
                                                        .kinopoiskFull, .kinopoiskHD, .kinopoiskUnofficial]))
    }

    @Test func sqliteAndPostgresAgreeOnTheWholeImport() async throws {
        var statsByStore: [StoreKind: CatalogStats] = [:]
        for kind in StoreKind.allCases {
            statsByStore[kind] = try await kind.withFreshStore { store, _ in
                let report = try await CatalogImporter(store: store).importPaths([TestData.shared])
                #expect(report.totalRejected < 10, "\(report.sources.flatMap(\.rejected))")

                let avatarID = try #require(try await store.filmID(for: ExternalID(.tmdb, "19995")))
                let avatar = try #require(try await store.film(id: avatarID))
                #expect(avatar.titleEN == "Avatar" && avatar.year == 2009)
                #expect(avatar.externalIDs[.movielens] == "72998")
                #expect(avatar.externalIDs[.imdb] == "tt0499549")
                #expect(avatar.titleRU == "Аватар")

                let bratID = try #require(try await store.filmID(for: ExternalID(.kinopoisk, "41519")))
                let brat = try #require(try await store.film(id: bratID))
                #expect(brat.titleRU == "Брат" && brat.year == 1997)
                #expect(brat.titleOriginal == "Brat")

                // Films of the Kinopoisk lists of Russian and Soviet films carry both a Russian and an original title.
                let records = try await store.loadRecords().filter { $0.record.source == .kinopoiskList }
                #expect(records.count == 1000)
                let films = records.filter { $0.record.origin?.hasPrefix("rus-movies") == true || $0.record.origin?.hasPrefix("ussr-movies") == true }
                #expect(films.count == 500)
                for filmID in Set(films.map(\.filmID)).sorted() {
                    let film = try #require(try await store.film(id: filmID))
                    #expect(film.titleRU != nil && film.titleOriginal != nil, "\(film.id) \(film.displayTitle)")
                }
                let second = try await CatalogImporter(store: store).importPaths([TestData.shared])
                #expect(second.sources.allSatisfy { $0.recordsUnchanged == $0.recordsRead }, "a second import changes nothing")
                return try await store.stats()
            }
        }
        #expect(statsByStore[.sqlite] == statsByStore[.postgres])
        let stats = try #require(statsByStore[.sqlite])
        #expect(stats.externalRatings == 100_836)
        #expect(stats.externalTags == 3_683)
        #expect(stats.filmsPerSource["movielens"] == 9_742)
    }
}
