import Testing
import KinoText

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
