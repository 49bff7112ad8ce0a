@testable import KinoIndex

/// The committed segment of format version 1, `Fixtures/format-v1/`: every later build must still open it and read
/// the same terms, postings, stored bytes and columns from it (tantivy keeps such indexes in
/// `tests/compat_tests_data/`).
///
/// It is written once per format version, from the films below with a fixed segment id:
/// `KINO_WRITE_FIXTURES=1 swift test --filter FormatV1Tests`. Never rewrite the files of a released version.
enum FormatV1Fixture {
    static let title = FieldID(0)
    static let people = FieldID(1)
    static let keywords = FieldID(2)
    static let id = ColumnID(0)
    static let year = ColumnID(1)
    static let rating = ColumnID(2)
    static let genres = ColumnID(3)

    /// Two text fields with positions, one without, and a column of every type.
    static func schema() throws -> Schema {
        try Schema(
            fields: [
                .init(id: title, name: "title", positions: true),
                .init(id: people, name: "people", positions: true),
                .init(id: keywords, name: "keywords", positions: false),
            ],
            columns: [
                .init(id: id, name: "id", type: .u32),
                .init(id: year, name: "year", type: .i32),
                .init(id: rating, name: "rating", type: .f32),
                .init(id: genres, name: "genres", type: .multiU32),
            ])
    }

    struct Film {
        var title: String
        var people: [String]
        var keywords: String
        var year: Int32?
        var rating: Float
        var genres: [UInt32]?
    }

    /// Document `n` is film `n`; its `id` column is `n + 1`.
    static let films: [Film] = [
        Film(title: "Брат", people: ["Алексей Балабанов", "Сергей Бодров"], keywords: "бандиты Петербург",
             year: 1997, rating: 8.3, genres: [1, 5]),
        Film(title: "Брат 2", people: ["Алексей Балабанов", "Сергей Бодров"], keywords: "Америка бандиты",
             year: 2000, rating: 8.0, genres: [1, 5]),
        Film(title: "Солярис", people: ["Андрей Тарковский", "Донатас Банионис"], keywords: "космос океан",
             year: 1972, rating: 8.0, genres: [3]),
        Film(title: "Сталкер", people: ["Андрей Тарковский", "Александр Кайдановский"], keywords: "зона комната",
             year: 1979, rating: 8.1, genres: [3, 2]),
        Film(title: "Зеркало", people: ["Андрей Тарковский"], keywords: "память детство",
             year: 1974, rating: 8.0, genres: [2]),
        Film(title: "The Matrix", people: ["Lana Wachowski", "Keanu Reeves"], keywords: "simulation hacker",
             year: 1999, rating: 8.7, genres: [1, 3]),
        Film(title: "Матрица: Перезагрузка", people: ["Lana Wachowski", "Киану Ривз"], keywords: "simulation",
             year: 2003, rating: 7.2, genres: [1, 3]),
        Film(title: "Solaris", people: ["Steven Soderbergh", "George Clooney"], keywords: "space ocean",
             year: 2002, rating: 6.2, genres: [3]),
        Film(title: "Ирония судьбы, или С лёгким паром!", people: ["Эльдар Рязанов", "Андрей Мягков"],
             keywords: "Новый год баня", year: 1975, rating: 8.2, genres: [4, 2]),
        Film(title: "Москва слезам не верит", people: ["Владимир Меньшов"], keywords: "Москва любовь",
             year: 1979, rating: 8.0, genres: [2]),
        Film(title: "Amélie", people: ["Jean-Pierre Jeunet", "Audrey Tautou"], keywords: "Paris café",
             year: 2001, rating: 8.3, genres: [4]),
        Film(title: "Человек-паук", people: ["Sam Raimi", "Тоби Магуайр"], keywords: "супергерой паук",
             year: 2002, rating: 7.3, genres: [1]),
        Film(title: "Spider-Man: Far From Home", people: ["Jon Watts", "Tom Holland"], keywords: "superhero Europe",
             year: 2019, rating: 7.4, genres: [1]),
        Film(title: "Star Wars", people: ["George Lucas", "Mark Hamill"], keywords: "space empire",
             year: 1977, rating: 8.6, genres: [1, 3]),
        Film(title: "Звёздные войны: Эпизод V", people: ["Джордж Лукас", "Марк Хэмилл"], keywords: "космос империя",
             year: 1980, rating: 8.7, genres: [1, 3, 6]),
        Film(title: "Девятая рота", people: ["Фёдор Бондарчук"], keywords: "война Афганистан",
             year: 2005, rating: 7.5, genres: [5, 2]),
        Film(title: "Ёлки", people: ["Тимур Бекмамбетов"], keywords: "Новый год", year: 2010, rating: 6.9, genres: []),
        Film(title: "Don't Look Up", people: ["Adam McKay", "Leonardo DiCaprio"], keywords: "comet",
             year: 2021, rating: 7.2, genres: [4]),
        Film(title: "Вий", people: ["Константин Ершов"], keywords: "ведьма", year: nil, rating: 7.2, genres: nil),
        Film(title: "Rocky II", people: ["Sylvester Stallone"], keywords: "boxing", year: 1979, rating: 7.3,
             genres: [5]),
    ]

    /// The bytes stored for document `index`.
    static func stored(_ index: Int) -> [UInt8] {
        Array("{\"id\":\(index + 1),\"title\":\"\(films[index].title)\"}".utf8)
    }

    static func document(_ index: Int) -> Document {
        let film = films[index]
        var document = Document(fields: [(title, film.title)], stored: stored(index))
        document.fields += film.people.map { (people, $0) }
        document.fields.append((keywords, film.keywords))
        document.columns[id] = .u32(UInt32(index + 1))
        document.columns[year] = film.year.map(ColumnValue.i32)
        document.columns[rating] = .f32(film.rating)
        document.columns[genres] = film.genres.map(ColumnValue.multiU32)
        return document
    }

    /// The segment id in the files' headers.
    static var segmentID: SegmentID {
        FormatFixture.segmentID(version: 1)
    }

    /// `Fixtures/format-v1` next to this file.
    static let folder = FormatFixture.folder(version: 1)

    /// The files of a segment of version 1.
    static let files = [
        SegmentFiles.meta, SegmentFiles.terms, SegmentFiles.postings, SegmentFiles.positions,
        SegmentFiles.fieldLengths, SegmentFiles.stored, SegmentFiles.columns,
    ]

    /// Whether the fixture is to be written again (`KINO_WRITE_FIXTURES=1`), which only a build that writes
    /// version 1 can do.
    static var rewriting: Bool {
        FormatFixture.rewriting(version: 1)
    }

    /// Writes the segment into `directory`.
    static func write(to directory: String) throws {
        var writer = SegmentWriter(schema: try schema())
        for index in films.indices {
            try writer.addDocument(document(index))
        }
        try writer.write(to: directory, segmentID: segmentID)
    }
}
