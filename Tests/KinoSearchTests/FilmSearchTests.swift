import Foundation
@testable import KinoCatalog
import KinoIndex
import KinoText
import Testing
@testable import KinoSearch

/// One index of the fixture catalog, built once for every search test.
enum SearchFixture {
    static let built: Task<(searcher: FilmSearcher, films: [Film]), any Error> = Task {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-search-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try await DatabaseURL.open("sqlite://\(folder)/catalog.sqlite")
        _ = try await CatalogImporter(store: store).importPaths([IndexBuildTests.fixtures])
        _ = try await IndexBuilder(store: store, root: folder + "/index").build()
        let films = try await store.films(after: 0, limit: 100_000)
        try await store.close()
        let searcher = FilmSearcher(index: try FilmIndex.open(root: folder + "/index"))
        // The index's files are mapped at open: the folder can go now rather than outlive the test run.
        try FileManager.default.removeItem(atPath: folder)
        return (searcher, films)
    }

    static func searcher() async throws -> FilmSearcher { try await built.value.searcher }
}

struct FilmSearchTests {
    func ids(_ searcher: FilmSearcher, _ query: String, limit: Int = 10) throws -> [Int] {
        var request = SearchRequest(query: query)
        request.perPage = limit
        return try searcher.search(request).hits.map(\.film.id)
    }

    func filmID(_ title: String) async throws -> Int {
        let films = try await SearchFixture.built.value.films
        return try #require(films.first { $0.allTitles.contains(title) }?.id, "no fixture film titled \(title)")
    }

    @Test func titlesAreFoundAsTypedMisTypedInTheOtherLayoutTransliteratedAndInTheOtherLanguage() async throws {
        let searcher = try await SearchFixture.searcher()
        let brat = try await filmID("Брат")
        let avatar = try await filmID("Avatar")
        for query in ["Брат", "брат", "Brother", ",hfn", "brat"] {
            #expect(try ids(searcher, query).first == brat, "\(query)")
        }
        for query in ["Avatar", "Аватар", "avatr", "Фмфефк", "avata"] {
            #expect(try ids(searcher, query).prefix(3).contains(avatar), "\(query)")
        }
    }

    @Test func aCorrectedQuerySaysHowItWasRead() async throws {
        let searcher = try await SearchFixture.searcher()
        #expect(try searcher.search(SearchRequest(query: ",hfn")).corrected == "брат")
        #expect(try searcher.search(SearchRequest(query: "Брат")).corrected == nil)
    }

    @Test func peopleFindTheirFilms() async throws {
        let searcher = try await SearchFixture.searcher()
        let films = try await SearchFixture.built.value.films
        let cameron = Set(films.filter { $0.credits.contains { $0.role == .director && $0.name.contains("Cameron") } }.map(\.id))
        try #require(!cameron.isEmpty)
        let found = try ids(searcher, "James Cameron", limit: 20)
        #expect(!found.isEmpty)
        #expect(cameron.contains(found[0]))
    }

    @Test func theYearPicksTheFilmOfThatYear() async throws {
        let searcher = try await SearchFixture.searcher()
        let films = try await SearchFixture.built.value.films
        // Any two fixture films sharing a title and differing in year.
        let byTitle = Dictionary(grouping: films.filter { $0.year != nil }, by: { Analyzer().normalize($0.displayTitle) })
        let pairs = byTitle.values.filter { Set($0.compactMap(\.year)).count >= 2 }
        try #require(!pairs.isEmpty, "the fixtures have no remakes")
        for group in pairs.prefix(5) {
            for film in group {
                let top = try ids(searcher, "\(film.displayTitle) \(film.year!)").first
                #expect(top == film.id, "\(film.displayTitle) \(film.year!)")
            }
        }
    }

    /// A year after other words is read as the year only, not as a word with its readings and typo corrections;
    /// alone, or before a word, it is no year.
    @Test func aYearAfterOtherWordsIsReadAsTheYearOnly() async throws {
        let searcher = try await SearchFixture.searcher().searcher
        let analyzer = Analyzer()
        for (query, year, words) in [("солярис 1972", 1972, ["солярис"]), ("crash 2004", 2004, ["crash"]),
                                     ("the matrix 1999 !", 1999, ["the", "matrix"])] {
            let plan = QueryPlan(query, analyzer: analyzer, typing: true, searcher: searcher)
            #expect(plan.year == year, "\(query)")
            #expect(plan.words.map(\.typed) == words, "\(query)")
        }
        for query in ["1972", "1972 солярис"] {
            let plan = QueryPlan(query, analyzer: analyzer, typing: true, searcher: searcher)
            #expect(plan.year == nil, "\(query)")
        }
    }

