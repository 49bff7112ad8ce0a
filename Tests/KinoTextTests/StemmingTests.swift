import Testing
import KinoText

/// Snowball stemming through the analyzer: Russian for Cyrillic words, English for Latin words.
struct StemmingTests {
    @Test(arguments: [
        ("фильмы", "фильм"),
        ("фильмов", "фильм"),
        ("приключения", "приключен"),
        ("Ёлки", "елк"),
        ("звёздные", "звездн"),
        ("войны", "войн"),
        ("running", "run"),
        ("movies", "movi"),
        ("Adventures", "adventur"),
        ("Wars", "war"),
        ("1999", "1999"),
        ("東京", "東京"),
    ])
    func stemsByScript(word: String, stem: String) {
        #expect(Analyzer().tokens(word).first?.stem == stem)
    }

    @Test func russianQueryFormsMeetTheTitleForm() {
        let analyzer = Analyzer()
        #expect(analyzer.terms("Звёздные войны") == analyzer.terms("звездных войнах"))
        #expect(analyzer.terms("The Lord of the Rings") == analyzer.terms("the lord of the ring"))
    }

    @Test func withoutStemmingTheStemIsTheNormalizedForm() {
        let tokens = Analyzer(stemming: false).tokens("Приключения Running")
        #expect(tokens.map(\.stem) == ["приключения", "running"])
        #expect(tokens.map(\.stem) == tokens.map(\.normalized))
    }
}
