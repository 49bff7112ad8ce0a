import KinoCatalog
import KinoIndex

/// Names and labels of the search facets, in Russian and English.
enum FacetLabels {
    static func name(of column: ColumnID) -> String {
        switch column {
        case FilmSchema.genres: "genre"
        case FilmSchema.countries: "country"
        case FilmSchema.type: "type"
        case FilmSchema.decade: "decade"
        case FilmSchema.ageRating: "age_rating"
        default: FilmSchema.schema.column(column)?.name ?? "\(column.rawValue)"
        }
    }

    /// The value and labels of a decade ("1990", "1990-е", "1990s") and of an age rating by its facet value (the
    /// rating plus one: "16", "16+").
    private static func decadeLabels(_ decade: UInt32) -> (value: String, ru: String, en: String) {
        (String(decade), "\(decade)-е", "\(decade)s")
    }

    private static func ageRatingLabels(_ raw: UInt32) -> (value: String, label: String) {
        (String(raw - 1), "\(raw - 1)+")
    }

    /// The same of the decades up to 2290, by decade / 10, and of age ratings up to 30, by facet value minus one:
    /// made once, not formatted for every search.
    private static let decades = (0..<230).map { decadeLabels(UInt32($0 * 10)) }
    private static let ageRatings = (1..<32).map { ageRatingLabels(UInt32($0)) }

    /// Every country's code and names, by facet value (its index in `Country.all`).
    private static let countries = Country.all.map { (code: $0.code, ru: $0.nameRU, en: $0.nameEN) }

    /// The value as the API names it (`drama`, `RU`, `film`, `1990`, `16`) with its label, or nil for a value that
    /// names nothing (a film without a decade or age rating).
    static func value(_ raw: UInt32, column: ColumnID, count: Int, language: SearchRequest.Language)
        -> SearchResponse.FacetValue? {
        let russian = language == .ru
        switch column {
        case FilmSchema.genres:
            guard let genre = FilmSchema.genre(from: raw) else { return nil }
            return .init(value: genre.rawValue, label: russian ? genre.labelRU : genre.labelEN, count: count)
        case FilmSchema.countries:
            guard Int(raw) < countries.count else { return nil }
            let country = countries[Int(raw)]
            return .init(value: country.code, label: russian ? country.ru : country.en, count: count)
        case FilmSchema.type:
            guard Int(raw) < FilmType.allCases.count else { return nil }
            let type = FilmType.allCases[Int(raw)]
            return .init(value: type.rawValue, label: russian ? type.labelRU : type.labelEN, count: count)
        case FilmSchema.decade:
            guard raw > 0 else { return nil }
            let decade = raw % 10 == 0 && Int(raw / 10) < decades.count ? decades[Int(raw / 10)] : decadeLabels(raw)
            return .init(value: decade.value, label: russian ? decade.ru : decade.en, count: count)
        case FilmSchema.ageRating:
            guard raw > 0 else { return nil }
            let rating = Int(raw) <= ageRatings.count ? ageRatings[Int(raw) - 1] : ageRatingLabels(raw)
            return .init(value: rating.value, label: rating.label, count: count)
        default:
            return nil
        }
    }
}
