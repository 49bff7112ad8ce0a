import Testing
import KinoText

/// Word breaking on real titles and queries: the normalized forms of all tokens, in order.
struct TokenizationTests {
    let analyzer = Analyzer(stemming: false)

    @Test(arguments: [
        ("Человек-паук", ["человекпаук", "человек", "паук"]),
        ("Spider-Man: Homecoming", ["spiderman", "spider", "man", "homecoming"]),
        ("Spider\u{2011}Man", ["spiderman", "spider", "man"]),
        ("Ростов-на-Дону", ["ростовнадону", "ростов", "на", "дону"]),
        ("Ту-154", ["ту154", "ту", "154"]),
        ("Битва за Москву 1941-1945", ["битва", "за", "москву", "1941", "1945"]),
        ("O'Brien", ["obrien", "o", "brien"]),
        ("Амели (Le Fabuleux destin d’Amélie Poulain)",
         ["амели", "le", "fabuleux", "destin", "damelie", "d", "amelie", "poulain"]),
        ("Don't Look Up", ["dont", "look", "up"]),
        ("Schindler's List", ["schindlers", "list"]),
        ("Rock’n’Roll", ["rocknroll"]),
        ("Rocky II", ["rocky", "ii", "2"]),
        ("Людовик XIV", ["людовик", "xiv", "14"]),
        ("I, Robot", ["i", "robot"]),
        ("V for Vendetta", ["v", "for", "vendetta"]),
        ("1+1", ["1+1", "1", "1"]),
        ("9 рота", ["9", "рота"]),
        ("Брат 2", ["брат", "2"]),
        ("Kill Bill: Vol. 1", ["kill", "bill", "vol", "1"]),
        ("Ирония судьбы, или С лёгким паром!", ["ирония", "судьбы", "или", "с", "легким", "паром"]),
        ("Мат\u{00AD}рица", ["матрица"]),
        ("Мат\u{200D}рица", ["матрица"]),
        ("3.14 e-mail", ["3.14", "email", "e", "mail"]),
        ("Star Wars: Эпизод IV – Новая надежда", ["star", "wars", "эпизод", "iv", "4", "новая", "надежда"]),
        ("...!!! --- «»", []),
        ("", []),
        ("   \n\t ", []),
    ])
    func splitsTitlesIntoWords(text: String, expected: [String]) {
        #expect(analyzer.tokens(text).map(\.normalized) == expected)
    }

    @Test func compoundSharesThePositionOfItsFirstPart() {
        let tokens = analyzer.tokens("Человек-паук и Spider-Man")
        #expect(tokens.map(\.position) == [0, 0, 1, 2, 3, 3, 4])
        #expect(tokens.map(\.kind) == [.compound, .compoundPart, .compoundPart, .word, .compound, .compoundPart,
                                       .compoundPart])
        #expect(tokens.map(\.isPartOfCompound) == [false, true, true, false, false, true, true])
    }

    @Test func tokenTextIsTheOriginalSlice() {
        let text = "«Ёлки» — Amélie, Spider-Man и 東京"
        let bytes = Array(text.utf8)
        for token in analyzer.tokens(text) {
            #expect(String(decoding: bytes[token.utf8Range], as: UTF8.self) == token.text)
        }
        #expect(analyzer.tokens(text).map(\.text) == ["Ёлки", "Amélie", "Spider-Man", "Spider", "Man", "и", "東京"])
    }

    @Test(arguments: [
        ("Матрица", Script.cyrillic),
        ("Matrix", .latin),
        ("1999", .digits),
        ("matrицa", .mixed),
        ("Ελλάδα", .other),
        ("ту154", .cyrillic),
        ("3d", .latin),
    ])
    func classifiesScripts(text: String, script: Script) throws {
        let token = try #require(analyzer.tokens(text).first)
        #expect(token.script == script)
    }

    @Test func longTextKeepsPositionsAcrossChunks() {
        let sentence = "Брат и сестра смотрят кино. "
        let text = String(repeating: sentence, count: 20_000)
        let tokens = analyzer.tokens(text)
        #expect(tokens.count == 5 * 20_000)
        #expect(tokens.map(\.position) == Array(0..<tokens.count))
        #expect(tokens.last?.utf8Range.upperBound == text.utf8.count - 2)
    }

    @Test func termsAreTheStemsInTokenOrder() {
        let stemming = Analyzer()
        let text = "Человек-паук: Нет пути домой (Spider-Man: No Way Home), 2021"
        #expect(stemming.terms(text) == stemming.tokens(text).map(\.stem))
    }

    @Test func normalizeJoinsWordsAndCompounds() {
        #expect(analyzer.normalize("Человек-паук: Вдали от ДОМА") == "человекпаук вдали от дома")
        #expect(analyzer.normalize("Rocky II") == "rocky ii")
    }
}
