import Foundation
import KinoCatalog
import KinoSearch

/// What a film page shows, from the catalog's whole film: every field, people by role, ratings by source, links to
/// the film elsewhere, and a JSON-LD `Movie`.
enum FilmPage {
    static func head(_ film: Film, language: SearchRequest.Language) -> SiteRenderer.Head {
        let strings = SiteStrings.table(language)
        let title = displayTitle(film, language: language)
        let year = film.year.map { " (\($0))" } ?? ""
        let description = self.description(film, language: language)
            ?? [title + year, film.genres.map { language == .ru ? $0.labelRU : $0.labelEN }.joined(separator: ", ")]
                .joined(separator: ". ")
        return SiteRenderer.Head(
            title: "\(title)\(year) — \(strings["siteName"]!)", description: description,
            canonicalPath: "/films/\(film.id)", ogType: "video.movie", ogImage: film.poster,
            jsonLD: SiteRenderer.scriptSafeJSON(jsonLD(film, language: language)))
    }

    static func displayTitle(_ film: Film, language: SearchRequest.Language) -> String {
        language == .ru ? film.displayTitle : film.titleEN ?? film.titleOriginal ?? film.displayTitle
    }

    static func description(_ film: Film, language: SearchRequest.Language) -> String? {
        language == .ru ? film.descriptionRU ?? film.descriptionEN : film.descriptionEN ?? film.descriptionRU
    }

    static func values(_ film: Film, similar: [IndexedFilm], language: SearchRequest.Language) -> [String: Any] {
        let russian = language == .ru
        let strings = SiteStrings.table(language)
        let title = displayTitle(film, language: language)
        var values: [String: Any] = ["id": film.id, "title": title]
        values["year"] = film.year
        let original = film.titleOriginal ?? (russian ? film.titleEN : film.titleRU)
        values["originalTitle"] = original == title ? nil : original
        values["tagline"] = russian ? film.taglineRU ?? film.taglineEN : film.taglineEN ?? film.taglineRU
        values["poster"] = film.poster
        values["typeLabel"] = russian ? film.type.labelRU : film.type.labelEN
        let genres = film.genres.map { ["value": $0.rawValue, "label": russian ? $0.labelRU : $0.labelEN] }
        values["genres"] = genres
        values["hasGenres"] = !genres.isEmpty
        let countries = film.countries.compactMap(Country.init(code:)).map {
            ["value": $0.code, "label": russian ? $0.nameRU : $0.nameEN]
        }
        values["countries"] = countries
        values["hasCountries"] = !countries.isEmpty
        values["releaseDate"] = film.releaseDate
        values["runtime"] = film.runtimeMinutes
        values["ageRating"] = film.ageRating.map { $0.hasSuffix("+") ? $0 : $0 + "+" } ?? film.mpaaRating
        values["budget"] = film.budget.map(money)
        values["boxOffice"] = film.boxOffice.map(money)
        let shown = Set([title, original].compactMap { $0 })
        let others = film.allTitles.filter { !shown.contains($0) }
        values["otherTitles"] = others.isEmpty ? nil : others.prefix(8).joined(separator: " · ")
        let ratings = film.ratings.sorted { $0.source < $1.source }.map { rating -> [String: Any] in
            var item: [String: Any] = ["source": sourceName(rating.source),
                                       "value": rating.source.scale == 100 ? String(Int(rating.value))
                                           : String(format: "%.1f", rating.value)]
            item["votes"] = rating.votes.map { SiteStrings.counted($0, "votes", language: language) }
            return item
        }
        values["ratings"] = ratings
        values["hasRatings"] = !ratings.isEmpty
        let descriptions = (russian ? [("ru", film.descriptionRU), ("en", film.descriptionEN)]
                                    : [("en", film.descriptionEN), ("ru", film.descriptionRU)])
            .compactMap { lang, text in text.map { ["lang": lang, "text": $0] } }
        values["descriptions"] = descriptions.prefix(1).map { $0 }
        var roles: [[String: Any]] = []
        for role in Role.allCases {
            let credits = film.credits.filter { $0.role == role }
            guard !credits.isEmpty else { continue }
            let people = credits.prefix(role == .actor ? 30 : 10).enumerated().map { offset, credit -> [String: Any] in
                var person: [String: Any] = ["id": credit.personID,
                                             "name": russian ? credit.name : credit.nameEN ?? credit.name,
                                             "last": offset == min(credits.count, role == .actor ? 30 : 10) - 1]
                person["character"] = credit.character
                return person
            }
            roles.append(["label": strings["role_\(role.rawValue)"] ?? role.rawValue, "people": people])
        }
        values["roles"] = roles
        values["hasRoles"] = !roles.isEmpty
        values["keywords"] = film.keywords.isEmpty ? nil : film.keywords.prefix(20).joined(separator: ", ")
        let links = film.externalIDs.sorted { $0.key < $1.key }.compactMap { namespace, id -> [String: String]? in
            link(namespace, id).map { ["label": sourceName(namespace), "href": $0] }
        }
        values["links"] = links
        values["hasLinks"] = !links.isEmpty
        values["similar"] = ["films": similar.map(SiteRoutes.card)]
        return values
    }

