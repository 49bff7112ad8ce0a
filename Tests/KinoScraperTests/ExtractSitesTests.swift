import Foundation
import KinoCatalog
import KinoScraper
import Testing

/// Saved pages of Letterboxd, IMDb and English Wikipedia.
struct ExtractSitesTests {
    @Test func letterboxdFilmFromJSONLDInsideCDATA() throws {
        let page = try TestData.extract("letterboxd/mulholland-drive-2001.html", url: "https://letterboxd.com/film/mulholland-drive/")
        #expect(page.kind == .film)
        #expect(page.rejections.isEmpty)
        let record = try #require(page.records.first)
        #expect(page.records.count == 1)
        #expect(record.titleEN == "Mulholland Drive")
        #expect(record.year == 2001)
        #expect(record.type == .film)
        #expect(record.credits.filter { $0.role == .director }.map(\.nameEN) == ["David Lynch"])
        #expect(record.credits.contains { $0.role == .actor && $0.nameEN == "Naomi Watts" })
        #expect(record.genres == [.drama, .mystery, .thriller])
        #expect(record.countries == ["FR", "US"])
        // Letterboxd rates out of 5 and the catalog keeps no Letterboxd ratings.
        #expect(record.ratings.isEmpty)
    }

    @Test func letterboxdBrowsePageIsAListWithoutRecords() throws {
        let page = try TestData.extract("letterboxd/films-search-crime-drama-1960s.html",
                                        url: "https://letterboxd.com/films/popular/decade/1960s/genre/crime+drama+-science-fiction/")
        #expect(page.kind == .list)
        #expect(page.records.isEmpty)
        #expect(page.links.contains { URL(string: $0)?.path.hasPrefix("/film/") == true })
    }

    @Test func imdbSeriesFromJSONLD() throws {
        let page = try TestData.extract("imdb/archer-tt1486217-title-page-tvseries.html", url: "https://www.imdb.com/title/tt1486217/")
        #expect(page.kind == .film)
        let record = try #require(page.records.first)
        #expect(record.titleEN == "Archer")
        #expect(record.type == .series)
        #expect(record.year == 2009)
        #expect(record.releaseDate == "2009-09-17")
        #expect(record.externalIDs[.imdb] == "tt1486217")
        let rating = try #require(record.ratings.first { $0.source == .imdb })
        #expect(rating.value == 8.7)
        #expect(rating.votes == 149_827)
        #expect(record.genres.contains(.animation))
        #expect(record.credits.contains { $0.role == .actor && $0.nameEN == "H. Jon Benjamin" })
        #expect(record.credits.contains { $0.role == .writer && $0.nameEN == "Adam Reed" })
    }

    @Test func imdbFindPageHasNoFilmRecord() throws {
        let page = try TestData.extract("imdb/find-archer-search-results.html", url: "https://www.imdb.com/find?q=archer")
        #expect(page.kind == .list)
        #expect(page.records.isEmpty)
        #expect(!page.links.isEmpty)
    }

    struct WikipediaCase: Sendable, CustomTestStringConvertible {
        var file: String
        var url: String
        var title: String
        var year: Int
        var directors: [String]
        var runtime: Int
        var testDescription: String { file }
    }

    static let wikipedia = [
        WikipediaCase(file: "uncle-buck-1989.html", url: "https://en.wikipedia.org/wiki/Uncle_Buck", title: "Uncle Buck",
                      year: 1989, directors: ["John Hughes"], runtime: 99),
        WikipediaCase(file: "the-wandering-earth-2019.html", url: "https://en.wikipedia.org/wiki/The_Wandering_Earth",
                      title: "The Wandering Earth", year: 2019, directors: ["Frant Gwo"], runtime: 125),
        WikipediaCase(file: "making-mr-right-1987.html", url: "https://en.wikipedia.org/wiki/Making_Mr._Right",
                      title: "Making Mr. Right", year: 1987, directors: ["Susan Seidelman"], runtime: 99),
        WikipediaCase(file: "how-to-train-your-dragon-the-hidden-world-2019.html",
                      url: "https://en.wikipedia.org/wiki/How_to_Train_Your_Dragon:_The_Hidden_World",
                      title: "How to Train Your Dragon: The Hidden World", year: 2019, directors: ["Dean DeBlois"], runtime: 104),
    ]

    @Test(arguments: wikipedia)
    func wikipediaInfobox(_ example: WikipediaCase) throws {
        let page = try TestData.extract("wikipedia-en/" + example.file, url: example.url)
        #expect(page.kind == .film)
        let record = try #require(page.records.first)
        #expect(page.records.count == 1)
        #expect(record.titleEN == example.title)
        #expect(record.year == example.year)
        #expect(record.credits.filter { $0.role == .director }.map(\.nameEN) == example.directors)
        #expect(record.runtimeMinutes == example.runtime)
        #expect(!record.countries.isEmpty)
        #expect(record.credits.contains { $0.role == .actor })
        #expect(record.descriptionEN?.contains(example.title) == true)
        #expect(record.credits.allSatisfy { $0.nameEN?.contains("[") == false })
    }

    @Test func wikipediaMoneyAndReleaseDate() throws {
        let page = try TestData.extract("wikipedia-en/uncle-buck-1989.html", url: "https://en.wikipedia.org/wiki/Uncle_Buck")
        let record = try #require(page.records.first)
        #expect(record.releaseDate == "1989-08-16")
        #expect(record.budget == Money(amount: 15_000_000, currency: "USD"))
        #expect(record.boxOffice == Money(amount: 79_200_000, currency: "USD"))
        #expect(record.countries == ["US"])
        #expect(record.credits.filter { $0.role == .actor }.compactMap(\.nameEN).prefix(2) == ["John Candy", "Amy Madigan"])
    }
}
