import Foundation
import KinoCatalog
import KinoScraper
import Testing

/// The saved Kinopoisk pages of "Город грехов" (Sin City, 2005): the film page, its cast page, the top-250 list.
struct ExtractKinopoiskTests {
    static let filmURL = "https://www.kinopoisk.ru/film/77443/"

    @Test func filmPageGivesOneRecordKeyedByItsCanonicalURL() throws {
        let page = try TestData.extract("kinopoisk/sin_city.html", url: Self.filmURL)
        #expect(page.kind == .film)
        #expect(page.records.count == 1)
        let record = try #require(page.records.first)
        #expect(record.source == .scraped)
        #expect(record.sourceID == "https://www.kinopoisk.ru/film/77443/")
        #expect(record.origin == "https://www.kinopoisk.ru/film/77443/")
        #expect(record.fetchedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(record.externalIDs[.kinopoisk] == "77443")
    }

    @Test func filmPageTitlesYearTypeAndRuntime() throws {
        let record = try #require(try TestData.extract("kinopoisk/sin_city.html", url: Self.filmURL).records.first)
        #expect(record.titleRU == "Город грехов")
        #expect(record.titleOriginal == "Sin City")
        #expect(record.year == 2005)
        #expect(record.type == .film)
        #expect(record.runtimeMinutes == 124)
        #expect(record.mpaaRating == "R")
    }

    @Test func filmPageDirectorsWithKinopoiskIDs() throws {
        let record = try #require(try TestData.extract("kinopoisk/sin_city.html", url: Self.filmURL).records.first)
        let directors = record.credits.filter { $0.role == .director }
        #expect(directors.map(\.nameRU) == ["Фрэнк Миллер", "Квентин Тарантино", "Роберт Родригес"])
        #expect(directors.map(\.kinopoiskID) == [30393, 7640, 30966])
        #expect(record.credits.contains { $0.role == .actor && $0.nameRU == "Брюс Уиллис" && $0.kinopoiskID == 110 })
        #expect(record.credits.contains { $0.role == .producer && $0.nameRU == "Харви Вайнштейн" })
    }

    @Test func filmPageRatingGenresCountriesAndDescription() throws {
        let record = try #require(try TestData.extract("kinopoisk/sin_city.html", url: Self.filmURL).records.first)
        let rating = try #require(record.ratings.first { $0.source == .kinopoisk })
        #expect(rating.value == 7.855)
        #expect(rating.votes == 228_437)
        #expect(record.ratings.count == 1)
        #expect(record.genres == [.action, .thriller, .crime, .mystery])
        #expect(record.countries == ["US"])
        let description = try #require(record.descriptionRU)
        #expect(description.hasPrefix("Город грехов - это бездна преступлений."))
        #expect(record.poster?.hasPrefix("https://") == true)
    }

    @Test func castPagePeopleWithRolesAndIDs() throws {
        let page = try TestData.extract("kinopoisk/sin_city_staff.html", url: "https://www.kinopoisk.ru/film/77443/cast/")
        #expect(page.kind == .cast)
        let record = try #require(page.records.first)
        #expect(page.records.count == 1)
        #expect(record.titleRU == "Город грехов")
        #expect(record.titleOriginal == "Sin City")
        #expect(record.year == 2005)
        #expect(record.externalIDs[.kinopoisk] == "77443")
        let directors = record.credits.filter { $0.role == .director }
        #expect(directors.map(\.kinopoiskID) == [30393, 7640, 30966])
        #expect(directors.first?.nameEN == "Frank Miller")
        let willis = try #require(record.credits.first { $0.kinopoiskID == 110 && $0.role == .actor })
        #expect(willis.nameRU == "Брюс Уиллис")
        #expect(willis.nameEN == "Bruce Willis")
        #expect(willis.character == "Hartigan")
        #expect(record.credits.contains { $0.role == .composer })
        #expect(record.credits.contains { $0.role == .writer && $0.kinopoiskID == 30393 })
        // The page links 112 distinct people; those in the dubbing director's section have no catalog role.
        let people = Set(record.credits.compactMap(\.kinopoiskID))
        #expect((95...112).contains(people.count))
        #expect(record.credits.allSatisfy { $0.kinopoiskID != nil })
    }

    @Test func castPageWithoutTitleIsRejected() throws {
        let html = """
            <html><head><title></title></head><body><a name="actor"></a><div>Актеры</div>
            <div class="name"><a href="/name/110/">Брюс Уиллис</a></div></body></html>
            """
        let page = try PageExtractor.extract(Array(html.utf8), url: try #require(URL(string: "https://www.kinopoisk.ru/film/1/cast/")),
                                             contentType: nil, fetchedAt: Date())
        #expect(page.records.isEmpty)
        #expect(page.rejections.contains { $0.contains("cast page without the film's title") })
    }

    @Test func topListIsAListWithFiftyFilmLinks() throws {
        let page = try TestData.extract("kinopoisk/top_250.html", url: "https://www.kinopoisk.ru/lists/movies/top250/")
        #expect(page.kind == .list)
        #expect(page.records.isEmpty)
        let urls = page.links.compactMap(URL.init(string:))
        #expect(urls.count == page.links.count)
        let films = Set(urls.filter { link in
            let parts = link.path.split(separator: "/")
            return link.host?.hasSuffix("kinopoisk.ru") == true && parts.count == 2 && parts[0] == "film" && Int(parts[1]) != nil
        }.map(\.path))
        #expect(films.count == 50)
        #expect(urls.allSatisfy { $0.fragment == nil && ["http", "https"].contains($0.scheme) })
        #expect(Set(page.links).count == page.links.count)
    }
}
