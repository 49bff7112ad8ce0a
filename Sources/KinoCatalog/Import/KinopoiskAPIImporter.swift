import Foundation

/// Reads Kinopoisk API (kinopoisk.dev) responses: paged lists (`{"docs": [...], "total", "page", ...}`) and full film
/// records. Lists give Russian and English titles, year, rating and votes, genres, countries and people without
/// professions; full records add descriptions, professions, characters, alternative titles and external ids.
enum KinopoiskAPIImporter {
    static func readList(_ url: URL, into context: inout ImportContext) throws {
        context.noteFile(url, for: .kinopoiskList)
        // A list response does not say what its items are; list files of series are named so (`serials1.json`).
        let name = url.lastPathComponent.lowercased()
        try readList(try readJSON(url), name: url.path, originPrefix: url.lastPathComponent,
                     seriesList: name.contains("serial") || name.contains("series"), into: &context)
    }

    /// Reads one list response already parsed; `name` names it in errors, `originPrefix` in each record's origin.
    static func readList(_ json: Any, name: String, originPrefix: String, seriesList: Bool,
                         into context: inout ImportContext) throws {
        guard let page = json as? [String: Any], let docs = page["docs"] as? [Any] else {
            throw CatalogError(.unexpectedLayout, "\(name): not a Kinopoisk list response (no docs array)")
        }
        for (index, item) in docs.enumerated() {
            let origin = "\(originPrefix)#\(index + 1)"
            do {
                guard let doc = item as? [String: Any] else { throw RowRejection("the item is not an object") }
                var record = try common(doc, source: .kinopoiskList, origin: origin, context: &context)
                if seriesList { record.type = .series }
                record.credits = doc.objects("persons").compactMap { person in
                    guard let name = person.string("name") else { return nil }
                    return SourceCredit(nameRU: isCyrillic(name) ? name : nil, nameEN: isCyrillic(name) ? nil : name,
                                        kinopoiskID: person.int("id"), role: .crew)
                }
                context.add(record)
            } catch let rejection as RowRejection {
                try context.reject(ImportIssue(origin: origin, message: rejection.message), source: .kinopoiskList)
            }
        }
    }

    static func readFull(_ url: URL, into context: inout ImportContext) throws {
        context.noteFile(url, for: .kinopoiskFull)
        try readFull(try readJSON(url), name: url.path, origin: url.lastPathComponent, into: &context)
    }

    /// Reads one full film record already parsed.
    static func readFull(_ json: Any, name: String, origin: String, into context: inout ImportContext) throws {
        guard let doc = json as? [String: Any] else {
            throw CatalogError(.unexpectedLayout, "\(name): not a Kinopoisk film record")
        }
        do {
            var record = try common(doc, source: .kinopoiskFull, origin: origin, context: &context)
            if let alternative = doc.string("alternativeName"), alternative != record.titleRU {
                record.titleOriginal = alternative
                if isLatin(alternative), record.titleEN == nil { record.titleEN = alternative }
            }
            for name in doc.objects("names").compactMap({ $0.string("name") }) where !record.allTitles.contains(name) {
                record.alternativeTitles.append(name)
            }
            record.descriptionRU = doc.string("description") ?? doc.string("shortDescription")
            if let age = doc.int("ageRating") { record.ageRating = "\(age)+" }
            record.mpaaRating = doc.string("ratingMpaa").map { $0.uppercased() }
            if let external = doc.object("externalId") {
                if let imdb = external.string("imdb") { record.externalIDs[.imdb] = ExternalID(.imdb, imdb).value.nonBlank }
                if let tmdb = external.string("tmdb") { record.externalIDs[.tmdb] = ExternalID(.tmdb, tmdb).value.nonBlank }
            }
            if let world = doc.object("premiere")?.string("world") {
                record.releaseDate = dayOf(date: world)
            }
            if let imdb = doc.object("rating")?.double("imdb"), imdb > 0 {
                record.ratings.append(Rating(source: .imdb, value: imdb, votes: doc.object("votes")?.int("imdb")))
            }
            record.credits = doc.objects("persons").compactMap { person in
                guard let role = person.string("enProfession").flatMap(Role.lookup) ?? person.string("profession").flatMap(Role.lookup) else { return nil }
                let name = person.string("name"), nameEN = person.string("enName")
                guard name != nil || nameEN != nil else { return nil }
                return SourceCredit(nameRU: name, nameEN: nameEN, kinopoiskID: person.int("id"), role: role,
                                    character: role == .actor || role == .voice ? person.string("description") : nil)
            }
            context.add(record)
        } catch let rejection as RowRejection {
            try context.reject(ImportIssue(origin: origin, message: rejection.message), source: .kinopoiskFull)
        }
    }

    /// The fields that lists and full records share.
    private static func common(_ doc: [String: Any], source: Source, origin: String, context: inout ImportContext) throws -> SourceRecord {
        guard let id = doc.int("id"), id > 0 else { throw RowRejection("id is missing or not positive") }
        var record = SourceRecord(source: source, sourceID: String(id))
        record.origin = origin
        // `name` is the title on Kinopoisk's Russian pages, whatever its script ("Духless", "12", "Generation П").
        record.titleRU = doc.string("name")
        guard record.titleRU != nil || doc.string("alternativeName") != nil || doc.string("enName") != nil else {
            throw RowRejection("the film has no title")
        }
        if record.titleRU == nil { record.titleOriginal = doc.string("alternativeName") ?? doc.string("enName") }
        if let english = doc.string("enName") {
            record.titleEN = english
            record.titleOriginal = record.titleOriginal ?? english
        }
        record.year = doc.int("year").flatMap { (1850...2100).contains($0) ? $0 : nil }
        record.type = filmType(doc.string("type"))
        record.runtimeMinutes = doc.int("movieLength").flatMap { $0 > 0 ? $0 : nil }
        record.taglineRU = doc.string("slogan")
        record.genres = context.genres(doc.objects("genres").compactMap { $0.string("name") }, source: source, origin: origin)
        record.countries = context.countries(doc.objects("countries").compactMap { $0.string("name") }, source: source, origin: origin)
        if record.titleOriginal == nil, record.countries.contains(where: { ["RU", "SU"].contains($0) }) {
            // A Russian or Soviet film's original title is its Russian title.
            record.titleOriginal = record.titleRU
        }
        if let rating = doc.object("rating")?.double("kp"), rating > 0 {
            record.ratings.append(Rating(source: .kinopoisk, value: rating, votes: doc.object("votes")?.int("kp")))
        }
        if let budget = doc.object("budget"), let value = budget.double("value"), value > 0 {
            record.budget = Money(amount: value, currency: Money.currencyCode(budget.string("currency")))
        }
        if let world = doc.object("fees")?.object("world"), let value = world.double("value"), value > 0 {
            record.boxOffice = Money(amount: value, currency: Money.currencyCode(world.string("currency")))
        }
        record.poster = doc.object("poster")?.string("url")
        return record
    }

    /// Kinopoisk's `type` values.
    static func filmType(_ raw: String?) -> FilmType? {
        switch raw?.lowercased() {
        case "movie", "film": .film
        case "tv-series", "mini-series", "animated-series", "tv-show", "tv_series", "mini_series", "tv_show": .series
        case "cartoon", "anime": .animated
        case "video": .film
        default: nil
        }
    }
}
