import Foundation

/// Films made up from the shape of a real catalog, for benchmarks at sizes no real catalog here has (100,000 and
/// 1,000,000 films). Deterministic: the same source, count and seed give the same films.
///
/// Each made-up film starts from a real film picked at random (its "model"), which gives it a type, genres,
/// countries, runtime, age rating and, with noise, a year, rating and vote count, so the joint distributions and the
/// popularity skew carry over. Its titles have the model's word counts, drawn word by word from the real titles'
/// word frequencies (Russian words for Russian titles, Latin for English and original ones), so words stay Zipfian;
/// descriptions likewise, at the model's length. Credits keep the model's roles and count; directors and actors
/// are drawn from a pool of people that grows with the catalog (real people plus new ones whose first and last
/// names come from different real people), weighted by a Zipf law so some people have many films.
public struct SyntheticCatalog: Sendable {
    /// Words with their counts, drawn in proportion to them.
    struct Vocabulary: Sendable {
        private(set) var words: [String] = []
        private var cumulative: [UInt64] = []
        private var counts: [String: UInt64] = [:]

        mutating func add(_ word: String) {
            counts[word, default: 0] += 1
        }

        mutating func seal() {
            words = counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }
            var total: UInt64 = 0
            cumulative = words.map { total += counts[$0]!; return total }
            counts = [:]
        }

        var isEmpty: Bool { words.isEmpty }

