import Testing
import KinoText

/// What a query tries for one word: as typed, the other layout, transliterations.
struct QueryVariantsTests {
    let analyzer = Analyzer()

    @Test(arguments: [
        ("vfnhbwf", Variant.Kind.keyboardLayout, "матрица"),
        (",hfn", .keyboardLayout, "брат"),
        ("ghbdtn", .keyboardLayout, "привет"),
        ("ыефк цфкы", .keyboardLayout, "star wars"),
        ("brat", .transliteration, "брат"),
        ("moskva", .transliteration, "москва"),
        ("matrica", .transliteration, "матрица"),
        ("солярис", .transliteration, "solyaris"),
    ])
    func listsTheIntendedReading(word: String, kind: Variant.Kind, text: String) {
        let variants = analyzer.queryVariants(word)
        #expect(variants.first?.kind == .original)
        #expect(variants.first?.text == word)
        #expect(variants.contains { $0.kind == kind && $0.text == text }, "\(variants.map(\.text))")
    }

    @Test func variantsCarryAnalysedTerms() throws {
        let variant = try #require(analyzer.queryVariants("ыефк цфкы").first { $0.kind == .keyboardLayout })
        #expect(variant.terms == ["star", "war"])
        let matrix = try #require(analyzer.queryVariants("vfnhbwf").first { $0.kind == .keyboardLayout })
        #expect(matrix.terms == ["матриц"])
    }

    @Test(arguments: ["star", "matrix", "Амели", "brat", "ьфекшч"])
    func variantsAreBoundedAndDistinct(word: String) {
        let variants = analyzer.queryVariants(word)
        #expect(variants.count <= 2 + Transliteration.maximumCandidates)
        let keys = variants.map { $0.tokens.map(\.normalized) }
        #expect(Set(keys).count == keys.count)
    }

    @Test(arguments: ["star", "Matrix", "Sky"])
    func impossibleLayoutRewritesAreLeftOut(word: String) {
        #expect(!analyzer.queryVariants(word).contains { $0.kind == .keyboardLayout })
    }

    /// Latin words are transliterated from their normalized form, which the variants take from the word's own
    /// tokens: it must be what `normalize(_:)` gives, for words alone and with the punctuation, hyphens,
    /// apostrophes, diacritics and numerals that query words carry.
    @Test func normalizedFormOfAWordIsThatOfItsTokens() throws {
        let vocabulary = try TestData.lines("snowball/english/voc.txt").enumerated()
            .filter { $0.offset % 20 == 0 }.map(\.element)
        let extras = ["Amélie", "don't", "x-men", "O'Brien", "Spider-Man:", "II", "1+1", "(500)", "WALL·E", "naïve"]
        for word in vocabulary.flatMap({ [$0, $0.capitalized, "\($0),", "\($0)-\($0)"] }) + extras {
            let fromTokens = analyzer.tokens(word).filter { $0.kind == .word || $0.kind == .compound }
                .map(\.normalized).joined(separator: " ")
            #expect(fromTokens == analyzer.normalize(word), "\(word)")
        }
    }

    /// A transliteration that the search rejects is kept for its spelling, unanalysed: its tokens must be those the
    /// analyzer gives without stems.
    @Test func rejectedTransliterationsHaveTheTokensOfAnalysisWithoutStems() throws {
        let words = try ["russian", "english"].flatMap { language in
            try TestData.lines("snowball/\(language)/voc.txt").enumerated().filter { $0.offset % 40 == 0 }
                .map(\.element)
        }
        var checked = 0
        for word in words + ["ii", "xiv", "Ёж", "щука", "x-men", "WALL·E", "1972", "брат 2"] {
            for variant in analyzer.queryVariants(word, keepsTransliteration: { _ in false })
            where variant.kind == .transliteration {
                #expect(!variant.isStemmed)
                #expect(variant.tokens == Analyzer(stemming: false).tokens(variant.text), "\(word): \(variant.text)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func punctuationAloneHasNoVariants() {
        #expect(analyzer.queryVariants("—").isEmpty)
        #expect(analyzer.queryVariants("").isEmpty)
    }
}
