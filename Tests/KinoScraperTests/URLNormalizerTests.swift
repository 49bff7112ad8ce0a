import Foundation
import KinoScraper
import Testing

struct URLNormalizerTests {
    @Test(arguments: [
        ("HTTP://WWW.Kinopoisk.RU:80/film/1/", "http://www.kinopoisk.ru/film/1/"),
        ("https://imdb.com:443/title/tt0111161/#plot", "https://imdb.com/title/tt0111161/"),
        ("https://imdb.com:8443/title/", "https://imdb.com:8443/title/"),
        ("https://a.example/x/./y/../z", "https://a.example/x/z"),
        ("https://a.example/../../z", "https://a.example/z"),
        ("https://a.example", "https://a.example/"),
        ("https://a.example/%7Efilm/%2f%c3%a9", "https://a.example/~film/%2F%C3%A9"),
        ("https://a.example/s?utm_source=x&b=2&fbclid=1&a=1&gclid=9", "https://a.example/s?a=1&b=2"),
        ("https://a.example/s?utm_medium=x", "https://a.example/s"),
        ("https://a.example/s?b=1&a=2&b=0", "https://a.example/s?a=2&b=1&b=0"),
        ("https://user:pw@a.example./film", "https://a.example/film"),
    ])
    func normalizes(input: String, expected: String) throws {
        let url = try #require(URL(string: input))
        #expect(URLNormalizer().normalize(url)?.absoluteString == expected)
    }

    @Test(arguments: ["mailto:x@example.org", "ftp://a.example/f", "javascript:void(0)"])
    func refusesWhatIsNotHTTP(input: String) throws {
        #expect(URLNormalizer().normalize(try #require(URL(string: input))) == nil)
    }

    @Test func resolvesLinksAgainstThePage() throws {
        let base = try #require(URL(string: "https://www.kinopoisk.ru/film/1/cast/"))
        #expect(URLNormalizer().normalize("../../2/#top", relativeTo: base)?.absoluteString == "https://www.kinopoisk.ru/film/2/")
    }

    @Test(arguments: [
        (URLNormalizer.TrailingSlash.keep, "https://a.example/film/1", "https://a.example/film/1"),
        (.add, "https://a.example/film/1", "https://a.example/film/1/"),
        (.add, "https://a.example/poster.jpg", "https://a.example/poster.jpg"),
        (.remove, "https://a.example/film/1/", "https://a.example/film/1"),
        (.remove, "https://a.example/", "https://a.example/"),
    ])
    func appliesTheTrailingSlashPolicy(policy: URLNormalizer.TrailingSlash, input: String, expected: String) throws {
        #expect(URLNormalizer(trailingSlash: policy).normalize(try #require(URL(string: input)))?.absoluteString == expected)
    }
}
