/// Links source records to films and rebuilds the films they change.
///
/// The rules, tried in order (DESIGN.md, "The catalog"):
/// 1. an external id the film already has (`tmdb`, `imdb`, `kinopoisk`, `movielens`, `mkrf`), when no other id of
///    the record contradicts the film's;
/// 2. a title in either script (compared case-folded, and transliterated to Latin) with years at most one apart and
///    a shared director;
/// 3. a title with years at most one apart when one side names no director, if exactly one film matches.
///
/// Films never merge across contradicting ids (two TMDB ids), a series never merges with a film, and a record whose
/// year is a certificate year (``Source/yearIsReleaseYear``) may come any time after the film but not before it.
/// Otherwise the record makes a new film.
struct Merger {
    private(set) var stored: [RecordKey: StoredRecord] = [:]
    private var filmRecords: [Int: [RecordKey]] = [:]
    private var profiles: [Int: FilmProfile] = [:]
    private var byExternalID: [ExternalID: Int] = [:]
    private var byTitle: [String: Set<Int>] = [:]
    private var nextFilmID = 1
    var people: PeopleRegistry
    /// Films whose records changed since loading.
    private(set) var dirtyFilms: Set<Int> = []
    /// Records added or changed since loading.
    private(set) var dirtyRecords: Set<RecordKey> = []

    init(records: [StoredRecord], people: [Person]) {
        self.people = PeopleRegistry(people)
        for record in records.sorted(by: { ($0.filmID, $0.record.key) < ($1.filmID, $1.record.key) }) {
            attach(record)
        }
    }

    enum Outcome { case created, merged, updated, unchanged }

    /// Adds or updates one record; the caller passes its content hash.
    mutating func merge(_ record: SourceRecord, hash: String) -> Outcome {
        if var existing = stored[record.key] {
            guard existing.hash != hash else { return .unchanged }
            existing.record = record
            existing.hash = hash
            attach(existing)
            dirtyFilms.insert(existing.filmID)
            dirtyRecords.insert(record.key)
            return .updated
        }
        let (filmID, rule) = match(record) ?? (nextFilmID, .new)
        attach(StoredRecord(record: record, filmID: filmID, rule: rule, hash: hash))
        dirtyFilms.insert(filmID)
        dirtyRecords.insert(record.key)
        return rule == .new ? .created : .merged
    }

    /// The films whose records changed, rebuilt.
    mutating func rebuildDirtyFilms() -> [Film] {
        dirtyFilms.sorted().map { id in
            var builder = FilmBuilder(records: filmRecords[id, default: []].compactMap { stored[$0]?.record })
            return builder.build(id: id, people: &people)
        }
    }

    func records(ofFilm id: Int) -> [StoredRecord] {
        filmRecords[id, default: []].compactMap { stored[$0] }
    }

    // MARK: Matching

    private func match(_ record: SourceRecord) -> (Int, MergeRule)? {
        // The record's own id decides (a Kinopoisk record joins the film with its Kinopoisk id); ids a source only
        // links to (MovieLens's TMDB ids) must not contradict the film's other ids.
        if let namespace = record.source.idNamespace, let value = record.externalIDs[namespace],
           let film = byExternalID[ExternalID(namespace, value)] {
            return (film, .externalID(namespace))
        }
        for namespace in ExternalIDNamespace.allCases {
            guard let value = record.externalIDs[namespace], let film = byExternalID[ExternalID(namespace, value)] else { continue }
            if !contradicts(record, film) { return (film, .externalID(namespace)) }
        }
        guard record.year != nil else { return nil }
        var candidates = Set<Int>()
        for key in Self.titleKeys(record) { candidates.formUnion(byTitle[key] ?? []) }
        let directors = Set(record.directors.compactMap { MatchKey.surname($0.nameRU ?? $0.nameEN ?? "") })
        var withDirector: [(film: Int, distance: Int)] = []
        var withoutDirector: [(film: Int, distance: Int)] = []
        for film in candidates.sorted() {
            guard let profile = profiles[film], !contradicts(record, film) else { continue }
            if let type = record.type, let filmType = profile.type, !type.isCompatible(with: filmType) { continue }
            guard let distance = yearDistance(record, profile) else { continue }
            if !directors.isEmpty, !profile.directors.isEmpty {
                if !directors.isDisjoint(with: profile.directors) { withDirector.append((film, distance)) }
            } else if record.source.yearIsReleaseYear, distance <= 1 {
                withoutDirector.append((film, distance))
            }
        }
        if let best = withDirector.min(by: { ($0.distance, $0.film) < ($1.distance, $1.film) }) {
            return (best.film, .titleYearDirector)
        }
        if withoutDirector.count == 1 { return (withoutDirector[0].film, .titleYear) }
        return nil
    }

