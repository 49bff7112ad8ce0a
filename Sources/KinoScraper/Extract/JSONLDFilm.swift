import Foundation
import KinoCatalog

/// Reads one schema.org `Movie` or `TVSeries` object into a source record.
struct JSONLDFilm {
    let object: [String: Any]
    let context: PageContext

    /// The record, or a rejection when the object names no film.
    func record() throws(PageRejection) -> SourceRecord {
        let type = JSONLDScript.types(of: object).first { JSONLDScript.filmTypes[$0] != nil } ?? "Movie"
        var record = context.newRecord()
        let names = strings("name")
        let alternates = strings("alternateName") + strings("alternativeHeadline")
        guard let name = names.first ?? alternates.first else {
            throw PageRejection("JSON-LD \(type) without a name")
        }
        setTitles(&record, name: name, alternates: alternates)
        record.type = JSONLDScript.filmTypes[type] == true ? .series : .film

        let released = object.objects("releasedEvent").flatMap { JSONLDFilm(object: $0, context: context).strings("startDate") }
        if let date = (strings("datePublished") + released + strings("startDate") + strings("dateCreated")).first {
            record.year = FieldText.year(in: date)
            record.releaseDate = FieldText.isoDate(in: date)
        }
        record.genres = genres()
        record.countries = countries()
        record.runtimeMinutes = (strings("duration") + strings("timeRequired")).lazy.compactMap(FieldText.minutes).first
        for rating in strings("contentRating") { setContentRating(&record, rating) }
        if let description = strings("description").first {
            if FieldText.isCyrillic(description) { record.descriptionRU = description } else { record.descriptionEN = description }
        }
        record.keywords = strings("keywords").flatMap { $0.split(separator: ",") }
            .compactMap { $0.trimmed().nonEmpty }
        record.poster = imageURL()
        addCredits(&record)
        if let rating = rating() { record.ratings.append(rating) }
        for link in strings("sameAs") + strings("url") + strings("@id") {
            guard let url = context.resolve(link), let id = FilmSite.filmID(in: url) else { continue }
            if record.externalIDs[id.namespace] == nil { record.externalIDs[id.namespace] = id.value }
        }
        return record
    }

    /// Kinopoisk's `name` is the Russian title and `alternateName` the original; elsewhere a Cyrillic name is the
    /// Russian title and a Latin one the English title.
    private func setTitles(_ record: inout SourceRecord, name: String, alternates: [String]) {
        if context.site == .kinopoisk || FieldText.isCyrillic(name) {
            record.titleRU = name
            if let original = alternates.first(where: { $0 != name }) {
                record.titleOriginal = original
                if !FieldText.isCyrillic(original) { record.titleEN = original }
            }
        } else {
            record.titleEN = name
        }
        for title in alternates where !record.allTitles.contains(title) {
            record.alternativeTitles.append(title)
        }
    }

    /// Russian age ratings (`18+`) and MPAA ratings (`R`, `MPAA PG-13`, `Rated R`).
    private func setContentRating(_ record: inout SourceRecord, _ raw: String) {
        let text = raw.uppercased().replacingOccurrences(of: "MPAA", with: "").replacingOccurrences(of: "RATED", with: "")
            .trimmed()
        if text.hasSuffix("+"), let age = Int(text.dropLast()), [0, 6, 12, 16, 18].contains(age) {
            record.ageRating = "\(age)+"
        } else if ["G", "PG", "PG-13", "R", "NC-17"].contains(text) {
            record.mpaaRating = text
        }
    }

    private func genres() -> [Genre] {
        var result: [Genre] = []
        for word in strings("genre").flatMap({ $0.split(separator: ",") }) {
            if let genre = Genre.lookup(String(word)), !result.contains(genre) { result.append(genre) }
        }
        return result
    }

    private func countries() -> [String] {
        var result: [String] = []
        for name in strings("countryOfOrigin") {
            for country in Country.parseList(name).countries where !result.contains(country.code) {
                result.append(country.code)
            }
        }
        return result
    }

    private func imageURL() -> String? {
        (strings("image") + object.objects("image").flatMap { JSONLDFilm(object: $0, context: context).strings("url") })
            .lazy.compactMap { context.resolve($0)?.absoluteString }.first
    }

    /// The site's own rating; other sites' ratings (Letterboxd's out of 5) have no place in the catalog.
    private func rating() -> Rating? {
        guard let source = context.site.ratingSource, let aggregate = object.objects("aggregateRating").first,
              let value = aggregate.number("ratingValue"), value > 0
        else { return nil }
        let best = aggregate.number("bestRating") ?? source.scale
        guard best > 0, value <= best else { return nil }
        let votes = aggregate.number("ratingCount").map { Int($0) }
        return Rating(source: source, value: best == source.scale ? value : value / best * source.scale, votes: votes)
    }

    private func addCredits(_ record: inout SourceRecord) {
        let roles: [(String, Role)] = [
            ("director", .director), ("directors", .director), ("author", .writer), ("creator", .writer),
            ("actor", .actor), ("actors", .actor), ("producer", .producer), ("musicBy", .composer),
        ]
        for (key, role) in roles {
            for person in strings(key, objectsToo: false) {
                record.addCredit(credit(name: person, link: nil, role: role))
            }
            for person in object.objects(key) {
                guard JSONLDScript.types(of: person).allSatisfy({ $0 == "Person" }) else { continue }
                let reader = JSONLDFilm(object: person, context: context)
                guard let name = reader.strings("name").first else { continue }
                record.addCredit(credit(name: name, link: (reader.strings("url") + reader.strings("sameAs")).first, role: role))
            }
        }
    }

    private func credit(name: String, link: String?, role: Role) -> SourceCredit {
        // Only a Kinopoisk person link (`/name/ID/`) gives an id: other links are not worth resolving.
        let id = link.flatMap { $0.contains("/name/") ? context.resolve($0) : nil }.flatMap(FilmSite.kinopoiskPersonID)
        let russian = FieldText.isCyrillic(name)
        return SourceCredit(nameRU: russian ? name : nil, nameEN: russian ? nil : name, kinopoiskID: id, role: role)
    }

    /// The texts of a field: a string, a number, an array of them, or (with `objectsToo`) objects' `name` or
    /// `@value`; trimmed, entities decoded, blanks dropped.
    func strings(_ key: String, objectsToo: Bool = true) -> [String] {
        let values: [Any] = if let array = object[key] as? [Any] { array } else { object[key].map { [$0] } ?? [] }
        return values.compactMap { value -> String? in
            // Strings and objects are tried before numbers: a failed cast to NSNumber is the costly one.
            let text: String? = if let string = value as? String {
                string
            } else if let nested = value as? [String: Any] {
                objectsToo ? (nested["name"] ?? nested["@value"]) as? String : nil
            } else {
                jsonNumber(value)?.stringValue
            }
            return text.map { FieldText.decodingEntities($0).collapsingWhitespace() }?.nonEmpty
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The objects of a field holding an object or an array of objects.
    func objects(_ key: String) -> [[String: Any]] {
        if let one = self[key] as? [String: Any] { return [one] }
        return (self[key] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    /// A number given as a JSON number or a numeric string.
    func number(_ key: String) -> Double? {
        if let number = jsonNumber(self[key]) { return number.doubleValue.isFinite ? number.doubleValue : nil }
        if let text = self[key] as? String { return Double(text.trimmed().replacingOccurrences(of: ",", with: ".")) }
        return nil
    }
}
