import Foundation

/// Reads the Ministry of Culture distribution-certificate registry (`mkrf_movies.csv`) and its box office
/// (`mkrf_shows.csv`): Russian titles, directors and producers, studios, countries, age ratings, Kinopoisk ratings and
/// genres. The data is dirty (leading spaces, `99%` ratings, mixed country separators, re-certified films); what cannot
/// be read is dropped with a warning, and a film certified several times collapses in the merge.
enum MKRFImporter {
    static func read(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: [
            "title", "puNumber", "show_start_date", "type", "production_country", "director", "producer",
            "age_restriction", "budget", "ratings", "genres",
        ])
        context.noteFile(url, for: .mkrf)
        try csv.forEachRow({ row in
            let number = try row.required("puNumber")
            guard number.allSatisfy(\.isASCIIDigit) else { throw RowRejection("puNumber: '\(number)' is not a certificate number") }
            var record = SourceRecord(source: .mkrf, sourceID: number)
            record.origin = row.origin
            let (title, alternative) = cleanTitle(try row.required("title"))
            guard !title.isEmpty else { throw RowRejection("the film has no title") }
            if isCyrillic(title) { record.titleRU = title } else { record.titleOriginal = title }
            if let alternative {
                if isLatin(alternative), record.titleOriginal == nil { record.titleOriginal = alternative } else { record.alternativeTitles = [alternative] }
            }
            record.releaseDate = dayOf(date: row["show_start_date"])
            record.year = yearOf(date: row["show_start_date"])
            record.type = filmType(row["type"])
            record.countries = context.countries([row["production_country"] ?? ""], source: .mkrf, origin: row.origin)
            record.credits = names(row["director"]).map { SourceCredit(nameRU: $0, role: .director) }
                + names(row["producer"]).map { SourceCredit(nameRU: $0, role: .producer) }
            record.ageRating = row["age_restriction"].flatMap(ageRating)
            if let text = row["ratings"] {
                if let value = Double(text), (0...10).contains(value) {
                    record.ratings = [Rating(source: .kinopoisk, value: value, votes: nil)]
                } else {
                    context.warn(ImportIssue(origin: row.origin, message: "ratings: '\(text)' is not a rating out of 10"), source: .mkrf)
                }
            }
            if let budget = try row.number("budget"), budget > 0 { record.budget = Money(amount: budget, currency: "RUB") }
            let words = (row["genres"] ?? "").split(separator: ",").map(String.init)
            record.genres = context.genres(words, source: .mkrf, origin: row.origin)
            context.add(record)
        }, reject: { try context.reject($0, source: .mkrf) })
    }

    static func readShows(_ url: URL, into context: inout ImportContext) throws {
        var csv = try CSVDataset(url: url, requiredColumns: ["puNumber", "box_office"])
        context.noteFile(url, for: .mkrf)
        try csv.forEachRow({ row in
            let number = try row.required("puNumber")
            if let amount = try row.number("box_office"), amount > 0 { context.mkrfBoxOffice[number] = amount }
        }, reject: { try context.reject($0, source: .mkrf) })
    }

    static func finish(_ context: inout ImportContext) {
        guard var records = context.records[.mkrf], !context.mkrfBoxOffice.isEmpty else { return }
        for index in records.indices {
            if let amount = context.mkrfBoxOffice[records[index].sourceID] {
                records[index].boxOffice = Money(amount: amount, currency: "RUB")
            }
        }
        context.records[.mkrf] = records
    }

    /// Splits what the registry appends to titles off the title: a trailing dot or underscore, `/По роману .../`
    /// and `(по книге ...)` notes, and a title in parentheses (`"Робин Гуд (Robin Hood)"`), which is returned as an
    /// alternative title.
    static func cleanTitle(_ raw: String) -> (title: String, alternative: String?) {
        var title = raw.trimmingWhitespace()
        if let slash = title.firstIndex(of: "/"), slash != title.startIndex { title = String(title[..<slash]).trimmingWhitespace() }
        var alternative: String?
        if title.hasSuffix(")"), let open = title.lastIndex(of: "("), open != title.startIndex {
            let inner = String(title[title.index(after: open)..<title.index(before: title.endIndex)]).trimmingWhitespace()
            title = String(title[..<open]).trimmingWhitespace()
            if !inner.lowercased().hasPrefix("по "), !inner.isEmpty { alternative = inner }
        }
        while let last = title.last, "._=-".contains(last), !title.hasSuffix("..") {
            title.removeLast()
            title = title.trimmingWhitespace()
        }
        return (title, alternative)
    }

    /// `"Художественный"`, `" Анимационный"`, ... → the film type.
    static func filmType(_ raw: String?) -> FilmType? {
        switch raw?.trimmingWhitespace().lowercased() {
        case "художественный": .film
        case "анимационный": .animated
        case "документальный", "научно-популярный": .documentary
        default: nil
        }
    }

    /// `"«18+» - запрещено для детей"` → `"18+"`.
    static func ageRating(_ raw: String) -> String? {
        guard let range = raw.range(of: #"\d{1,2}\+"#, options: .regularExpression) else { return nil }
        return String(raw[range])
    }

    /// Splits a comma-separated list of names.
    static func names(_ raw: String?) -> [String] {
        (raw ?? "").split(separator: ",").compactMap { String($0).nonBlank }
    }
}
