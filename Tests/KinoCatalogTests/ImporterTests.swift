import Foundation
import Testing
@testable import KinoCatalog

/// Each importer on fixtures cut from the real files.
struct ImporterTests {
    let context: ImportContext

    init() throws {
        context = try readDatasets([TestData.fixtures])
    }

    @Test func tmdbGivesTitlesGenresCountriesAndMoney() throws {
        let avatar = try #require(context.record(.tmdb, "19995"))
        #expect(avatar.titleEN == "Avatar")
        #expect(avatar.year == 2009)
        #expect(avatar.releaseDate == "2009-12-10")
        #expect(avatar.runtimeMinutes == 162)
        #expect(avatar.genres == [.action, .adventure, .fantasy, .scienceFiction])
        #expect(avatar.countries == ["US", "GB"])
        #expect(avatar.keywords.contains("space colony"))
        #expect(avatar.budget == Money(amount: 237_000_000, currency: "USD"))
        #expect(avatar.ratings.first?.source == .tmdb)
        #expect(avatar.ratings.first?.votes == 11800)
        #expect(avatar.externalIDs[.tmdb] == "19995")
    }

    @Test(arguments: [
        ("Matrix, The (1999)", "The Matrix", [String](), 1999),
        ("Solaris (Solyaris) (1972)", "Solaris", ["Solyaris"], 1972),
        ("City of Lost Children, The (Cité des enfants perdus, La) (1995)", "The City of Lost Children", ["La Cité des enfants perdus"], 1995),
        ("Brother (Brat) (1997)", "Brother", ["Brat"], 1997),
        ("Babylon 5", "Babylon 5", [], nil),
    ] as [(String, String, [String], Int?)])
    func movieLensTitlesAreSplit(raw: String, title: String, alternatives: [String], year: Int?) {
        let parsed = MovieLensImporter.parseTitle(raw)
        #expect(parsed.title == title)
        #expect(parsed.alternatives == alternatives)
        #expect(parsed.year == year)
    }

    @Test func movieLensRecordsCarryLinksAndRatings() throws {
        let avatar = try #require(context.record(.movielens, "72998"))
        #expect(avatar.externalIDs[.tmdb] == "19995")
        #expect(avatar.externalIDs[.imdb] == "tt0499549")
        let rating = try #require(avatar.ratings.first)
        #expect(rating.source == .movielens)
        let expected = try MovieLensOracle.ratings(TestData.fixtures + "/movielens-small/ratings.csv", movie: 72998)
        #expect(rating.votes == expected.count)
        #expect(abs(rating.value - expected.average) < 0.01)
        #expect(context.externalRatings?.count == (try MovieLensOracle.lineCount(TestData.fixtures + "/movielens-small/ratings.csv")))
        #expect(context.externalTags?.isEmpty == false)
    }

    @Test func kinopoiskListsCarryRussianAndOriginalTitles() throws {
        let brat = try #require(context.record(.kinopoiskList, "41519"))
        #expect(brat.titleRU == "Брат")
        #expect(brat.titleOriginal == "Brat")
        #expect(brat.year == 1997)
        #expect(brat.ratings.first == Rating(source: .kinopoisk, value: 8.296, votes: 1_064_751))
        #expect(brat.credits.contains { $0.nameRU == "Виктор Сухоруков" && $0.kinopoiskID == 64253 })
        let stalker = try #require(context.record(.kinopoiskList, "43970"))
        #expect(stalker.titleRU == "Сталкер")
        #expect(stalker.titleOriginal == "Сталкер", "a Soviet film's original title is its Russian title")
        let series = try #require(context.records[.kinopoiskList]?.filter { $0.type == .series })
        #expect(series.count == 3, "the items of a series list are series")
    }

    @Test func kinopoiskFullRecordsGiveRolesCharactersAndIDs() throws {
        let mile = try #require(context.record(.kinopoiskFull, "435"))
        #expect(mile.titleRU == "Зеленая миля")
        #expect(mile.titleOriginal == "The Green Mile")
        #expect(mile.externalIDs[.imdb] == "tt0120689")
        #expect(mile.externalIDs[.tmdb] == "497")
        #expect(mile.ageRating == "16+")
        #expect(mile.mpaaRating == "R")
        #expect(mile.credits.contains { $0.role == .director && $0.nameEN == "Frank Darabont" })
        #expect(mile.credits.contains { $0.role == .actor && $0.nameEN == "Tom Hanks" })
        #expect(mile.descriptionRU?.isEmpty == false)
    }

