import Foundation

/// Reads MovieLens (`ml-latest-small`): films with year and genres (`movies.csv`), their IMDb and TMDB ids
/// (`links.csv`), and the ratings and tags of its users (`ratings.csv`, `tags.csv`), which are kept as an external
/// ratings set for the recommender and also give each film a MovieLens rating with its vote count.
enum MovieLensImporter {
    static func readMovies(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: ["movieId", "title", "genres"])
        context.noteFile(url, for: .movielens)
        try csv.forEachRow({ row in
            guard let id = try row.integer("movieId"), id > 0 else { throw RowRejection("movieId is missing or not positive") }
            var record = SourceRecord(source: .movielens, sourceID: String(id))
            record.origin = row.origin
            let parsed = parseTitle(try row.required("title"))
            guard !parsed.title.isEmpty else { throw RowRejection("the film has no title") }
            record.titleEN = parsed.title
            record.alternativeTitles = parsed.alternatives
            record.year = parsed.year
            let words = (row["genres"] ?? "").split(separator: "|").map(String.init)
            record.genres = context.genres(words, source: .movielens, origin: row.origin)
            record.type = words.contains("Animation") ? .animated : words.contains("Documentary") ? .documentary : .film
            context.add(record)
        }, reject: { try context.reject($0, source: .movielens) })
    }

    static func readLinks(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: ["movieId", "imdbId", "tmdbId"])
        context.noteFile(url, for: .movielens)
        try csv.forEachRow({ row in
            guard let id = try row.integer("movieId") else { throw RowRejection("movieId is empty") }
            let imdb = row["imdbId"].map { ExternalID(.imdb, $0).value }.flatMap(\.nonBlank)
            let tmdb = row["tmdbId"].map { ExternalID(.tmdb, $0).value }.flatMap(\.nonBlank)
            if row["imdbId"] != nil, imdb == nil { throw RowRejection("imdbId: '\(row["imdbId"]!)' is not an IMDb id") }
            if row["tmdbId"] != nil, tmdb == nil { throw RowRejection("tmdbId: '\(row["tmdbId"]!)' is not a TMDB id") }
            context.movielensLinks[String(id)] = (imdb, tmdb)
        }, reject: { try context.reject($0, source: .movielens) })
    }

    static func readRatings(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: ["userId", "movieId", "rating", "timestamp"])
        context.noteFile(url, for: .movielens)
        var ratings: [ExternalRating] = []
        try csv.forEachRow({ row in
            guard let user = try row.integer("userId"), let movie = try row.integer("movieId"),
                  let rating = try row.number("rating"), let timestamp = try row.integer("timestamp")
            else { throw RowRejection("a rating needs userId, movieId, rating and timestamp") }
            guard (0...5).contains(rating) else { throw RowRejection("rating: \(rating) is outside 0–5") }
            ratings.append(ExternalRating(userID: user, movieID: movie, rating: rating, timestamp: timestamp))
        }, reject: { try context.reject($0, source: .movielens) })
        context.externalRatings = ratings
    }

    static func readTags(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: ["userId", "movieId", "tag", "timestamp"])
        context.noteFile(url, for: .movielens)
        var tags: [ExternalTag] = []
        try csv.forEachRow({ row in
            guard let user = try row.integer("userId"), let movie = try row.integer("movieId"),
                  let tag = row["tag"], let timestamp = try row.integer("timestamp")
            else { throw RowRejection("a tag needs userId, movieId, tag and timestamp") }
            tags.append(ExternalTag(userID: user, movieID: movie, tag: tag, timestamp: timestamp))
        }, reject: { try context.reject($0, source: .movielens) })
        context.externalTags = tags
    }

    /// Gives MovieLens records their IMDb and TMDB ids and their average rating with its vote count.
    static func finish(_ context: inout ImportContext) {
        guard var records = context.records[.movielens] else { return }
        var totals: [Int: (sum: Double, count: Int)] = [:]
        for rating in context.externalRatings ?? [] {
            totals[rating.movieID, default: (0, 0)].sum += rating.rating
            totals[rating.movieID, default: (0, 0)].count += 1
        }
        for index in records.indices {
            let id = records[index].sourceID
            if let links = context.movielensLinks[id] {
                if let imdb = links.imdb { records[index].externalIDs[.imdb] = imdb }
                if let tmdb = links.tmdb { records[index].externalIDs[.tmdb] = tmdb }
            }
            if let total = totals[Int(id) ?? 0], total.count > 0 {
                let average = (total.sum / Double(total.count) * 100).rounded() / 100
                records[index].ratings = [Rating(source: .movielens, value: average, votes: total.count)]
            }
        }
        context.records[.movielens] = records
    }

    /// Splits a MovieLens title: `"City of Lost Children, The (Cité des enfants perdus, La) (1995)"` →
    /// `"The City of Lost Children"`, alternatives `["La Cité des enfants perdus"]`, 1995.
    static func parseTitle(_ raw: String) -> (title: String, alternatives: [String], year: Int?) {
        var text = raw.trimmingWhitespace()
        var year: Int?
        if let match = text.range(of: #"\((\d{4})(?:[–-]\d{0,4})?\)\s*$"#, options: .regularExpression) {
            year = Int(text[match].dropFirst().prefix(4))
            text = String(text[..<match.lowerBound]).trimmingWhitespace()
        }
        var alternatives: [String] = []
        while let match = text.range(of: #"\s\(([^()]+)\)$"#, options: .regularExpression) {
            var alternative = String(text[match]).trimmingWhitespace()
            alternative = String(alternative.dropFirst().dropLast())
            if alternative.hasPrefix("a.k.a. ") { alternative = String(alternative.dropFirst(7)) }
            alternatives.insert(movingArticle(alternative), at: 0)
            text = String(text[..<match.lowerBound]).trimmingWhitespace()
        }
        return (movingArticle(text), alternatives, year)
    }

    private static let articles: Set<String> = [
        "The", "A", "An", "La", "Le", "Les", "L'", "Il", "Lo", "I", "Gli", "El", "Los", "Las", "Der", "Die", "Das",
        "Den", "Det", "De", "Het", "Un", "Une", "Uno", "Una", "Ein", "Eine", "O", "Os", "As",
    ]

    /// `"Matrix, The"` → `"The Matrix"`; `"Homme et une femme, Un"` → `"Un Homme et une femme"`.
    static func movingArticle(_ title: String) -> String {
        guard let comma = title.range(of: ", ", options: .backwards) else { return title }
        let article = String(title[comma.upperBound...])
        guard articles.contains(article) else { return title }
        let separator = article.hasSuffix("'") ? "" : " "
        return article + separator + title[..<comma.lowerBound]
    }
}
