import Testing
@testable import KinoCatalog

/// The merge rules, including the cases that must not merge.
struct MergeTests {
    func record(_ source: Source, _ id: String, ru: String? = nil, en: String? = nil, year: Int?, type: FilmType? = .film,
                directors: [String] = [], ids: [ExternalIDNamespace: String] = [:]) -> SourceRecord {
        var record = SourceRecord(source: source, sourceID: id)
        record.titleRU = ru
        record.titleEN = en
        record.year = year
        record.type = type
        record.credits = directors.map { SourceCredit(nameRU: isCyrillic($0) ? $0 : nil, nameEN: isCyrillic($0) ? nil : $0, role: .director) }
        record.externalIDs.merge(ids) { _, new in new }
        return record
    }

    /// Merges the records in order and returns the film id of each.
    func merge(_ records: [SourceRecord]) -> (films: [Int], merger: Merger) {
        var merger = Merger(records: [], people: [])
        let films = records.map { record -> Int in
            _ = merger.merge(record, hash: "\(record.key)")
            return merger.stored[record.key]!.filmID
        }
        return (films, merger)
    }

    @Test func linkedIDsJoinSources() {
        let (films, merger) = merge([
            record(.tmdb, "19995", en: "Avatar", year: 2009),
            record(.movielens, "72998", en: "Avatar", year: 2009, ids: [.tmdb: "19995", .imdb: "tt0499549"]),
        ])
        #expect(films[0] == films[1])
        #expect(merger.stored[RecordKey(source: .movielens, sourceID: "72998")]?.rule == .externalID(.tmdb))
    }

    @Test func remakesWithTheSameTitleStayApart() {
        let (films, _) = merge([
            record(.movielens, "2366", en: "King Kong", year: 1933),
            record(.movielens, "2367", en: "King Kong", year: 1976),
            record(.movielens, "41569", en: "King Kong", year: 2005),
            record(.imdbTop, "king-kong-2005", en: "King Kong", year: 2005, directors: ["Peter Jackson"]),
            record(.imdbTop, "king-kong-1976", en: "King Kong", year: 1977, directors: ["John Guillermin"]),
        ])
        #expect(Set(films[0...2]).count == 3)
        #expect(films[3] == films[2])
        #expect(films[4] == films[1], "a year apart still merges")
    }

    @Test func titleMatchesAcrossScriptsAndSpellings() {
        let (films, merger) = merge([
            record(.kinopoiskList, "43911", ru: "Солярис", year: 1972),
            { var solaris = record(.movielens, "3503", en: "Solaris", year: 1972); solaris.alternativeTitles = ["Solyaris"]; return solaris }(),
            record(.movielens, "5881", en: "Solaris", year: 2002),
        ])
        #expect(films[0] == films[1])
        #expect(films[2] != films[0])
        #expect(merger.stored[RecordKey(source: .movielens, sourceID: "3503")]?.rule == .titleYear)
    }

    @Test func sharedDirectorMergesAcrossScripts() {
        let (films, merger) = merge([
            record(.imdbTop, "avatar-2009", en: "Avatar", year: 2009, directors: ["James Cameron"]),
            record(.mkrf, "121008910", ru: "Аватар", year: 2010, directors: ["Джеймс Кэмерон"]),
        ])
        #expect(films[0] == films[1])
        #expect(merger.stored[RecordKey(source: .mkrf, sourceID: "121008910")]?.rule == .titleYearDirector)
    }

    @Test func differentDirectorsDoNotMerge() {
        let (films, _) = merge([
            record(.imdbTop, "hamlet-1990", en: "Hamlet", year: 1990, directors: ["Franco Zeffirelli"]),
            record(.kinopoiskFull, "1", en: "Hamlet", year: 1990, directors: ["Kenneth Branagh"]),
        ])
        #expect(films[0] != films[1])
    }

    @Test func contradictingIDsDoNotMerge() {
        let (films, _) = merge([
            record(.tmdb, "1", en: "The Host", year: 2006),
            record(.tmdb, "2", en: "The Host", year: 2006),
            record(.imdbTop, "the-host-2006", en: "The Host", year: 2006),
        ])
        #expect(films[0] != films[1])
        #expect(films[2] != films[0] && films[2] != films[1], "two candidates and no director: ambiguous, a new film")
    }

