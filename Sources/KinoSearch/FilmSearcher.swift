import Foundation
import KinoCatalog
import KinoIndex
import KinoText

/// Film search over one open generation: reads the query (``QueryPlan``), matches and ranks films, counts facets,
/// pages and highlights. A searcher is a value over an immutable generation and can be shared between tasks.
///
/// Ranking by relevance: BM25F over the text fields (titles weigh most, then people, keywords, genre and country
/// labels, descriptions), every query word required by its best reading. The best ``candidateCount`` films by text
/// are then re-scored with a popularity prior (votes and rating), a bonus when the query is one of the film's
/// whole titles, and a bonus when the film is of the year the query names.
public struct FilmSearcher: Sendable {
    public let index: FilmIndex
    public let searcher: Searcher
    public let analyzer: Analyzer
    /// 1 / ln(1 + the most votes any film has).
    private let votesScale: Double
    /// Every film, the most voted first (ties by doc id): the order of browsing and of "popular in this genre".
    let docsByVotes: [DocID]
    /// The facet counts of browsing without filters, made on first use.
    private let browseFacets = Memo<DisjunctiveFacetCounts>()

    /// Field weights of BM25F.
    static let fields: [FieldWeighting] = [
        FieldWeighting(field: FilmSchema.titles, weight: 4, b: 0.6),
        FieldWeighting(field: FilmSchema.people, weight: 2, b: 0.5),
        FieldWeighting(field: FilmSchema.keywords, weight: 1, b: 0.5),
        FieldWeighting(field: FilmSchema.labels, weight: 0.7, b: 0.3),
        FieldWeighting(field: FilmSchema.description, weight: 0.6, b: 0.75),
    ]
    /// The ids of ``fields``.
    static let fieldIDs = fields.map(\.field)
    /// The fields of titles and people's names.
    static let nameFields = Array(fields.prefix(2))
    /// How many of the best text matches are re-scored with the prior and bonuses.
    static let candidateCount = 200

    /// Score factors of the re-scoring.
    enum Prior {
        /// Up to +35% for the most voted film.
        static let votes = 0.35
        /// Up to +10% for a rating of 10.
        static let rating = 0.1
        static let wholeTitle = 1.8
        /// On top of ``wholeTitle`` when the words are the title's own, not only their stems.
        static let exactTitle = 1.2
        /// For a whole title that the query's last word, being typed, completes.
        static let completedTitle = 1.8
        static let sameYear = 1.6
        static let nextYear = 1.15
        static let phrase = 0.5
    }

