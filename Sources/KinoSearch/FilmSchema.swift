import KinoCatalog
import KinoIndex

/// How films map onto the engine's fields and columns.
///
/// Text fields: every title in both scripts (with positions, for phrase and whole-title matches), people's names (with
/// positions, so "christopher nolan" is a phrase), descriptions and taglines, keywords, and the genre and country
/// labels in Russian and English as words. Columns hold what facets, filters and sorting need.
public enum FilmSchema {
    public static let titles = FieldID(0)
    public static let people = FieldID(1)
    public static let description = FieldID(2)
    public static let keywords = FieldID(3)
    public static let labels = FieldID(4)
    /// The words of titles and people's names unstemmed, as typed: where typos and prefixes are looked up.
    public static let words = FieldID(5)

    public static let filmID = ColumnID(0)
    public static let year = ColumnID(1)
    public static let decade = ColumnID(2)
    public static let type = ColumnID(3)
    public static let genres = ColumnID(4)
    public static let countries = ColumnID(5)
    public static let rating = ColumnID(6)
    public static let votes = ColumnID(7)
    public static let popularity = ColumnID(8)
    public static let runtime = ColumnID(9)
    public static let ageRating = ColumnID(10)
    /// ``FilmDocument/titleKey(_:)`` of each of the film's titles, for whole-title matches.
    public static let titleKeys = ColumnID(11)
    /// The same of each title's unstemmed words: an exact whole title.
    public static let titleWordKeys = ColumnID(12)

    public static let schema: Schema = {
        do {
            return try Schema(
                fields: [
                    .init(id: titles, name: "titles", positions: true),
                    .init(id: people, name: "people", positions: true),
                    .init(id: description, name: "description", positions: false),
                    .init(id: keywords, name: "keywords", positions: false),
                    .init(id: labels, name: "labels", positions: false),
                    .init(id: words, name: "words", positions: false, stemmed: false),
                ],
                columns: [
                    .init(id: filmID, name: "film_id", type: .u32),
                    .init(id: year, name: "year", type: .i32),
                    .init(id: decade, name: "decade", type: .u32),
                    .init(id: type, name: "type", type: .u32),
                    .init(id: genres, name: "genres", type: .multiU32),
                    .init(id: countries, name: "countries", type: .multiU32),
                    .init(id: rating, name: "rating", type: .f32),
                    .init(id: votes, name: "votes", type: .u32),
                    .init(id: popularity, name: "popularity", type: .f32),
                    .init(id: runtime, name: "runtime", type: .u32),
                    .init(id: ageRating, name: "age_rating", type: .u32),
                    .init(id: titleKeys, name: "title_keys", type: .multiU32),
                    .init(id: titleWordKeys, name: "title_word_keys", type: .multiU32),
                ]
            )
        } catch {
            preconditionFailure("the film schema is invalid: \(error)")
        }
    }()

    /// A genre's value in the `genres` column: its place in ``Genre/allCases``.
    public static func value(of genre: Genre) -> UInt32 {
        UInt32(Genre.allCases.firstIndex(of: genre)!)
    }

    public static func genre(from value: UInt32) -> Genre? {
        Int(value) < Genre.allCases.count ? Genre.allCases[Int(value)] : nil
    }

    /// A country's value in the `countries` column: its place in ``Country/all``, so facet counts fit a small array.
    public static func value(ofCountry code: String) -> UInt32? {
        countryValues[code]
    }

    public static func country(from value: UInt32) -> String? {
        Int(value) < Country.all.count ? Country.all[Int(value)].code : nil
    }

    private static let countryValues: [String: UInt32] = Dictionary(
        uniqueKeysWithValues: Country.all.enumerated().map { ($0.element.code, UInt32($0.offset)) })

    /// A film type's value in the `type` column.
    public static func value(of type: FilmType) -> UInt32 {
        UInt32(FilmType.allCases.firstIndex(of: type)!)
    }
}
