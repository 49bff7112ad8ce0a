import Foundation
import KinoCatalog
import KinoIndex

/// What the index stores of a film: enough to render a result list without the database.
public struct IndexedFilm: Hashable, Codable, Sendable {
    public var id: Int
    public var title: String
    public var originalTitle: String?
    public var titleEN: String?
    public var year: Int?
    public var type: FilmType
    public var genres: [Genre]
    public var countries: [String]
    public var rating: Double?
    public var votes: Int?
    public var poster: String?
    public var externalIDs: [ExternalIDNamespace: String]

    enum CodingKeys: String, CodingKey {
        case id, title, originalTitle = "original_title", titleEN = "title_en", year, type, genres, countries, rating,
             votes, poster, externalIDs = "external_ids"
    }
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

    public static func make(_ film: Film, encoder: JSONEncoder) throws -> Document {
        let (rating, votes) = headlineRating(film)
        let stored = IndexedFilm(
            id: film.id, title: film.displayTitle, originalTitle: film.titleOriginal, titleEN: film.titleEN,
            year: film.year, type: film.type, genres: film.genres, countries: film.countries, rating: rating,
            votes: votes, poster: film.poster, externalIDs: film.externalIDs)
        var fields: [(field: FieldID, text: String)] = film.allTitles.map { (FilmSchema.titles, $0) }
        var seenPeople = Set<Int>()
        for credit in film.credits where seenPeople.insert(credit.personID).inserted {
            fields.append((FilmSchema.people, credit.name))
            if let english = credit.nameEN, english != credit.name { fields.append((FilmSchema.people, english)) }
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
        ]
        if let year = film.year {
            columns[FilmSchema.year] = .i32(Int32(clamping: year))
            columns[FilmSchema.decade] = .i32(Int32(clamping: year / 10 * 10))
        }
        if let rating { columns[FilmSchema.rating] = .f32(Float(rating)) }
        if let votes { columns[FilmSchema.votes] = .u32(UInt32(clamping: votes)) }
        if let popularity = film.popularity { columns[FilmSchema.popularity] = .f32(Float(popularity)) }
        if let runtime = film.runtimeMinutes { columns[FilmSchema.runtime] = .u32(UInt32(clamping: runtime)) }
        if let age = film.ageRating.flatMap({ UInt32($0.filter(\.isNumber)) }) { columns[FilmSchema.ageRating] = .u32(age) }
        return Document(fields: fields, stored: Array(try encoder.encode(stored)), columns: columns)
    }
}
