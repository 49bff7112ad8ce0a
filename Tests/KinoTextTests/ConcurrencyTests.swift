import Testing
import KinoText

/// One analyzer shared by many tasks gives the same results as one task alone (ICU break iterators and Snowball
/// stemmers are not thread-safe; each call must have its own).
struct ConcurrencyTests {
    static let texts = [
        "Человек-паук: Вдали от дома", "Spider-Man: Far From Home", "Ирония судьбы, или С лёгким паром!",
        "The Lord of the Rings: The Return of the King", "Звёздные войны: Эпизод IV – Новая надежда", "Rocky II",
        "Амели (Le Fabuleux destin d’Amélie Poulain)", "9 рота", "1+1", "Brat 2",
    ]

    @Test func sharedAnalyzerGivesTheSameTokensInParallel() async {
        let analyzer = Analyzer()
        let expected = Self.texts.map(analyzer.tokens)
        let results = await withTaskGroup(of: [[Token]].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last: [[Token]] = []
                    for _ in 0..<200 {
                        last = Self.texts.map(analyzer.tokens)
                    }
                    return last
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        for result in results {
            #expect(result == expected)
        }
    }
}