    @Test func theResponseHasExactlyTheKeysOfTheAPI() async throws {
        let searcher = try await SearchFixture.searcher()
        var request = SearchRequest(query: "brat")
        request.perPage = 3
        let data = try JSONEncoder().encode(try searcher.search(request))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["query", "total", "took_ms", "page", "per_page", "corrected", "hits", "facets"])
        let hits = try #require(object["hits"] as? [[String: Any]])
        let hit = try #require(hits.first)
        #expect(Set(hit.keys) == ["id", "title", "original_title", "year", "type", "genres", "countries", "rating",
                                  "votes", "poster", "external_ids", "highlight"])
        let ids = try #require(hit["external_ids"] as? [String: Any])
        #expect(ids["kinopoisk"] is Int)
        let facets = try #require(object["facets"] as? [String: [[String: Any]]])
        #expect(Set(facets.keys) == ["genre", "country", "type", "decade", "age_rating"])
        #expect(facets["genre"]?.allSatisfy { Set($0.keys) == ["value", "label", "count"] } == true)
    }

    /// Facet counts checked against every stored film: OR inside a facet, AND across, a facet ignores its own
    /// selection.
    @Test func facetCountsAreDisjunctive() async throws {
        let searcher = try await SearchFixture.searcher()
        let index = searcher.index
        let films = (0..<DocID(index.segment.docCount)).compactMap(index.film)
        let genres: [Genre] = [.drama, .comedy]
        var request = SearchRequest()
        request.genres = genres
        request.countries = ["US"]
        let response = try searcher.search(request)
        let inGenres = films.filter { $0.genres.contains(where: genres.contains) }
        let inCountry = films.filter { $0.countries.contains("US") }
        #expect(response.total == inGenres.filter { $0.countries.contains("US") }.count)
        for value in response.facets["genre"] ?? [] {
            #expect(value.count == inCountry.filter { $0.genres.map(\.rawValue).contains(value.value) }.count, "\(value.value)")
        }
        for value in response.facets["country"] ?? [] {
            #expect(value.count == inGenres.filter { $0.countries.contains(value.value) }.count, "\(value.value)")
        }
        #expect(response.facets["genre"]?.count == Set(inCountry.flatMap(\.genres)).count)
    }

    /// A text query without selections takes its total, facets and top hits from one pass; they must equal what the
    /// separate passes give (a selected genre leaves the genre facet's counts as they are, but takes the other path).
    @Test func oneScoredPassGivesTheTotalFacetsAndHitsOfSeparatePasses() async throws {
        let searcher = try await SearchFixture.searcher()
        var found = 0
        for query in ["матрица", "the", "war", "брат", "человек паук", "avatr", "star 1977", "matrix", "солярис"] {
            var request = SearchRequest(query: query)
            request.perPage = 20
            let combined = try searcher.search(request)
            request.genres = [.drama]
            let selected = try searcher.search(request)
            #expect(combined.facets["genre"] == selected.facets["genre"], "\(query)")
            request.genres = []
            request.facets = false
            let withoutFacets = try searcher.search(request)
            #expect(combined.total == withoutFacets.total, "\(query)")
            #expect(combined.hits.map(\.film.id) == withoutFacets.hits.map(\.film.id), "\(query)")
            found += combined.total > 0 ? 1 : 0
        }
        #expect(found >= 5)
    }

    @Test func browsingWithoutFiltersCountsEveryFilmAndKeepsItsCounts() async throws {
        let searcher = try await SearchFixture.searcher()
        let index = searcher.index
        let films = (0..<DocID(index.segment.docCount)).compactMap(index.film)
        for _ in 0..<2 {
            let response = try searcher.search(SearchRequest())
            #expect(response.total == films.count)
            for value in response.facets["genre"] ?? [] {
                #expect(value.count == films.filter { $0.genres.map(\.rawValue).contains(value.value) }.count)
            }
            let votes = response.hits.map { $0.film.votes ?? 0 }
            #expect(votes == votes.sorted(by: >))
            #expect(votes.first == films.map { $0.votes ?? 0 }.max())
        }
    }

    @Test func sortingAndPagesFollowTheColumn() async throws {
        let searcher = try await SearchFixture.searcher()
        var request = SearchRequest()
        request.sort = .year
        request.perPage = 7
        let first = try searcher.search(request)
        request.page = 2
        let second = try searcher.search(request)
        let years = (first.hits + second.hits).map { $0.film.year ?? 0 }
        #expect(years == years.sorted(by: >))
        #expect(Set(first.hits.map(\.film.id)).isDisjoint(with: second.hits.map(\.film.id)))
        request.page = 1
        request.sort = .rating
        request.ratingMin = 7
        let rated = try searcher.search(request).hits.map { $0.film.rating ?? 0 }
        #expect(!rated.isEmpty && rated == rated.sorted(by: >) && rated.allSatisfy { $0 >= 7 - 1e-6 })
    }

    @Test func anyQueryIsAnsweredInBoundedTime() async throws {
        let searcher = try await SearchFixture.searcher()
        let hostile = [
            String(repeating: "матрица ", count: 1250), "\"\"\" AND OR NOT ()[]{}*?~^:", "!!!", "   ", "-",
            String(decoding: [0xFF, 0xFE, 0x61, 0xC3], as: UTF8.self), String(repeating: "a", count: 10_000),
            "<script>alert(1)</script>", "\u{0}\u{1}\u{7F}",
        ]
        for query in hostile {
            let started = ContinuousClock.now
            let response = try searcher.search(SearchRequest(query: query))
            #expect(ContinuousClock.now - started < .seconds(2), "\(query.prefix(20))")
            #expect(response.total >= 0)
        }
    }

    @Test func invalidValuesAreNamed() async throws {
        let searcher = try await SearchFixture.searcher()
        var request = SearchRequest(query: "брат")
        request.perPage = 0
        #expect(throws: SearchError.self) { try searcher.search(request) }
        do {
            _ = try searcher.search(request)
        } catch {
            #expect(error.code == .invalidArgument && error.message.hasPrefix("per_page"))
        }
        request.perPage = 10
        request.countries = ["Narnia"]
        do {
            _ = try searcher.search(request)
            Issue.record("an unknown country was accepted")
        } catch {
            #expect(error.message.hasPrefix("country"))
        }
    }

    @Test func highlightsMarkMatchesAndEscapeTheRest() async throws {
        let searcher = try await SearchFixture.searcher()
        let plan = QueryPlan("матрица", analyzer: Analyzer(), typing: false, searcher: searcher.searcher)
        let highlighter = Highlighter(plan: plan, analyzer: Analyzer(), enabled: true)
        #expect(highlighter.mark("<script>Матрица</script> & co", snippet: false)
            == "&lt;script&gt;<mark>Матрица</mark>&lt;/script&gt; &amp; co")
        #expect(highlighter.mark("Нет совпадений", snippet: false) == nil)
        let long = String(repeating: "слово ", count: 100) + "матрицы " + String(repeating: "ещё ", count: 100)
        let snippet = try #require(highlighter.mark(long, snippet: true))
        #expect(snippet.contains("<mark>матрицы</mark>") && snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(snippet.count < 400)
    }

    /// Folding lowers capitals (eight ASCII bytes at a time where it can), writes "ё" as "е" and punctuation as
    /// spaces, byte for byte, as lower-casing each character would: checked on random texts of both alphabets.
    @Test func foldingLowersCapitalsAsLowerCasingDoes() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("abcxyzABCXYZ@[`{09 .,-'АБЯабяЁёЖж«»—")
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            })
            var expected = ""
            for character in text {
                switch character {
                case "Ё", "ё": expected += "е"
                case "«", "»": expected += "  "
                case "—": expected += "   "
                default: expected += character.lowercased()
                }
            }
            var utf8 = Array(text.utf8)
            let folded = utf8.withUnsafeMutableBufferPointer { text in
                [UInt8](unsafeUninitializedCapacity: text.count) { buffer, count in
                    count = Highlighter.fold(UnsafeBufferPointer(text), into: buffer) ? text.count : 0
                }
            }
            #expect(folded == Array(expected.utf8), "\(text)")
        }
    }

    @Test func highlightsAnalysingFromTheFirstOccurrenceEqualAnalysingTheWholeText() async throws {
        let searcher = try await SearchFixture.searcher()
        let films = (0..<DocID(searcher.index.segment.docCount)).compactMap(searcher.index.film)
        let queries = ["матрица", "war", "брат", "человек паук", "the", "в", "любов", "19", "city of", "only you",
                       "dying hope", "nations", "человекпаук", "нью-йорк", "лосанджелес", "tie skies", "capable",
                       "relational", "early city", "rocky ii", "ёлки", "who's", "x-men", "Брат 2", "НОВЫЙ",
                       "хипхоп", "cityofwar", "scifi", "whos", "brother"]
            + films.prefix(40).compactMap { $0.title.split(separator: " ").last.map(String.init) }
        // Long texts: a run of descriptions, and a first occurrence of a stem inside another word with the real
        // match far after it.
        let descriptions = films.compactMap(\.description).joined(separator: " ")
        let decoy = String(repeating: "слово ", count: 10) + "бесматрицын " + String(repeating: "слово ", count: 150)
            + "матрицы " + String(repeating: "ещё ", count: 100)
        // Words joined by hyphens and apostrophes, whose compounds no folded text has, after the compounds written
        // as one word (a text without any query stem is not marked).
        let joined = "xmen человекпаук ньюйорк whos хипхоп cityofwar scifi; «Люди Икс» (X-Men) и Человек-паук "
            + "в Нью-Йорке: it's who's well-known, a sci-fi city-of-war хип-хопа, sull'oceano, брат-2 — ёлки-палки, "
            + "anti-matrix, «Матрица», “Brother”… —брат—"
        var marked = 0
        for query in queries {
            let plan = QueryPlan(query, analyzer: Analyzer(), typing: true, searcher: searcher.searcher)
            let highlighter = Highlighter(plan: plan, analyzer: Analyzer(), enabled: true)
            for film in films {
                for (text, snippet) in [(film.title, false), (film.originalTitle ?? "", false),
                                        (film.description ?? "", true), (decoy, true), (joined, false),
                                        (String(descriptions.dropFirst(film.id % 997)), true)] {
                    let fast = highlighter.mark(text, snippet: snippet)
                    #expect(fast == highlighter.mark(text, snippet: snippet, analysingAll: true), "\(query): \(text)")
                    marked += fast == nil ? 0 : 1
                }
            }
        }
        #expect(marked > 50)
    }

    /// Highlighting looks for an English stem's words by what they start with: every word of the Snowball English
    /// vocabulary, as the analyzer reads it, starts with that of its stem.
    @Test func everyEnglishWordStartsWithTheWordStartOfItsStem() throws {
        let root = ProcessInfo.processInfo.environment["KINO_SHARED_DATA"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
        let words = try String(contentsOf: root.appendingPathComponent("snowball/english/voc.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(words.count > 29_000)
        let analyzer = Analyzer()
        var checked = 0
        var misses: [String] = []
        for word in words {
            for token in analyzer.tokens(word) where token.kind == .word && token.stem.utf8.allSatisfy({ $0 < 0x80 }) {
                checked += 1
                let start = Highlighter.wordStart(ofEnglishStem: token.stem)
                if !token.normalized.utf8.starts(with: start.utf8) { misses.append("\(word) (\(token.stem))") }
            }
        }
        #expect(checked > 29_000)
        #expect(misses.isEmpty, "\(misses.count) words, first: \(misses.prefix(10))")
        // Without the allowance for rewritten endings, words would be missed.
        #expect(!"city".utf8.starts(with: analyzer.tokens("city")[0].stem.utf8))
        #expect(Highlighter.wordStart(ofEnglishStem: "citi") == "cit")
        #expect(Highlighter.wordStart(ofEnglishStem: "die") == "d")
        #expect(Highlighter.wordStart(ofEnglishStem: "war") == "war")
    }

    @Test func storedFilmsRoundTripAndDamagedOnesDecodeToNil() async throws {
        let searcher = try await SearchFixture.searcher()
        let film = try #require(searcher.index.film(0))
        let bytes = StoredFilmCodec.encode(film)
        #expect(StoredFilmCodec.decode(bytes) == film)
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(StoredFilmCodec.decode(bytes.prefix(cut)) == nil)
        }
        #expect(StoredFilmCodec.decode(bytes + [0]) == nil)
    }

    @Test func listedFilmsAreTheStoredFilmsWithoutOtherTitlesKeywordsAndPeople() async throws {
        let searcher = try await SearchFixture.searcher()
        var withPeople = 0
        var withTitles = 0
        for doc in 0..<DocID(searcher.index.segment.docCount) {
            var film = try #require(searcher.index.film(doc))
            withPeople += film.people.isEmpty ? 0 : 1
            withTitles += film.titles.isEmpty || film.titleEN == nil ? 0 : 1
            film.titleEN = nil
            film.titles = []
            film.keywords = []
            film.people = []
            #expect(searcher.index.listedFilm(doc) == film)
        }
        #expect(withPeople > 0)
        #expect(withTitles > 0)
        let bytes = StoredFilmCodec.encode(try #require(searcher.index.film(0)))
        #expect(StoredFilmCodec.decode(bytes.prefix(3), listing: true) == nil)
    }

    @Test func similarFilmsShareSomethingAndSayWhat() async throws {
        let searcher = try await SearchFixture.searcher()
        let avatar = try await filmID("Avatar")
        let (film, matches) = try SimilarFilms(searcher: searcher).find(filmID: avatar, limit: 5)
        #expect(film.id == avatar)
        #expect(!matches.isEmpty && !matches.contains { $0.film.id == avatar })
        #expect(matches.map(\.score) == matches.map(\.score).sorted(by: >))
        for match in matches {
            #expect(!match.reasons.isEmpty)
            #expect(abs(match.reasons.reduce(0) { $0 + $1.score } - match.score) < 0.06)
        }
        #expect(throws: SearchError.self) { try SimilarFilms(searcher: searcher).find(filmID: 999_999_999, limit: 5) }
    }

    @Test func filmsAreFoundByTheirCatalogID() async throws {
        let searcher = try await SearchFixture.searcher()
        let index = searcher.index
        for doc in 0..<DocID(index.segment.docCount) {
            let id = try #require(index.film(doc)?.id)
            #expect(index.doc(forFilm: id) == doc)
        }
        #expect(index.doc(forFilm: 0) == nil && index.doc(forFilm: -5) == nil)
    }

    // MARK: - Ranking on purpose-made films

    /// A film like the first fixture film but with only these titles and people, and `votes` votes (none: no
    /// ratings at all).
    func film(_ id: Int, _ title: String, people: [String] = [], votes: Int? = nil) async throws -> Film {
        var film = try #require(try await SearchFixture.built.value.films.first)
        film.id = id
        (film.titleRU, film.titleOriginal, film.titleEN, film.alternativeTitles) = (title, nil, nil, [])
        film.credits = people.enumerated().map { Credit(personID: 900 + $0.offset, name: $0.element, role: .director) }
        film.ratings = votes.map { [Rating(source: .kinopoisk, value: 7, votes: $0)] } ?? []
        (film.descriptionRU, film.descriptionEN, film.taglineRU, film.taglineEN, film.keywords) = (nil, nil, nil, nil, [])
        return film
    }

    /// A searcher of an index of just `films`.
    func searcher(of films: [Film]) throws -> FilmSearcher {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kino-rank-\(UUID().uuidString)").path
        var writer = SegmentWriter(schema: FilmSchema.schema)
        for film in films {
            _ = try writer.addDocument(FilmDocument.make(film, analyzer: Analyzer()))
        }
        _ = try IndexGenerations(root: root).write(writer)
        let searcher = FilmSearcher(index: try FilmIndex.open(root: root))
        // The index's files are mapped at open: the folder can go now rather than outlive the test run.
        try FileManager.default.removeItem(atPath: root)
        return searcher
    }

    @Test func aFullNameOutranksItsFirstAndLastNameOnTwoPeople() async throws {
        let searcher = try searcher(of: [
            try await film(1, "Зима", people: ["Мария Фергюсон"]),
            try await film(2, "Лето", people: ["Мария Петрова", "Анна Фергюсон"], votes: 500_000),
        ])
        #expect(try ids(searcher, "Мария Фергюсон") == [1, 2])
        #expect(try ids(searcher, "Фергюсон Анна") == [2])
    }

    @Test func aTitleBeingTypedIsCompletedUnlessATitleIsTypedWhole() async throws {
        let searcher = try searcher(of: [
            try await film(1, "Harry Winter"),
            try await film(2, "Winter Harry", votes: 900_000),
            try await film(3, "Frank"),
            try await film(4, "Frankenweenie", votes: 900_000),
        ])
        #expect(try ids(searcher, "harry wint").first == 1)
        #expect(try ids(searcher, "harry winter").first == 1)
        #expect(try ids(searcher, "frank").first == 3)
        #expect(try ids(searcher, "frankenw").first == 4)
    }

    @Test func queryWordsAreCutAsCharacterWiseSplittingCutsThem() {
        // Random texts of ASCII, Russian letters and whitespace, with some that leave the byte-wise path (no-break
        // space, a combining accent after a space, an ideographic space).
        let pieces = ["a", "Б", "ё", " ", "  ", "\t", "\n", "\r\n", "-", "1", "\u{A0}", " \u{301}", "\u{3000}", "x\u{301}"]
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<next(13) {
                text += pieces[next(pieces.count)]
            }
            #expect(QueryPlan.words(of: text) == text.split(whereSeparator: { $0.isWhitespace }).map(String.init),
                    "\(Array(text.unicodeScalars))")
        }
    }
}

