import Foundation
import Testing
@testable import KinoText

/// The official Snowball test vocabularies (`shared/data/snowball`), which libstemmer 2.2.0 must reproduce exactly.
struct SnowballVocabularyTests {
    @Test(arguments: [Stemmer.Language.russian, .english])
    func stemmerReproducesTheOfficialVocabulary(language: Stemmer.Language) throws {
        let words = try TestData.lines("snowball/\(language.rawValue)/voc.txt")
        let expected = try TestData.lines("snowball/\(language.rawValue)/output.txt")
        #expect(words.count == expected.count)
        #expect(words.count > 29_000)
        let stemmer = try #require(Stemmer(language))

        var differences: [String] = []
        for (word, stem) in zip(words, expected) {
            let actual = stemmer.stem(word)
            if actual != stem {
                differences.append("\(word): \(actual) ≠ \(stem)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(10))")
    }

    /// Through the whole analyzer, every vocabulary word that is a plain word gets the official stem: normalization
    /// changes nothing the stemmer cares about (the Russian stemmer itself reads "ё" as "е").
    @Test(arguments: [Stemmer.Language.russian, .english])
    func analyzerStemsVocabularyWordsLikeSnowball(language: Stemmer.Language) throws {
        let words = try TestData.lines("snowball/\(language.rawValue)/voc.txt")
        let expected = try TestData.lines("snowball/\(language.rawValue)/output.txt")
        let analyzer = Analyzer()

        var checked = 0
        var differences: [String] = []
        for (word, stem) in zip(words, expected) where !word.contains("'") {
            let tokens = analyzer.tokens(word)
            guard tokens.count == 1 else { continue }
            checked += 1
            if tokens[0].stem != stem {
                differences.append("\(word): \(tokens[0].stem) ≠ \(stem)")
            }
        }
        #expect(checked > words.count * 9 / 10)
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(10))")
    }

    /// `tokens(_:)`, which reads a word of one keyboard alphabet (between punctuation or not) without the full
    /// analysis, gives every vocabulary word, lower-case, capitalized, upper-case and between punctuation, and odd
    /// words the tokens of the full analysis.
    @Test(arguments: [Stemmer.Language.russian, .english])
    func tokensOfKeyboardWordsAreThoseOfTheFullAnalysis(language: Stemmer.Language) throws {
        let odd = ["", "II", "XIV", "Xi", "IVX", "I", "V", "ёлка", "ЁЛКА", "Ёж", "x-men", "naïve", "abc123", "a b",
                   "Matrix", "МАТРИЦА", "ъ", "Ы", "don't", "рок-н-ролл", String(repeating: "a", count: 300),
                   String(repeating: "Я", count: 300), "latinкириллица", "ǅ", "ΑΒΓ", "İstanbul", "ﬁnal"]
        let words = try TestData.lines("snowball/\(language.rawValue)/voc.txt")
        let analyzer = Analyzer()
        var differences: [String] = []
        let punctuated: [String] = words.prefix(3000).flatMap { (word: String) -> [String] in
            ["(" + word + ")", word + ":", "«" + word + "»", "\"" + word + ".\"", word + "...", "[" + word + "]!",
             word + "-", "'" + word + "'", word + "?!", "“" + word + "”,", "„" + word + "“", "‹" + word + "›…",
             "—" + word + "–", "‘" + word + "’", "(«" + word + "»)."]
        }
        // Edge marks beside characters that word breaking attaches to a letter before them (a soft hyphen, a
        // zero-width joiner) must stay with the word.
        let oddPunctuated = ["(II)", "XIV.", "(", ".", ":::", "(ёж)", "a.b", "c:a", "(x-men)", "word,word", "«»", "«",
                             "…", "«II»", "“x-men”", "«брат»2", "a’b", "’’", "—", "»a«", "«\u{AD}брат»",
                             "«брат\u{AD}»", "“a\u{200D}”"]
        let upper: [String] = words.prefix(3000).map { $0.uppercased() }
        let capitalized: [String] = words.map(\.capitalized)
        var all: [String] = odd + oddPunctuated
        all += words
        all += capitalized
        all += upper
        all += punctuated
        for word in all where analyzer.tokens(word) != analyzer.analyzedTokens(word) {
            differences.append(word)
        }
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(10))")
    }

    /// `stems(ofWords:)`, which stems plain words without segmenting them, gives every vocabulary word (and odd ones)
    /// the stem of its first word token through the whole analyzer.
    @Test(arguments: [Stemmer.Language.russian, .english])
    func stemsOfWordsAreThoseOfTheirFirstToken(language: Stemmer.Language) throws {
        let odd = ["", "x-men", "человек-паук", "1972", "don't", "naïve", "ёлка", "Matrix", "abc123", "a b",
                   String(repeating: "a", count: 300), String(repeating: "я", count: 300), "ii", "II"]
        let words = try TestData.lines("snowball/\(language.rawValue)/voc.txt") + odd
        let analyzer = Analyzer()
        let stems = analyzer.stems(ofWords: words)
        #expect(stems.count == words.count)
        var differences: [String] = []
        for (word, stem) in zip(words, stems) {
            let expected = analyzer.tokens(word).first { $0.kind == .word || $0.kind == .compound }?.stem ?? word
            if stem != expected {
                differences.append("\(word): \(stem) ≠ \(expected)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(10))")
    }
}
