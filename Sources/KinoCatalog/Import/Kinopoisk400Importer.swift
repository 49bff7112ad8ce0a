import Foundation

/// Reads the Kinopoisk 400 CSV (`kinopoisk_movies.csv`): Russian titles and descriptions, genres, actors and
/// countries (the last three as Python list literals) of films keyed by their Kinopoisk id.
enum Kinopoisk400Importer {
    static func read(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: ["id_kinopoisk", "title", "genres", "actors", "description", "countries"])
        context.noteFile(url, for: .kinopoisk400)
        try csv.forEachRow({ row in
            guard let id = try row.integer("id_kinopoisk"), id > 0 else { throw RowRejection("id_kinopoisk is missing or not positive") }
            var record = SourceRecord(source: .kinopoisk400, sourceID: String(id))
            record.origin = row.origin
            let title = try row.required("title")
            record.titleRU = title
            func list(_ column: String) throws -> [String] {
                guard let text = row[column] else { return [] }
                guard let items = PythonListLiteral.parse(text) else { throw RowRejection("\(column): not a list literal") }
                return items
            }
            record.genres = context.genres(try list("genres"), source: .kinopoisk400, origin: row.origin)
            record.countries = context.countries(try list("countries"), source: .kinopoisk400, origin: row.origin)
            record.credits = try list("actors").compactMap(\.nonBlank).map { SourceCredit(nameRU: $0, role: .actor) }
            record.descriptionRU = row["description"]
            record.type = record.genres.contains(.animation) ? .animated : nil
            context.add(record)
        }, reject: { try context.reject($0, source: .kinopoisk400) })
    }
}
