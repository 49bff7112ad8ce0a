import Testing
@testable import KinoText

/// Cyrillic ↔ Latin transliteration: the spellings people type are among the few ranked candidates.
struct TransliterationTests {
    @Test(arguments: [
        ("матрица", ["matritsa", "matrica"]),
        ("счастье", ["schastye", "shchastye"]),
        ("жизнь", ["zhizn", "jizn"]),
        ("ёлки", ["yolki", "elki"]),
        ("достоевский", ["dostoevskiy", "dostoevsky"]),
        ("щука", ["schuka", "shchuka"]),
        ("хоббит", ["khobbit", "hobbit"]),
        ("Солярис", ["solyaris", "soliaris"]),
        ("семья", ["semya"]),
        ("объект", ["obyekt"]),
        ("брат 2", ["brat 2"]),
    ])
    func cyrillicGetsTypedLatinSpellings(text: String, expected: [String]) {
        let candidates = Transliteration.toLatin(text)
        #expect(candidates.count <= Transliteration.maximumCandidates)
        for spelling in expected {
            #expect(candidates.contains(spelling), "\(spelling) not in \(candidates)")
        }
    }

    @Test(arguments: [
        ("brat", "брат"),
        ("moskva", "москва"),
        ("matritsa", "матрица"),
        ("privet", "привет"),
        ("Solyaris", "солярис"),
        ("stalker", "сталкер"),
        ("zhizn", "жизн"),
    ])
    func likeliestCyrillicReadingComesFirst(text: String, expected: String) {
        #expect(Transliteration.toCyrillic(text).first == expected)
    }

    @Test(arguments: [
        ("matrica", "матрица"),
        ("zhizn", "жизнь"),
        ("jizn", "жизн"),
        ("schastye", "счастье"),
        ("tarkovsky", "тарковский"),
        ("yolki", "елки"),
        ("dostoevskiy", "достоевский"),
        ("shchuka", "щука"),
        ("semya", "семья"),
    ])
    func latinGetsTheIntendedCyrillicAmongCandidates(text: String, expected: String) {
        let candidates = Transliteration.toCyrillic(text)
        #expect(candidates.count <= Transliteration.maximumCandidates)
        #expect(candidates.contains(expected), "\(expected) not in \(candidates)")
    }

    /// The k-best search keeps only the best few partial rewritings at each position; its candidates must be those
    /// of ranking every complete rewriting: the cheapest, then the shortest, then in byte order, each text once at
    /// its lowest cost. Checked on the short words of both Snowball vocabularies, each way.
    @Test func candidatesAreTheCheapestOfAllRewritings() throws {
        // Every twentieth word of up to seven letters: the rewritings of a word are exponentially many.
        func shortWords(_ language: String) throws -> [String] {
            try TestData.lines("snowball/\(language)/voc.txt").filter { $0.count <= 7 }.enumerated()
                .filter { $0.offset % 20 == 0 }.map(\.element)
        }
        let cases = [
            (Transliteration.cyrillicToLatin, try shortWords("russian")),
            (Transliteration.latinToCyrillic, try shortWords("english")),
        ]
        var checked = 0
        for (scheme, words) in cases {
            for word in words {
                var cheapest: [String: Int] = [:]
                for rewriting in scheme.allRewritings(of: word) {
                    cheapest[rewriting.text] = min(cheapest[rewriting.text] ?? .max, rewriting.cost)
                }
                let ranked = cheapest.sorted { lhs, rhs in
                    if lhs.value != rhs.value { return lhs.value < rhs.value }
                    let (left, right) = (lhs.key.unicodeScalars.count, rhs.key.unicodeScalars.count)
                    if left != right { return left < right }
                    return lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
                }
                let expected = ranked.prefix(Transliteration.maximumCandidates).map(\.key)
                #expect(scheme.candidates(for: word, limit: Transliteration.maximumCandidates) == expected, "\(word)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func candidatesAreDistinctAndBounded() {
        for word in ["щастье", "юбилей", "xyz", "shchastye", "yayayayaya"] {
            let candidates = Transliteration.toLatin(word) + Transliteration.toCyrillic(word)
            #expect(Set(candidates).count == candidates.count)
            #expect(Transliteration.toLatin(word, limit: 3).count <= 3)
        }
    }

    @Test func nothingToTransliterateGivesNoCandidates() {
        #expect(Transliteration.toLatin("matrix").isEmpty)
        #expect(Transliteration.toCyrillic("матрица").isEmpty)
        #expect(Transliteration.toLatin("").isEmpty)
        #expect(Transliteration.toCyrillic("1999 !").isEmpty)
        #expect(Transliteration.toCyrillic(String(repeating: "a", count: 10_000)).isEmpty)
    }
}
