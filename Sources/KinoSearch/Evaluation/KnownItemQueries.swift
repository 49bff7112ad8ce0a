import KinoCatalog
import KinoIndex
import KinoText

/// Known-item queries generated from an index: each names one film the way a person would type it, exactly or with
/// a typo, a half-typed last word, the wrong keyboard layout, a transliteration, the title in the other language,
/// a director's name, or the title with the year. The same seed gives the same queries.
public struct KnownItemQueries: Sendable {
    public enum Category: String, Sendable, CaseIterable, Codable {
        case exact, typo, prefix, layout, transliteration, otherLanguage = "other_language", people, titleYear = "title_year"
    }

    /// One query and what counts as finding it.
    public struct Query: Sendable, Codable, Hashable {
        public var category: Category
        public var text: String
        /// Film ids any of which is the right answer: one film, or every film of the person for `people`.
        public var targets: Set<Int>
    }

    public let queries: [Query]

    /// Makes up to `perCategory` queries of each category from the films of `index`.
    ///
    /// Titles are taken only when they name one film in the catalog (so a right answer exists), except for
    /// `title_year`, which takes titles shared by films of different years. Titles are one to six words.
    public init(index: FilmIndex, perCategory: Int, seed: UInt64, analyzer: Analyzer = Analyzer()) {
        var random = SplitMix64(seed: seed)
        var films: [IndexedFilm] = []
        for doc in 0..<DocID(index.segment.docCount) {
            if let film = index.film(doc) { films.append(film) }
        }
        // How many films carry each normalized title, and of which years.
        var titleFilms: [String: [Int]] = [:]
        for (position, film) in films.enumerated() {
            for title in Set(film.titles.map(analyzer.normalize)) where !title.isEmpty {
                titleFilms[title, default: []].append(position)
            }
        }
        func isUnique(_ title: String) -> Bool { titleFilms[analyzer.normalize(title)]?.count == 1 }
        func wordCount(_ title: String) -> Int { analyzer.normalize(title).split(separator: " ").count }
        let usable = films.filter { film in (1...6).contains(wordCount(film.title)) && isUnique(film.title) }

        var queries: [Query] = []
        func sample(_ category: Category, from pool: [IndexedFilm], _ make: (IndexedFilm, inout SplitMix64) -> Query?) {
            var shuffled = pool
            shuffled.shuffle(using: &random)
            var made = 0
            for film in shuffled where made < perCategory {
                if let query = make(film, &random), !query.text.isEmpty {
                    queries.append(query)
                    made += 1
                }
            }
        }
        func single(_ category: Category, _ film: IndexedFilm, _ text: String) -> Query {
            Query(category: category, text: text, targets: [film.id])
        }

        sample(.exact, from: usable) { film, _ in single(.exact, film, film.title) }
        sample(.typo, from: usable) { film, random in
            Self.withTypo(film.title, using: &random).map { single(.typo, film, $0) }
        }
        sample(.prefix, from: usable) { film, _ in
            Self.halfTyped(film.title).map { single(.prefix, film, $0) }
        }
        sample(.layout, from: usable.filter { Self.isOnKeyboard($0.title) }) { film, _ in
            let cyrillic = film.title.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
            return single(.layout, film, cyrillic ? KeyboardLayout.toLatin(film.title) : KeyboardLayout.toCyrillic(film.title))
        }
        sample(.transliteration, from: usable.filter { Self.isCyrillic($0.title) }) { film, _ in
            single(.transliteration, film, Self.passportLatin(film.title))
        }
        let bilingual = usable.filter { film in
            Self.isCyrillic(film.title) && (film.titles.contains { !Self.isCyrillic($0) && isUnique($0) })
        }
        sample(.otherLanguage, from: bilingual) { film, random in
            // Either direction: the Latin title of a film shown in Russian, or the Russian one.
            let latin = film.titles.first { !Self.isCyrillic($0) && isUnique($0) }!
            return single(.otherLanguage, film, random.next() % 2 == 0 ? latin : film.title)
        }
        // A director by name: any film whose people include that name is a right answer (one person can be two
        // people in the catalog when the sources did not agree).
        var filmsByDirector: [String: (name: String, films: Set<Int>)] = [:]
        var filmsByName: [String: Set<Int>] = [:]
        for film in films {
            for person in film.people {
                filmsByName[analyzer.normalize(person.name), default: []].insert(film.id)
                if person.role == .director {
                    filmsByDirector[analyzer.normalize(person.name), default: (person.name, [])].films.insert(film.id)
                }
            }
        }
        let directors = filmsByDirector.map { key, value in (name: value.name, films: filmsByName[key] ?? value.films) }
            .filter { $0.films.count >= 2 && $0.name.split(separator: " ").count >= 2 }
            .sorted { $0.name < $1.name }
        var shuffledDirectors = directors
        shuffledDirectors.shuffle(using: &random)
        for director in shuffledDirectors.prefix(perCategory) {
            queries.append(Query(category: .people, text: director.name, targets: director.films))
        }
        let remade = titleFilms.filter { entry in
            let years = entry.value.compactMap { films[$0].year }
            return entry.value.count >= 2 && Set(years).count == years.count && years.count == entry.value.count
                && (1...4).contains(entry.key.split(separator: " ").count)
        }.sorted { $0.key < $1.key }
        var shuffledRemakes = remade
        shuffledRemakes.shuffle(using: &random)
        for (_, positions) in shuffledRemakes.prefix(perCategory) {
            let film = films[positions[Int(random.next() % UInt64(positions.count))]]
            guard let year = film.year else { continue }
            let title = film.titles.first { titleFilms[analyzer.normalize($0)] == positions } ?? film.title
            queries.append(Query(category: .titleYear, text: "\(title) \(year)", targets: [film.id]))
        }
        self.queries = queries
    }

