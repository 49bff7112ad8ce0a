import Foundation
import KinoScraper
import Testing

struct CrawlSourceRulesTests {
    @Test(arguments: [
        ("https://www.kinopoisk.ru/film/326/", PageKind.film),
        ("https://www.kinopoisk.ru/film/326/cast/", .cast),
        ("https://www.kinopoisk.ru/series/464963/", .film),
        ("https://www.kinopoisk.ru/name/7987/", .person),
        ("https://www.kinopoisk.ru/lists/movies/top250/", .list),
        ("https://www.kinopoisk.ru/top/navigator/", .list),
        ("https://www.kinopoisk.ru/film/326/reviews/", .other),
        ("https://www.imdb.com/title/tt0111161/", .film),
        ("https://www.imdb.com/name/nm0000209/", .person),
        ("https://www.imdb.com/chart/top/", .list),
        ("https://www.imdb.com/find/?q=heat", .list),
        ("https://letterboxd.com/film/heat-1995/", .film),
        ("https://letterboxd.com/films/popular/", .list),
        ("https://en.wikipedia.org/wiki/Heat_(1995_film)", .other),
    ])
    func classifies(url: String, kind: PageKind) throws {
        #expect(SourceRules().kind(of: try #require(URL(string: url))) == kind)
    }

    @Test(arguments: [
        ("https://www.kinopoisk.ru/film/1/", "https://www.kinopoisk.ru/film/2/", true),
        ("https://www.kinopoisk.ru/film/1/", "https://www.kinopoisk.ru/film/2/reviews/", false),
        ("https://www.kinopoisk.ru/film/1/", "https://kinopoisk.ru/name/5/", true),
        ("https://www.kinopoisk.ru/film/1/", "https://www.imdb.com/title/tt0111161/", false),
        ("https://en.wikipedia.org/wiki/Heat", "https://en.wikipedia.org/wiki/Special:Random", false),
        ("https://en.wikipedia.org/wiki/Heat", "https://en.wikipedia.org/wiki/Al_Pacino", true),
        ("https://films.example/a", "https://films.example/b/c", true),
        ("https://films.example/a", "https://other.example/b", false),
    ])
    func followsLinksWithinASite(page: String, link: String, follows: Bool) throws {
        let rules = SourceRules()
        #expect(rules.follows(try #require(URL(string: link)), from: try #require(URL(string: page))) == follows)
    }
}
