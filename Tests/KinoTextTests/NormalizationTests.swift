import Testing
import KinoText

/// Case folding, NFKC, "ё" → "е", Latin diacritics, typographic quotes and dashes.
struct NormalizationTests {
    let analyzer = Analyzer(stemming: false)

    @Test(arguments: [
        ("Amélie", "amelie"),
        ("Pokémon", "pokemon"),
        ("Naïve", "naive"),
        ("Łódź", "lodz"),
        ("Øresund", "oresund"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        ("Œuvre", "oeuvre"),
        ("Ёлки", "елки"),
        ("ЁЖИК", "ежик"),
        ("Ещё", "еще"),
        ("Йошкар", "йошкар"),
        ("Тайна", "тайна"),
        ("Київ", "київ"),
        ("ＭＡＴＲＩＸ", "matrix"),
        ("ﬁlm", "film"),
        ("“Матрица”", "матрица"),
        ("«Брат»", "брат"),
        ("L’Homme", "lhomme"),
        ("ΟΔΥΣΣΕΙΑ", "οδυσσεια"),
    ])
    func foldsToOneSpelling(text: String, expected: String) {
        #expect(analyzer.tokens(text).first?.normalized == expected)
    }

    @Test func breveOfShortIIsKeptWhateverTheInputForm() {
        let composed = "й"
        let decomposed = "и\u{0306}"
        #expect(analyzer.tokens(composed).map(\.normalized) == ["й"])
        #expect(analyzer.tokens(decomposed).map(\.normalized) == ["й"])
        #expect(analyzer.tokens("е\u{0308}лка").map(\.normalized) == ["елка"])
    }

    @Test(arguments: ["Spider-Man", "Spider‐Man", "Spider‑Man"])
    func typographicHyphensJoinCompounds(text: String) {
        #expect(analyzer.tokens(text).first?.normalized == "spiderman")
    }

    @Test(arguments: ["1941–1945", "1941—1945", "1941 - 1945"])
    func dashesSeparateWords(text: String) {
        #expect(analyzer.tokens(text).map(\.normalized) == ["1941", "1945"])
    }
}