    @Test func kinopoiskHDCatalogueRepeatsCollapse() throws {
        let records = try #require(context.records[.kinopoiskHD])
        let (collapsed, count) = CatalogImporter.collapseDuplicates(records)
        #expect(count >= 2)
        #expect(Set(collapsed.map(\.sourceID)).count == collapsed.count)
        #expect(collapsed.count == Set(records.map(\.sourceID)).count)
    }

    @Test func unofficialKinopoiskGivesIMDbIDs() throws {
        let mile = try #require(context.record(.kinopoiskUnofficial, "435"))
        #expect(mile.externalIDs[.imdb] == "tt0120689")
        #expect(mile.ratings.contains { $0.source == .imdb })
    }

    @Test func kinopoisk400ReadsPythonListCells() throws {
        let records = try #require(context.records[.kinopoisk400])
        #expect(records.count == 8)
        let first = try #require(context.record(.kinopoisk400, "102124"))
        #expect(first.titleRU == "Пираты Карибского моря: На краю Света")
        #expect(first.genres == [.fantasy, .action, .adventure])
        #expect(first.credits.first?.nameRU == "Джонни Депп")
        #expect(first.countries.contains("US"))
    }

    @Test func imdbTopReadsPeopleRatingsAndDirtyYears() throws {
        let records = try #require(context.records[.imdbTop])
        let mile = try #require(records.first { $0.titleEN == "The Green Mile" })
        #expect(mile.credits.first { $0.role == .director }?.nameEN == "Frank Darabont")
        #expect(mile.credits.filter { $0.role == .actor }.count == 4)
        #expect(mile.ratings.contains { $0.source == .imdb && $0.votes ?? 0 > 1_000_000 })
        #expect(mile.runtimeMinutes == 189)
        let apollo = try #require(records.first { $0.titleEN == "Apollo 13" })
        #expect(apollo.year == nil)
        #expect(context.reports[.imdbTop]?.warnings.contains { $0.message.contains("'PG' is not a year") } == true)
    }

    @Test func registryRowsAreCleaned() throws {
        let avatar = try #require(context.record(.mkrf, "121008910"))
        #expect(avatar.titleRU == "Аватар", "the trailing underscore is dropped")
        #expect(avatar.year == 2010)
        #expect(avatar.credits.contains { $0.role == .director && $0.nameRU == "Джеймс Кэмерон" })
        let open = try #require(context.record(.mkrf, "221048915"))
        #expect(open.type == .film, "the type ' Художественный' has a leading space upstream")
        #expect(open.ageRating == "18+")
        #expect(open.genres == [.action, .drama, .romance])
        let warnings = context.reports[.mkrf]?.warnings ?? []
        #expect(warnings.contains { $0.message.contains("is not a rating out of 10") && $0.origin.hasPrefix("mkrf_movies.csv:") })
        let separated = try #require(context.records[.mkrf]?.first { $0.countries.count == 2 && $0.countries.first == "US" })
        #expect(["GB", "DE"].contains(separated.countries[1]))
    }

    @Test(arguments: [
        ("Робин Гуд (Robin Hood)", "Робин Гуд", "Robin Hood"),
        ("Мемуары гейши (по роману Артура Голдена)", "Мемуары гейши", nil),
        ("Гарри Поттер и кубок огня /По роману Дж.К.Роулинг/", "Гарри Поттер и кубок огня", nil),
        ("Кинг Конг _", "Кинг Конг", nil),
        ("Возмездие.", "Возмездие", nil),
    ] as [(String, String, String?)])
    func registryTitlesLoseNotes(raw: String, title: String, alternative: String?) {
        let cleaned = MKRFImporter.cleanTitle(raw)
        #expect(cleaned.title == title)
        #expect(cleaned.alternative == alternative)
    }
}

/// Brute-force answers computed straight from a ratings file.
enum MovieLensOracle {
    static func ratings(_ path: String, movie: Int) throws -> (count: Int, average: Double) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        let values = lines.map { $0.split(separator: ",") }.filter { Int($0[1]) == movie }.map { Double($0[2])! }
        return (values.count, values.reduce(0, +) / Double(values.count))
    }

    static func lineCount(_ path: String) throws -> Int {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).count - 1
    }
}