    static func money(_ money: Money) -> String {
        let symbol = ["USD": "$", "RUB": "₽", "EUR": "€"][money.currency]
        let amount = SiteRoutes.grouped(Int(money.amount.rounded()))
        return symbol.map { $0 == "₽" ? "\(amount) \($0)" : "\($0)\(amount)" } ?? "\(amount) \(money.currency)"
    }

    static func sourceName(_ source: RatingSource) -> String {
        switch source {
        case .kinopoisk: "Кинопоиск"
        case .imdb: "IMDb"
        case .tmdb: "TMDB"
        case .movielens: "MovieLens"
        case .metacritic: "Metacritic"
        }
    }

    static func sourceName(_ namespace: ExternalIDNamespace) -> String {
        switch namespace {
        case .kinopoisk: "Кинопоиск"
        case .imdb: "IMDb"
        case .tmdb: "TMDB"
        case .movielens: "MovieLens"
        case .mkrf: "Минкультуры"
        }
    }

    static func link(_ namespace: ExternalIDNamespace, _ id: String) -> String? {
        guard let encoded = id.addingPercentEncoding(withAllowedCharacters: SiteRenderer.unreserved) else { return nil }
        return switch namespace {
        case .kinopoisk: "https://www.kinopoisk.ru/film/\(encoded)/"
        case .imdb: "https://www.imdb.com/title/\(encoded)/"
        case .tmdb: "https://www.themoviedb.org/movie/\(encoded)"
        case .movielens: "https://movielens.org/movies/\(encoded)"
        case .mkrf: nil
        }
    }

    /// schema.org `Movie` (or `TVSeries`) of the film.
    static func jsonLD(_ film: Film, language: SearchRequest.Language) -> [String: Any] {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": film.type == .series ? "TVSeries" : "Movie",
            "name": displayTitle(film, language: language),
        ]
        if let original = film.titleOriginal { object["alternateName"] = original }
        if let year = film.year { object["dateCreated"] = String(year) }
        if let date = film.releaseDate { object["datePublished"] = date }
        if let text = description(film, language: language) { object["description"] = text }
        if let poster = film.poster { object["image"] = poster }
        if !film.genres.isEmpty { object["genre"] = film.genres.map { language == .ru ? $0.labelRU : $0.labelEN } }
        if let runtime = film.runtimeMinutes { object["duration"] = "PT\(runtime)M" }
        let person = { (credit: Credit) -> [String: Any] in
            ["@type": "Person", "name": credit.name, "url": "/people/\(credit.personID)"]
        }
        let directors = film.credits.filter { $0.role == .director }.map(person)
        if !directors.isEmpty { object["director"] = directors }
        let actors = film.credits.filter { $0.role == .actor }.prefix(10).map(person)
        if !actors.isEmpty { object["actor"] = Array(actors) }
        if let countries = Optional(film.countries.compactMap(Country.init(code:))), !countries.isEmpty {
            object["countryOfOrigin"] = countries.map { ["@type": "Country", "name": $0.nameEN] }
        }
        let (rating, votes) = FilmDocument.headlineRating(film)
        if let rating, let votes, votes > 0 {
            object["aggregateRating"] = ["@type": "AggregateRating", "ratingValue": rating, "bestRating": 10,
                                         "ratingCount": votes]
        }
        return object
    }
}
