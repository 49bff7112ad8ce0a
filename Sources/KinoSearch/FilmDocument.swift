import Foundation
import KinoCatalog
import KinoIndex
import KinoText

/// What the index stores of a film: enough to render a result list, highlight it and find similar films without the
/// database.
public struct IndexedFilm: Hashable, Sendable {
    /// A person as the index keeps them: directors first, then the first billed of everyone else.
    public struct Person: Hashable, Sendable {
        public var id: Int
        public var name: String
        public var nameEN: String?
        public var role: Role
    }

    public var id: Int
    public var title: String
    public var originalTitle: String?
    public var titleEN: String?
    /// Every title of the film, in every language.
    public var titles: [String]
    public var year: Int?
    public var type: FilmType
    public var genres: [Genre]
    public var countries: [String]
    public var rating: Double?
    public var votes: Int?
    public var poster: String?
    public var externalIDs: [ExternalIDNamespace: String]
    public var runtime: Int?
    public var ageRating: String?
    /// The Russian description, else the English one.
    public var description: String?
    public var keywords: [String]
    public var people: [Person]

    /// The most people the index keeps per film besides its directors.
    static let peopleKept = 12
}

/// Turns a catalog film into an index document.
public enum FilmDocument {
    /// The rating shown and sorted on: Kinopoisk's when known, else IMDb's, else TMDB's (all out of 10), with the
    /// largest vote count any source gives.
    public static func headlineRating(_ film: Film) -> (value: Double?, votes: Int?) {
        let value = [RatingSource.kinopoisk, .imdb, .tmdb].lazy.compactMap { film.rating(from: $0)?.value }.first
        let votes = film.ratings.compactMap(\.votes).max()
        return (value, votes)
    }

    public static func make(_ film: Film, analyzer: Analyzer) -> Document {
        let (rating, votes) = headlineRating(film)
        var people = film.credits.filter { $0.role == .director }
        var kept = Set(people.map(\.personID))
        for credit in film.credits where people.count < IndexedFilm.peopleKept + kept.count
            && kept.insert(credit.personID).inserted {
            people.append(credit)
        }
        let stored = IndexedFilm(
            id: film.id, title: film.displayTitle, originalTitle: film.titleOriginal, titleEN: film.titleEN,
            titles: film.allTitles, year: film.year, type: film.type, genres: film.genres, countries: film.countries,
            rating: rating, votes: votes, poster: film.poster, externalIDs: film.externalIDs,
            runtime: film.runtimeMinutes, ageRating: film.ageRating, description: film.descriptionRU ?? film.descriptionEN,
            keywords: film.keywords,
            people: people.map { IndexedFilm.Person(id: $0.personID, name: $0.name, nameEN: $0.nameEN, role: $0.role) })
        let titleTokens = film.allTitles.map(analyzer.tokens)
        // A text indexed into two fields comes twice in a row, so the writer analyses it once.
        var fields: [(field: FieldID, text: String)] = film.allTitles.flatMap { [(FilmSchema.titles, $0), (FilmSchema.words, $0)] }
        var seenPeople = Set<Int>()
        for credit in film.credits where seenPeople.insert(credit.personID).inserted {
            fields.append((FilmSchema.people, credit.name))
            fields.append((FilmSchema.words, credit.name))
            if let english = credit.nameEN, english != credit.name {
                fields.append((FilmSchema.people, english))
                fields.append((FilmSchema.words, english))
            }
        }
        for text in [film.descriptionRU, film.descriptionEN, film.taglineRU, film.taglineEN].compactMap({ $0 }) {
            fields.append((FilmSchema.description, text))
        }
        fields += film.keywords.map { (FilmSchema.keywords, $0) }
        fields += film.genres.flatMap { [(FilmSchema.labels, $0.labelRU), (FilmSchema.labels, $0.labelEN)] }
        fields += film.countries.compactMap { Country(code: $0) }.flatMap { [(FilmSchema.labels, $0.nameRU), (FilmSchema.labels, $0.nameEN)] }

        var columns: [ColumnID: ColumnValue] = [
            FilmSchema.filmID: .u32(UInt32(clamping: film.id)),
            FilmSchema.type: .u32(FilmSchema.value(of: film.type)),
            FilmSchema.genres: .multiU32(film.genres.map(FilmSchema.value(of:))),
            FilmSchema.countries: .multiU32(film.countries.compactMap(FilmSchema.value(ofCountry:))),
            FilmSchema.titleKeys: .multiU32(titleTokens.map { titleKey($0, stemmed: true) }),
            FilmSchema.titleWordKeys: .multiU32(titleTokens.map { titleKey($0, stemmed: false) }),
        ]
        if let year = film.year {
            columns[FilmSchema.year] = .i32(Int32(clamping: year))
            columns[FilmSchema.decade] = .u32(UInt32(clamping: year / 10 * 10))
        }
        if let rating { columns[FilmSchema.rating] = .f32(Float(rating)) }
        if let votes { columns[FilmSchema.votes] = .u32(UInt32(clamping: votes)) }
        if let popularity = film.popularity { columns[FilmSchema.popularity] = .f32(Float(popularity)) }
        if let runtime = film.runtimeMinutes { columns[FilmSchema.runtime] = .u32(UInt32(clamping: runtime)) }
        if let age = film.ageRating.flatMap({ UInt32($0.filter(\.isNumber)) }) {
            // One more than the age, so 0 stays "unknown" and "0+" is 1.
            columns[FilmSchema.ageRating] = .u32(age + 1)
        }
        return Document(fields: fields, stored: StoredFilmCodec.encode(stored), columns: columns)
    }

    /// A 32-bit key of a whole title: the stems (or the normalized forms) of its words joined by spaces, hashed. A
    /// query whose words make the same key names the whole title ("матрицы" and "Матрица" by stems, "the matrix"
    /// and "The Matrix" by words).
    public static func titleKey(_ tokens: some Sequence<Token>, stemmed: Bool) -> UInt32 {
        titleKey(words: tokens.lazy.filter { $0.kind == .word || $0.kind == .compound }
            .map { stemmed ? $0.stem : $0.normalized })
    }

    /// The key of a title made of these words (stems or normalized forms).
    static func titleKey(words: some Sequence<String>) -> UInt32 {
        var key = TitleKey()
        for word in words {
            key.add(word)
        }
        return key.value
    }

    /// ``titleKey(words:)`` made a word at a time: keys of titles that start with the same words share the start.
    struct TitleKey {
        private var hash: UInt32 = 2_166_136_261
        private var isEmpty = true

        /// The key of the words added so far.
        var value: UInt32 { hash }

        mutating func add(_ word: String) {
            if !isEmpty {
                hash = (hash ^ 0x20) &* 16_777_619
            }
            isEmpty = false
            var word = word
            word.withUTF8 { bytes in
                for byte in bytes {
                    hash = (hash ^ UInt32(byte)) &* 16_777_619
                }
            }
        }
    }
}
