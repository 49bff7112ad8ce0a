import Foundation

/// Reads the IMDb top 1000 CSV (`imdb_top_1000.csv`): English titles and overviews, the director and four stars,
/// IMDb rating and votes, Metascore, runtime and US gross. The file has no IMDb ids, so its records are keyed by
/// title and year and merge by title, year and director.
enum IMDbTopImporter {
    static func read(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: [
            "Poster_Link", "Series_Title", "Released_Year", "Runtime", "Genre", "IMDB_Rating", "Overview", "Meta_score",
            "Director", "Star1", "Star2", "Star3", "Star4", "No_of_Votes", "Gross",
        ])
        context.noteFile(url, for: .imdbTop)
        try csv.forEachRow({ row in
            let title = try row.required("Series_Title")
            var year: Int?
            if let text = row["Released_Year"] {
                if let value = Int(text), (1850...2100).contains(value) {
                    year = value
                } else {
                    context.warn(ImportIssue(origin: row.origin, message: "Released_Year: '\(text)' is not a year"), source: .imdbTop)
                }
            }
            var record = SourceRecord(source: .imdbTop, sourceID: MatchKey.title(title).replacingOccurrences(of: " ", with: "-") + "-" + (year.map(String.init) ?? "unknown"))
            record.origin = row.origin
            record.titleEN = title
            record.titleOriginal = title
            record.year = year
            if let runtime = row["Runtime"] {
                guard let minutes = Int(runtime.replacingOccurrences(of: " min", with: "")) else {
                    throw RowRejection("Runtime: '\(runtime)' is not a number of minutes")
                }
                record.runtimeMinutes = minutes
            }
            let words = (row["Genre"] ?? "").split(separator: ",").map(String.init)
            record.genres = context.genres(words, source: .imdbTop, origin: row.origin)
            record.type = record.genres.contains(.animation) ? .animated : .film
            record.descriptionEN = row["Overview"]
            record.credits = (row["Director"] ?? "").split(separator: ",").compactMap { String($0).nonBlank }
                .map { SourceCredit(nameEN: $0, role: .director) }
            record.credits += ["Star1", "Star2", "Star3", "Star4"].compactMap { row[$0] }
                .map { SourceCredit(nameEN: $0, role: .actor) }
            if let rating = try row.number("IMDB_Rating") {
                record.ratings.append(Rating(source: .imdb, value: rating, votes: try row.integer("No_of_Votes")))
            }
            if let metascore = try row.integer("Meta_score") {
                record.ratings.append(Rating(source: .metacritic, value: Double(metascore), votes: nil))
            }
            if let gross = row["Gross"] {
                guard let amount = Double(gross.replacingOccurrences(of: ",", with: "")) else {
                    throw RowRejection("Gross: '\(gross)' is not an amount")
                }
                record.boxOffice = Money(amount: amount, currency: "USD")
            }
            record.poster = row["Poster_Link"]
            context.add(record)
        }, reject: { try context.reject($0, source: .imdbTop) })
    }
}