        func draw(_ random: inout SplitMix64) -> String {
            let target = random.next() % cumulative.last!
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            return words[low]
        }
    }

    let models: [Film]
    let realPeople: [Person]
    var russianTitles = Vocabulary()
    var latinTitles = Vocabulary()
    var russianText = Vocabulary()
    var englishText = Vocabulary()
    var keywords = Vocabulary()

    /// Learns the shape of `films` (and their `people`).
    public init(films: [Film], people: [Person]) {
        models = films.filter { !$0.displayTitle.isEmpty }
        realPeople = people.filter { $0.nameRU != nil || $0.nameEN != nil }
        for film in models {
            for title in [film.titleRU, film.titleEN, film.titleOriginal].compactMap({ $0 }) {
                for word in Self.words(title) {
                    if Self.isCyrillic(word) { russianTitles.add(word) } else { latinTitles.add(word) }
                }
            }
            for word in Self.words(film.descriptionRU ?? "") { russianText.add(word) }
            for word in Self.words(film.descriptionEN ?? "") { englishText.add(word) }
            for keyword in film.keywords { keywords.add(keyword) }
        }
        for index in [\SyntheticCatalog.russianTitles, \.latinTitles, \.russianText, \.englishText, \.keywords] {
            self[keyPath: index].seal()
        }
    }

    /// The people of a catalog of `filmCount` films: the real ones, then made-up ones up to one person per two films.
    public func people(filmCount: Int, seed: UInt64) -> [Person] {
        var random = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        var people = realPeople.enumerated().map { Person(id: $0.offset + 1, nameRU: $0.element.nameRU,
                                                          nameEN: $0.element.nameEN, kinopoiskID: nil) }
        let wanted = max(people.count, filmCount / 2)
        guard !realPeople.isEmpty else { return people }
        while people.count < wanted {
            let first = realPeople[Int(random.next() % UInt64(realPeople.count))]
            let last = realPeople[Int(random.next() % UInt64(realPeople.count))]
            func combine(_ a: String?, _ b: String?) -> String? {
                guard let a, let b else { return nil }
                let given = a.split(separator: " ").first.map(String.init) ?? a
                let family = b.split(separator: " ").last.map(String.init) ?? b
                return given + " " + family
            }
            people.append(Person(id: people.count + 1, nameRU: combine(first.nameRU, last.nameRU),
                                 nameEN: combine(first.nameEN, last.nameEN), kinopoiskID: nil))
        }
        return people
    }

    /// The film with id `id` (from 1) of the catalog made with `seed`, crediting people from `people`.
    public func film(id: Int, seed: UInt64, people: [Person]) -> Film {
        var random = SplitMix64(seed: seed &+ UInt64(id) &* 0x2545_F491_4F6C_DD1D)
        let model = models[Int(random.next() % UInt64(models.count))]
        var film = Film(
            id: id, type: model.type, titleRU: nil, titleOriginal: nil, titleEN: nil, alternativeTitles: [],
            year: nil, releaseDate: nil, runtimeMinutes: model.runtimeMinutes, countries: model.countries,
            genres: model.genres, ageRating: model.ageRating, mpaaRating: model.mpaaRating, descriptionRU: nil,
            descriptionEN: nil, taglineRU: nil, taglineEN: nil, keywords: [], credits: [], ratings: [],
            popularity: model.popularity, budget: nil, boxOffice: nil, poster: nil,
            externalIDs: [.kinopoisk: String(10_000_000 + id)], provenance: [:], sources: [])
        if let title = model.titleRU {
            film.titleRU = sentence(Self.words(title).count, from: russianTitles, &random)
        }
        if let title = model.titleEN {
            film.titleEN = sentence(Self.words(title).count, from: latinTitles, &random)
        }
        if let original = model.titleOriginal {
            if original == model.titleRU {
                film.titleOriginal = film.titleRU
            } else if original == model.titleEN {
                film.titleOriginal = film.titleEN
            } else {
                film.titleOriginal = sentence(Self.words(original).count, from: Self.isCyrillic(original) ? russianTitles : latinTitles, &random)
            }
        }
        if film.titleRU == nil, film.titleEN == nil, film.titleOriginal == nil {
            film.titleRU = sentence(2, from: russianTitles, &random)
        }
        if let year = model.year {
            film.year = min(2026, max(1895, year + Int(random.next() % 7) - 3))
        }
        if let text = model.descriptionRU, !russianText.isEmpty {
            film.descriptionRU = sentence(Self.words(text).count, from: russianText, &random) + "."
        }
        if let text = model.descriptionEN, !englishText.isEmpty {
            film.descriptionEN = sentence(Self.words(text).count, from: englishText, &random) + "."
        }
        if !keywords.isEmpty {
            film.keywords = (0..<model.keywords.count).map { _ in keywords.draw(&random) }
        }
        film.ratings = model.ratings.map { rating in
            var copy = rating
            let noise = (Double(random.next() % 1000) / 1000 - 0.5) * rating.source.scale * 0.08
            copy.value = min(rating.source.scale, max(0, ((rating.value + noise) * 10).rounded() / 10))
            copy.votes = rating.votes.map { max(1, Int(Double($0) * (0.5 + Double(random.next() % 1000) / 1000))) }
            return copy
        }
        if !people.isEmpty {
            film.credits = model.credits.map { credit in
                let person = people[zipf(people.count, &random)]
                return Credit(personID: person.id, name: person.nameRU ?? person.nameEN ?? "", nameEN: person.nameEN,
                              role: credit.role, character: nil)
            }
        }
        return film
    }

    /// A rank from 0 ..< count with probability falling as 1 / (rank + 1): a few people get many films.
    private func zipf(_ count: Int, _ random: inout SplitMix64) -> Int {
        // Inverse of the continuous approximation of the harmonic series.
        let u = Double(random.next() % (1 << 53)) / Double(1 << 53)
        let rank = Int(exp(u * log(Double(count) + 1))) - 1
        return min(max(rank, 0), count - 1)
    }

    private func sentence(_ length: Int, from vocabulary: Vocabulary, _ random: inout SplitMix64) -> String {
        guard !vocabulary.isEmpty else { return "" }
        let words = (0..<max(1, length)).map { _ in vocabulary.draw(&random) }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The lower-cased words of `text`: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func isCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }
}

/// A deterministic random number generator (SplitMix64), the same on every platform: generated catalogs and query
/// sets repeat exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
