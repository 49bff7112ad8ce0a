import Foundation

/// Reads the TMDB 5000 films CSV (`tmdb_5000_movies.csv`): English titles and overviews, original titles, genres,
/// keywords, production countries, popularity, votes, runtime, budget and revenue.
enum TMDBImporter {
    static func read(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: [
            "id", "title", "original_title", "genres", "keywords", "overview", "popularity", "production_countries",
            "release_date", "revenue", "budget", "runtime", "tagline", "vote_average", "vote_count", "original_language",
        ])
        context.noteFile(url, for: .tmdb)
        try csv.forEachRow({ row in
            guard let id = try row.integer("id"), id > 0 else { throw RowRejection("id is missing or not positive") }
            var record = SourceRecord(source: .tmdb, sourceID: String(id))
            record.origin = row.origin
            guard let title = row["title"] ?? row["original_title"] else { throw RowRejection("the film has no title") }
            record.titleEN = title
            record.titleOriginal = row["original_title"] ?? title
            if let original = row["original_title"], isCyrillic(original) { record.titleRU = original }
            record.releaseDate = dayOf(date: row["release_date"])
            record.year = yearOf(date: row["release_date"])
            record.runtimeMinutes = try row.integer("runtime").flatMap { $0 > 0 ? $0 : nil }
            let genreWords = try jsonNames(row["genres"], column: "genres")
            record.genres = context.genres(genreWords, source: .tmdb, origin: row.origin)
            record.type = genreWords.contains("Animation") ? .animated : genreWords.contains("Documentary") ? .documentary : .film
            record.keywords = try jsonNames(row["keywords"], column: "keywords")
            // TMDB writes Serbia and Montenegro with the code CS, which ISO gave Czechoslovakia: the name decides.
            let countryNames = try jsonNames(row["production_countries"], column: "production_countries")
            record.countries = context.countries(countryNames, source: .tmdb, origin: row.origin)
            record.descriptionEN = row["overview"]
            record.taglineEN = row["tagline"]
            record.popularity = try row.number("popularity")
            if let average = try row.number("vote_average"), let votes = try row.integer("vote_count"), votes > 0 {
                record.ratings = [Rating(source: .tmdb, value: average, votes: votes)]
            }
            if let budget = try row.number("budget"), budget > 0 { record.budget = Money(amount: budget, currency: "USD") }
            if let revenue = try row.number("revenue"), revenue > 0 { record.boxOffice = Money(amount: revenue, currency: "USD") }
            context.add(record)
        }, reject: { try context.reject($0, source: .tmdb) })
    }
}