    /// How far the record's year is from the film's, nil when they cannot be the same film: years more than one
    /// apart, or a certificate year before the film's release.
    private func yearDistance(_ record: SourceRecord, _ profile: FilmProfile) -> Int? {
        guard let year = record.year else { return nil }
        switch (record.source.yearIsReleaseYear, profile.years.min(), profile.certificateYears.min()) {
        case (true, _?, _):
            let distance = profile.years.map { abs($0 - year) }.min()!
            return distance <= 1 ? distance : nil
        case (true, nil, let certified?):
            return year <= certified + 1 ? max(0, certified - year) : nil
        case (false, let released?, _):
            return released <= year + 1 ? max(0, year - released) : nil
        case (false, nil, _?):
            // Two certificates of one film: only a shared director links them.
            return profile.certificateYears.map { abs($0 - year) }.min()!
        case (_, nil, nil):
            return nil
        }
    }

    /// Whether the record has an id the film contradicts, or comes from an id-less source the film already has a
    /// record of (two different rows of one file are two films).
    private func contradicts(_ record: SourceRecord, _ film: Int) -> Bool {
        guard let profile = profiles[film] else { return false }
        for (namespace, value) in record.externalIDs where namespace.isUnique {
            if let values = profile.ids[namespace], !values.contains(value) { return true }
        }
        return record.source.idNamespace == nil && profile.sources.contains(record.source)
    }

    // MARK: Bookkeeping

    private mutating func attach(_ record: StoredRecord) {
        let key = record.record.key
        if stored[key] == nil { filmRecords[record.filmID, default: []].append(key) }
        stored[key] = record
        nextFilmID = max(nextFilmID, record.filmID + 1)
        var profile = profiles[record.filmID] ?? FilmProfile()
        profile.add(record.record)
        profiles[record.filmID] = profile
        for (namespace, value) in record.record.externalIDs {
            let id = ExternalID(namespace, value)
            if byExternalID[id] == nil { byExternalID[id] = record.filmID }
        }
        for title in Self.titleKeys(record.record) { byTitle[title, default: []].insert(record.filmID) }
    }

    /// The keys under which a record's titles are compared: each title case-folded, and in loosened Latin.
    static func titleKeys(_ record: SourceRecord) -> Set<String> {
        var keys = Set<String>()
        for title in record.allTitles {
            let key = MatchKey.title(title)
            guard !key.isEmpty else { continue }
            keys.insert(key)
            keys.insert("~" + MatchKey.latin(title))
        }
        return keys
    }
}

/// What the matcher needs to know of a film: its years, directors, ids, type and sources.
struct FilmProfile {
    var years: Set<Int> = []
    /// Years of distribution certificates (see ``Source/yearIsReleaseYear``).
    var certificateYears: Set<Int> = []
    var directors: Set<String> = []
    var ids: [ExternalIDNamespace: Set<String>] = [:]
    var type: FilmType?
    var sources: Set<Source> = []

    mutating func add(_ record: SourceRecord) {
        if let year = record.year {
            if record.source.yearIsReleaseYear { years.insert(year) } else { certificateYears.insert(year) }
        }
        for director in record.directors {
            if let key = MatchKey.surname(director.nameRU ?? director.nameEN ?? "") { directors.insert(key) }
            if let english = director.nameEN, let key = MatchKey.surname(english) { directors.insert(key) }
        }
        for (namespace, value) in record.externalIDs { ids[namespace, default: []].insert(value) }
        if type == nil || record.type == .series { type = record.type ?? type }
        sources.insert(record.source)
    }
}