    public init(index: FilmIndex, analyzer: Analyzer = Analyzer()) {
        self.index = index
        self.analyzer = analyzer
        searcher = Searcher(segment: index.segment)
        let votes = (0..<DocID(index.segment.docCount)).map { index.segment.columns.u32(FilmSchema.votes, doc: $0) ?? 0 }
        let most = votes.max() ?? 0
        votesScale = most > 0 ? 1 / log1p(Double(most)) : 0
        docsByVotes = votes.indices.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }.map(DocID.init)
        index.segment.prepareFacetCounts(for: Self.facetColumns)
    }

    // MARK: - Search

    public func search(_ request: SearchRequest) throws(SearchError) -> SearchResponse {
        try request.validate()
        let started = ContinuousClock.now
        let plan = QueryPlan(request.query, analyzer: analyzer, typing: true, searcher: searcher)
        let selections = facetSelections(request)
        let ranges = rangeFilters(request)

        let depth = request.page * request.perPage
        let topK = max(Self.candidateCount, depth)
        // The total comes from the facet pass when there is one, else from a count; and when the top hits walk the
        // same films (ranked by relevance, no facet selected), all of it comes from one pass.
        func totalFacetsAndTop(_ text: (any Query)?) -> (Int, DisjunctiveFacetCounts?, [ScoredDoc]?) {
            if text != nil, request.sort == .relevance {
                let matched = matchQuery(text: text, ranges: ranges, selections: selections)
                if !request.facets {
                    let pair = searcher.search(matched, CollectorPair(TopDocsCollector(k: topK), CountCollector()))
                    return (pair.second.count, nil, pair.first.topDocs)
                }
                if selections.allSatisfy({ $0.values.isEmpty }) {
                    let pair = searcher.search(matched, CollectorPair(
                        TopDocsCollector(k: topK), DisjunctiveFacetCollector(facets: selections, searcher: searcher)))
                    let counts = pair.second.counts
                    return (counts.matchCount, counts, pair.first.topDocs)
                }
            }
            if request.facets, text == nil, ranges.isEmpty, selections.allSatisfy({ $0.values.isEmpty }) {
                // Browsing everything: the same counts for every request on this generation.
                let counts = browseFacets.value { searcher.disjunctiveFacetCounts(AllQuery(), facets: selections) }
                return (counts.matchCount, counts, nil)
            }
            if request.facets {
                let base = matchQuery(text: text, ranges: ranges, selections: [])
                let counts = searcher.disjunctiveFacetCounts(base, facets: selections)
                return (counts.matchCount, counts, nil)
            }
            return (count(matchQuery(text: text, ranges: ranges, selections: selections)), nil, nil)
        }
        // The text query is bound once: its term look-ups serve the total, the facets and the top hits.
        var text: (any Query)? = plan.isEmpty ? nil : BoundQuery(textQuery(plan, requireAll: true), searcher: searcher)
        var (total, facetCounts, top) = totalFacetsAndTop(text)
        if total == 0, plan.words.count > 1 {
            // No film has every word: take films with any of them, best first.
            text = BoundQuery(textQuery(plan, requireAll: false), searcher: searcher)
            (total, facetCounts, top) = totalFacetsAndTop(text)
        }

        var ranked: [(doc: DocID, score: Double)]
        let matched = matchQuery(text: text, ranges: ranges, selections: selections)
        if text != nil, request.sort == .relevance {
            let candidates = top ?? searcher.search(matched, TopDocsCollector(k: topK)).topDocs
            ranked = rescore(candidates, plan: plan)
        } else if text == nil, request.sort == .relevance || request.sort == .votes {
            // Browsing by popularity: walk the films from the most voted, keeping those the filters pass.
            let filters = ranges + selections.filter { !$0.values.isEmpty }
                .map { ColumnFilter(column: $0.column, .anyOf($0.values)) }
            ranked = mostVoted(passing: filters, count: depth).map { ($0, 0) }
        } else {
            let (column, descending) = sortColumn(request.sort)
            let collector = searcher.search(matched, ColumnTopCollector(k: depth, column: column,
                                                                        descending: descending, searcher: searcher))
            ranked = collector.topDocs.map { ($0, 0) }
        }
        let pageDocs = ranked.dropFirst((request.page - 1) * request.perPage).prefix(request.perPage)

        let highlighter = pageDocs.isEmpty ? nil : Highlighter(
            plan: plan, analyzer: analyzer, enabled: request.highlight, isIndexed: searcher.segment.hasTerm)
        let hits = pageDocs.compactMap { entry -> SearchResponse.Hit? in
            guard let film = index.listedFilm(entry.doc) else { return nil }
            return SearchResponse.Hit(film: film, score: entry.score,
                                      highlight: highlighter?.highlight(film) ?? SearchResponse.Highlight())
        }
        let facets = facetCounts.map { facetValues($0, language: request.language) } ?? [:]
        let elapsed = (ContinuousClock.now - started).components
        return SearchResponse(
            query: request.query, total: total,
            tookMilliseconds: Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15,
            page: request.page, perPage: request.perPage,
            corrected: correction(plan), hits: hits, facets: facets)
    }

    /// The first `count` films of ``docsByVotes`` that every filter passes.
    func mostVoted(passing filters: [ColumnFilter], count: Int) -> [DocID] {
        let columns = index.segment.columns
        var result: [DocID] = []
        result.reserveCapacity(count)
        var buffer: [UInt32] = []
        for doc in docsByVotes where result.count < count {
            if filters.allSatisfy({ $0.matches(doc, in: columns, buffer: &buffer) }) { result.append(doc) }
        }
        return result
    }

    /// The number of films `query` matches.
    private func count(_ query: some Query) -> Int {
        searcher.search(query, CountCollector()).count
    }

    // MARK: - Queries

    /// Every word by its best reading (all required, or any when `requireAll` is false), plus a phrase bonus for
    /// the words in order in a title.
    func textQuery(_ plan: QueryPlan, requireAll: Bool) -> any Query {
        var query = BooleanQuery()
        query.clauses.reserveCapacity(plan.words.count + 3)
        for word in plan.words {
            // Nearly every reading is one term.
            var terms: [MultiFieldTermQuery] = []
            terms.reserveCapacity(word.readings.count)
            var others: [any Query] = []
            for reading in word.readings {
                // Completions and typo corrections come from title and name words, so they are looked up there only.
                let fields = reading.kind == .prefix || reading.kind == .typo ? Self.nameFields : Self.fields
                if reading.terms.count == 1 {
                    terms.append(MultiFieldTermQuery(term: reading.terms[0], fields: fields, boost: reading.boost))
                } else {
                    others.append(BooleanQuery.all(reading.terms.map {
                        MultiFieldTermQuery(term: $0, fields: fields, boost: reading.boost)
                    }))
                }
            }
            query.add(requireAll ? .must : .should, DisjunctionMaxQuery(terms: terms, others))
        }
        if plan.phraseTerms.count > 1 {
            // The words in order in a title, or as one person's name ("мария фергюсон" beside a Мария and a
            // Фергюсон credited on the same film).
            query.add(.should, PhraseQuery(field: FilmSchema.titles, terms: plan.phraseTerms, boost: Prior.phrase))
            query.add(.should, PhraseQuery(field: FilmSchema.people, terms: plan.phraseTerms, boost: Prior.phrase))
        }
        if let year = plan.year {
            query.add(.should, MultiFieldTermQuery(term: String(year), fields: [Self.fields[0]], boost: 0.3))
        }
        return query
    }

    /// The films to rank or count: the text (or every film) within the range filters and facet selections.
    private func matchQuery(text: (any Query)?, ranges: [ColumnFilter], selections: [FacetSelection]) -> BooleanQuery {
        var query = BooleanQuery()
        query.add(.must, text ?? AllQuery())
        for filter in ranges {
            query.add(.must, filter)
        }
        for selection in selections where !selection.values.isEmpty {
            query.add(.must, ColumnFilter(column: selection.column, .anyOf(selection.values)))
        }
        return query
    }

    /// The year, rating and runtime ranges as column filters. A range that holds no value (a maximum rating of 0,
    /// which no rated film has) becomes one that matches no film.
    private func rangeFilters(_ request: SearchRequest) -> [ColumnFilter] {
        var filters: [ColumnFilter] = []
        if request.yearFrom != nil || request.yearTo != nil {
            // Films without a year (stored as 0) fall outside any range that starts after year 0.
            let from = max(Int32(clamping: request.yearFrom ?? Int(Int32.min)), 1)
            let to = Int32(clamping: request.yearTo ?? Int(Int32.max))
            filters.append(ColumnFilter(column: FilmSchema.year, .i32(from <= to ? from...to : Int32.min...Int32.min)))
        }
        if request.ratingMin != nil || request.ratingMax != nil {
            // Films without a rating (stored as 0) fall outside every range.
            let from = max(Float(request.ratingMin ?? 0), Float.leastNonzeroMagnitude)
            let to = Float(request.ratingMax ?? 10)
            filters.append(ColumnFilter(column: FilmSchema.rating, .f32(from <= to ? from...to : -1 ... -1)))
        }
        if request.runtimeMin != nil || request.runtimeMax != nil {
            let from = max(UInt32(clamping: request.runtimeMin ?? 1), 1)
            let to = UInt32(clamping: request.runtimeMax ?? 100_000)
            filters.append(ColumnFilter(column: FilmSchema.runtime, .u32(from <= to ? from...to : UInt32.max...UInt32.max)))
        }
        return filters
    }

    /// The facets' columns, in the order of the selections.
    static let facetColumns = [FilmSchema.genres, FilmSchema.countries, FilmSchema.type, FilmSchema.decade,
                               FilmSchema.ageRating]

    private func facetSelections(_ request: SearchRequest) -> [FacetSelection] {
        let selected: [Set<UInt32>] = [
            Set(request.genres.map(FilmSchema.value(of:))),
            Set(request.countries.compactMap(FilmSchema.value(ofCountry:))),
            Set(request.types.map(FilmSchema.value(of:))),
            Set(request.decades.map { UInt32(clamping: $0) }),
            Set(request.ageRatings.map { UInt32(clamping: $0) + 1 }),
        ]
        return zip(Self.facetColumns, selected).map { FacetSelection(column: $0, values: $1) }
    }

    private func sortColumn(_ sort: SearchRequest.Sort) -> (ColumnID, Bool) {
        switch sort {
        case .relevance, .votes: (FilmSchema.votes, true)
        case .rating: (FilmSchema.rating, true)
        case .year: (FilmSchema.year, true)
        case .popularity: (FilmSchema.popularity, true)
        }
    }

    // MARK: - Ranking

    /// Re-scores text matches with the popularity prior, the whole-title and the year bonuses, best first. Titles
    /// that the last word, being typed, completes get their bonus only when no candidate is titled as typed ("frank"
    /// finds "Frank" before "Frankenweenie"; "harry wint" finds "Harry Winter").
    func rescore(_ candidates: [ScoredDoc], plan: QueryPlan) -> [(doc: DocID, score: Double)] {
        let columns = index.segment.columns
        var buffer: [UInt32] = []
        func titleMatches(_ doc: DocID, _ keys: [UInt32]) -> Bool {
            !keys.isEmpty && columns.values(FilmSchema.titleKeys, doc: doc, into: &buffer)
                && buffer.contains(where: keys.contains)
        }
        let wholeTitles = candidates.map { titleMatches($0.doc, plan.titleKeys) }
        let completions = !wholeTitles.contains(true) && !plan.completedTitleKeys.isEmpty
        var scored = zip(candidates, wholeTitles).map { candidate, wholeTitle -> (doc: DocID, score: Double) in
            let doc = candidate.doc
            var score = candidate.score * prior(doc)
            if wholeTitle {
                score *= Prior.wholeTitle
                if columns.values(FilmSchema.titleWordKeys, doc: doc, into: &buffer),
                   buffer.contains(where: plan.titleWordKeys.contains) {
                    score *= Prior.exactTitle
                }
            } else if completions, titleMatches(doc, plan.completedTitleKeys) {
                score *= Prior.completedTitle
            }
            if let year = plan.year, let filmYear = columns.i32(FilmSchema.year, doc: doc), filmYear != 0 {
                let distance = abs(Int(filmYear) - year)
                score *= distance == 0 ? Prior.sameYear : distance == 1 ? Prior.nextYear : 1
            }
            return (doc, score)
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        return scored
    }

    /// The popularity factor of a film: from 1 (no votes, no rating) up to 1 + ``Prior/votes`` + ``Prior/rating``.
    func prior(_ doc: DocID) -> Double {
        let columns = index.segment.columns
        let votes = Double(columns.u32(FilmSchema.votes, doc: doc) ?? 0)
        let rating = Double(columns.f32(FilmSchema.rating, doc: doc) ?? 0)
        return 1 + Prior.votes * log1p(votes) * votesScale + Prior.rating * min(max(rating, 0), 10) / 10
    }

    // MARK: - Facets

    private func facetValues(_ counts: DisjunctiveFacetCounts,
                             language: SearchRequest.Language) -> [String: [SearchResponse.FacetValue]] {
        var result: [String: [SearchResponse.FacetValue]] = [:]
        result.reserveCapacity(counts.facets.count)
        for facet in counts.facets {
            var values: [SearchResponse.FacetValue] = []
            values.reserveCapacity(facet.values.count)
            for (value, count) in facet.values {
                if let labelled = FacetLabels.value(value, column: facet.column, count: count, language: language) {
                    values.append(labelled)
                }
            }
            // Labels compared by their UTF-8, which orders them as `<` does (they are NFC) without normalizing.
            values.sort {
                $0.count != $1.count ? $0.count > $1.count : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8)
            }
            result[FacetLabels.name(of: facet.column)] = values
        }
        return result
    }

    // MARK: - Did you mean

    /// The query as it was understood, when a word matched only through another reading; nil otherwise.
    func correction(_ plan: QueryPlan) -> String? {
        var changed = false
        var words: [String] = []
        for word in plan.words {
            let typedMatches = word.readings.contains { $0.asTyped && matches($0) }
            guard !typedMatches, let reading = word.readings.first(where: { $0.kind != .prefix && matches($0) })
            else {
                words.append(word.typed)
                continue
            }
            changed = true
            words.append(reading.text)
        }
        if let year = plan.year { words.append(String(year)) }
        return changed ? words.joined(separator: " ") : nil
    }

    /// Whether every term of the reading is in one of the text fields.
    private func matches(_ reading: QueryPlan.Reading) -> Bool {
        reading.terms.allSatisfy { term in
            searcher.segment.hasTerm(term, inAnyOf: Self.fieldIDs)
        }
    }
}

/// A value computed once, on first use, by whichever task asks first.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}
