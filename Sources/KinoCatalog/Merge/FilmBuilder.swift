/// Makes a film out of the source records that belong to it.
///
/// Every field comes from the first record, in the order of ``Source``, that has it (some fields use an order of
/// their own, e.g. Russian descriptions prefer full texts over the catalogue's short ones); which source gave a
/// field is kept in ``Film/provenance``. Ratings keep, per rating source, the figure with the most votes; credits
/// and external ids are the union of all records.
struct FilmBuilder {
    private let records: [SourceRecord]
    private var provenance: [String: Source] = [:]

    init(records: [SourceRecord]) {
        self.records = records.sorted { ($0.source, $0.sourceID) < ($1.source, $1.sourceID) }
    }

    mutating func build(id: Int, people: inout PeopleRegistry) -> Film {
        let titleRU = first("title_ru") { $0.titleRU }
        let titleEN = first("title_en") { $0.titleEN }
        let titleOriginal = first("original_title") { $0.titleOriginal }
        var seen = Set([titleRU, titleEN, titleOriginal].compactMap { $0.map(MatchKey.title) })
        var alternatives: [String] = []
        for title in records.flatMap(\.allTitles) where seen.insert(MatchKey.title(title)).inserted {
            alternatives.append(title)
        }
        // Without a release year, the earliest certificate is the best guess.
        let year = first("year", from: records.filter { $0.source.yearIsReleaseYear }) { $0.year }
            ?? first("year", from: records.sorted { ($0.year ?? .max) < ($1.year ?? .max) }) { $0.year }
        let genres = first("genres") { $0.genres.isEmpty ? nil : $0.genres } ?? []
        var type = records.contains { $0.type == .series } ? FilmType.series : first("type") { $0.type } ?? .film
        if type == .film, genres.contains(.animation) { type = .animated }

        return Film(
            id: id,
            type: type,
            titleRU: titleRU,
            titleOriginal: titleOriginal,
            titleEN: titleEN,
            alternativeTitles: alternatives,
            year: year,
            releaseDate: first("release_date") { $0.releaseDate },
            runtimeMinutes: first("runtime") { $0.runtimeMinutes },
            countries: first("countries") { $0.countries.isEmpty ? nil : $0.countries } ?? [],
            genres: genres,
            ageRating: first("age_rating") { $0.ageRating },
            mpaaRating: first("mpaa_rating") { $0.mpaaRating },
            descriptionRU: first("description_ru", order: [.kinopoiskFull, .kinopoisk400, .kinopoiskHD, .scraped]) { $0.descriptionRU },
            descriptionEN: first("description_en") { $0.descriptionEN },
            taglineRU: first("tagline_ru") { $0.taglineRU },
            taglineEN: first("tagline_en") { $0.taglineEN },
            keywords: first("keywords") { $0.keywords.isEmpty ? nil : $0.keywords } ?? [],
            credits: credits(&people),
            ratings: ratings(),
            popularity: first("popularity") { $0.popularity },
            budget: first("budget") { $0.budget },
            boxOffice: first("box_office") { $0.boxOffice },
            poster: first("poster") { $0.poster },
            externalIDs: externalIDs(),
            provenance: provenance,
            sources: records.map(\.key)
        )
    }

    /// The value of the first record that has one, noting its source.
    private mutating func first<Value>(_ field: String, from candidates: [SourceRecord]? = nil,
                                       _ value: (SourceRecord) -> Value?) -> Value? {
        for record in candidates ?? records {
            if let found = value(record) {
                provenance[field] = record.source
                return found
            }
        }
        return nil
    }

    /// The value of the first record that has one, taking the given sources first.
    private mutating func first<Value>(_ field: String, order: [Source], _ value: (SourceRecord) -> Value?) -> Value? {
        let ordered = records.sorted { (order.firstIndex(of: $0.source) ?? order.count, $0.source) < (order.firstIndex(of: $1.source) ?? order.count, $1.source) }
        return first(field, from: ordered, value)
    }

    private func ratings() -> [Rating] {
        var best: [RatingSource: Rating] = [:]
        for rating in records.flatMap(\.ratings) {
            if let current = best[rating.source], (current.votes ?? 0) >= (rating.votes ?? 0) { continue }
            best[rating.source] = rating
        }
        return best.values.sorted { $0.source < $1.source }
    }

    private func externalIDs() -> [ExternalIDNamespace: String] {
        var ids: [ExternalIDNamespace: String] = [:]
        for record in records {
            for (namespace, value) in record.externalIDs where ids[namespace] == nil { ids[namespace] = value }
        }
        return ids
    }

    /// The credits of every record, each person once per role; a person a source lists without a role keeps no
    /// such entry when another source says what they did.
    private func credits(_ people: inout PeopleRegistry) -> [Credit] {
        var result: [Credit] = []
        var seen = Set<String>()
        var rolesByPerson: [Int: Set<Role>] = [:]
        var resolved: [(Person, SourceCredit)] = []
        for credit in records.flatMap(\.credits) {
            let person = people.resolve(credit)
            resolved.append((person, credit))
            rolesByPerson[person.id, default: []].insert(credit.role)
        }
        for (person, credit) in resolved {
            if credit.role == .crew, rolesByPerson[person.id, default: []].count > 1 { continue }
            guard seen.insert("\(person.id)/\(credit.role.rawValue)").inserted else { continue }
            result.append(Credit(personID: person.id, name: person.displayName, nameEN: person.nameEN,
                                 role: credit.role, character: credit.character))
        }
        return result.enumerated().sorted { ($0.element.role, $0.offset) < ($1.element.role, $1.offset) }.map(\.element)
    }
}

extension Source {
    /// Whether the record's year is the film's release year. The Ministry of Culture registry gives the year of a
    /// distribution certificate, which can come decades after the film (a Soviet classic certified in 2016).
    var yearIsReleaseYear: Bool { self != .mkrf }
}