    @Test func seriesNeverMergesWithAFilm() {
        let (films, _) = merge([
            record(.kinopoiskList, "820638", ru: "Мажор", year: 2014, type: .series),
            record(.mkrf, "111000114", ru: "Мажор", year: 2014, type: .film),
        ])
        #expect(films[0] != films[1])
    }

    @Test func certificateYearsMayComeLaterButNotEarlier() {
        let (films, _) = merge([
            record(.kinopoiskFull, "44386", ru: "Особо важное задание", year: 1980, directors: ["Евгений Матвеев"]),
            record(.mkrf, "111013716", ru: "Особо важное задание", year: 2016, directors: ["Е.Матвеев"]),
            record(.mkrf, "111000001", ru: "Особо важное задание", year: 1975, directors: ["Е.Матвеев"]),
        ])
        #expect(films[1] == films[0], "a Soviet film certified in 2016 is the same film")
        #expect(films[2] != films[0], "a certificate before the release is another film")
    }

    @Test func sameRecordAgainIsUnchangedAndAChangedOneUpdatesItsFilm() {
        var merger = Merger(records: [], people: [])
        let first = record(.tmdb, "19995", en: "Avatar", year: 2009)
        #expect(merger.merge(first, hash: "a") == .created)
        #expect(merger.merge(first, hash: "a") == .unchanged)
        var changed = first
        changed.titleRU = "Аватар"
        #expect(merger.merge(changed, hash: "b") == .updated)
        let film = merger.rebuildDirtyFilms().first
        #expect(film?.titleRU == "Аватар")
    }

    @Test func filmFieldsComeFromTheSourceThatKnowsBest() {
        var kinopoisk = record(.kinopoiskFull, "435", ru: "Зеленая миля", en: "The Green Mile", year: 1999, ids: [.tmdb: "497"])
        kinopoisk.genres = [.drama, .fantasy, .crime]
        kinopoisk.ratings = [Rating(source: .imdb, value: 8.6, votes: 1_315_554)]
        var tmdb = record(.tmdb, "497", en: "The Green Mile", year: 1999)
        tmdb.descriptionEN = "A supernatural tale set on death row."
        tmdb.genres = [.fantasy, .drama, .crime]
        var imdb = record(.imdbTop, "the-green-mile-1999", en: "The Green Mile", year: 1999, directors: ["Frank Darabont"])
        imdb.ratings = [Rating(source: .imdb, value: 8.6, votes: 1_147_794)]
        var (_, merger) = merge([kinopoisk, tmdb, imdb])
        let films = merger.rebuildDirtyFilms()
        #expect(films.count == 1)
        let film = films[0]
        #expect(film.titleRU == "Зеленая миля")
        #expect(film.genres == [.drama, .fantasy, .crime])
        #expect(film.provenance["genres"] == .kinopoiskFull)
        #expect(film.descriptionEN == "A supernatural tale set on death row.")
        #expect(film.rating(from: .imdb)?.votes == 1_315_554, "the figure with the most votes wins")
        #expect(film.credits.map(\.name) == ["Frank Darabont"])
        #expect(film.externalIDs == [.kinopoisk: "435", .tmdb: "497"])
        #expect(Set(film.sources.map(\.source)) == [.kinopoiskFull, .tmdb, .imdbTop])
    }

    @Test(arguments: [
        ("Кристофер Нолан", "Christopher Nolan"),
        ("Андрей Тарковский", "Andrei Tarkovsky"),
        ("Джеймс Кэмерон", "James Cameron"),
        ("Роберт Земекис", "Robert Zemeckis"),
        ("Е.Матвеев", "Evgeniy Matveev"),
    ])
    func surnameKeysAgreeAcrossScripts(russian: String, english: String) {
        #expect(MatchKey.surname(russian) == MatchKey.surname(english))
    }

    @Test func surnameKeysTellPeopleApart() {
        #expect(MatchKey.surname("Peter Jackson") != MatchKey.surname("John Guillermin"))
        #expect(MatchKey.surname("Franco Zeffirelli") != MatchKey.surname("Kenneth Branagh"))
    }
}