    // MARK: - Rewrites

    /// The title with one typo in its longest word of five letters or more: a letter dropped, doubled, replaced by
    /// its keyboard neighbour, or two letters swapped.
    static func withTypo(_ title: String, using random: inout SplitMix64) -> String? {
        var words = title.split(separator: " ", omittingEmptySubsequences: false).map { Array($0) }
        guard let target = words.indices.filter({ words[$0].filter(\.isLetter).count >= 5 })
            .max(by: { words[$0].count < words[$1].count }) else { return nil }
        var word = words[target]
        let letters = word.indices.filter { word[$0].isLetter }
        let position = letters[1 + Int(random.next() % UInt64(letters.count - 2))]
        switch random.next() % 4 {
        case 0: word.remove(at: position)
        case 1: word.insert(word[position], at: position)
        case 2 where word[position + 1].isLetter: word.swapAt(position, position + 1)
        default:
            let neighbours = Self.neighbours[Character(word[position].lowercased())] ?? ["e"]
            word[position] = neighbours.randomElement(using: &random) ?? "e"
        }
        words[target] = word
        return words.map { String($0) }.joined(separator: " ")
    }

    /// The title as typed so far: its last word cut to its first two thirds (at least three letters). Titles whose
    /// last word is shorter than five letters are not used.
    static func halfTyped(_ title: String) -> String? {
        var words = title.split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        let letters = last.filter { $0.isLetter || $0.isNumber }
        guard letters.count >= 5 else { return nil }
        words[words.count - 1] = String(letters.prefix(max(3, (letters.count * 2 + 2) / 3)))
        return words.joined(separator: " ")
    }

    static func isCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// Whether every letter of the text is on the Russian or the English keyboard.
    static func isOnKeyboard(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            !scalar.properties.isAlphabetic || scalar.isASCII || (0x0410...0x044F).contains(scalar.value)
                || scalar.value == 0x0401 || scalar.value == 0x0451
        }
    }

    /// Russian to Latin as Russian passports write names (a different scheme from the search's own).
    static func passportLatin(_ text: String) -> String {
        let table: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
            "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y",
            "ь": "", "э": "e", "ю": "iu", "я": "ia",
        ]
        return String(text.lowercased().flatMap { table[$0] ?? String($0) })
    }

    /// Keys next to each other on the Russian and the English keyboards.
    static let neighbours: [Character: [Character]] = {
        var map: [Character: [Character]] = [:]
        for row in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"] {
            let keys = Array(row)
            for (index, key) in keys.enumerated() {
                map[key] = [index > 0 ? keys[index - 1] : nil, index + 1 < keys.count ? keys[index + 1] : nil]
                    .compactMap { $0 }
            }
        }
        return map
    }()
}
