import Foundation
import KinoCatalog
import KinoIndex
import KinoText

/// "Films like X" from the index alone: films that share X's distinctive words (description and keywords), its
/// people, its genres and countries, and its era, with a little popularity so that well-known films come first
/// among equals. Every match says why it was chosen.
public struct SimilarFilms: Sendable {
    /// One reason a film was chosen, with its share of the score.
    public struct Reason: Encodable, Sendable, Hashable {
        /// `words`, `people`, `genres`, `countries`, `era` or `popularity`.
        public var kind: String
        /// What is shared: words, names, genre ids, country codes, or the years.
        public var shared: [String]
        public var score: Double
    }

    public struct Match: Encodable, Sendable {
        public var film: IndexedFilm
        public var score: Double
        public var reasons: [Reason]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: FilmJSONKey.self)
            try film.encodeListing(into: &container)
            try container.encode((score * 1000).rounded() / 1000, forKey: .score)
            try container.encode(reasons, forKey: .reasons)
        }
    }

    /// Weights of the parts of the similarity, summing to 1.
    enum Weight {
        static let words = 0.35
        static let people = 0.2
        static let genres = 0.25
        static let countries = 0.05
        static let era = 0.1
        static let popularity = 0.05
    }

    /// The most distinctive words of the film that are searched.
    static let wordCount = 24
    /// The most people of the film that are searched.
    static let peopleCount = 8
    static let candidateCount = 150

    let searcher: FilmSearcher

    public init(searcher: FilmSearcher) {
        self.searcher = searcher
    }

    /// The film with this catalog id and the `limit` films most like it.
    public func find(filmID: Int, limit: Int) throws(SearchError) -> (film: IndexedFilm, matches: [Match]) {
        guard (1...100).contains(limit) else {
            throw SearchError(.invalidArgument, "limit: must be from 1 to 100, got \(limit)")
        }
        let index = searcher.index
        guard let doc = index.doc(forFilm: filmID), let film = index.film(doc) else {
            throw SearchError(.notFound, "film \(filmID) is not in the index")
        }
        let engine = searcher.searcher
        let words = distinctiveWords(of: film)
        let people = Array(film.people.prefix(Self.peopleCount))

        // Candidates: films sharing words or people, and the most voted films sharing a genre.
        var text = BooleanQuery()
        for word in words {
            text.add(.should, MultiFieldTermQuery(term: word.term, fields: [
                FieldWeighting(field: FilmSchema.description, weight: 1, b: 0.75),
                FieldWeighting(field: FilmSchema.keywords, weight: 1.5, b: 0.5),
            ], boost: word.weight))
        }
        for person in people {
            let terms = searcher.analyzer.terms(person.name)
            guard !terms.isEmpty else { continue }
            text.add(.should, PhraseQuery(field: FilmSchema.people, terms: terms, boost: person.role == .director ? 2 : 1))
        }
        var candidates: [DocID: Double] = [:]
        for hit in engine.search(text, TopDocsCollector(k: Self.candidateCount)).topDocs where hit.doc != doc {
            candidates[hit.doc] = hit.score
        }
        if !film.genres.isEmpty {
            let sameGenre = ColumnFilter(column: FilmSchema.genres, .anyOf(Set(film.genres.map(FilmSchema.value(of:)))))
            for candidate in searcher.mostVoted(passing: [sameGenre], count: Self.candidateCount)
            where candidate != doc && candidates[candidate] == nil {
                candidates[candidate] = 0
            }
        }
        let bestText = candidates.values.max() ?? 0

        // Score every candidate, then explain the best.
        let columns = index.segment.columns
        let genres = film.genres.map(FilmSchema.value(of:))
        let countries = film.countries.compactMap(FilmSchema.value(ofCountry:))
        var buffer: [UInt32] = []
        let ranked = candidates.map { candidate, textScore -> (doc: DocID, score: Double) in
            var score = bestText > 0 ? Weight.words * textScore / bestText : 0
            _ = columns.values(FilmSchema.genres, doc: candidate, into: &buffer)
            score += Weight.genres * jaccard(genres, buffer)
            _ = columns.values(FilmSchema.countries, doc: candidate, into: &buffer)
            score += Weight.countries * jaccard(countries, buffer)
            score += Weight.era * era(film.year, columns.i32(FilmSchema.year, doc: candidate))
            score += Weight.popularity * (searcher.prior(candidate) - 1) / (FilmSearcher.Prior.votes + FilmSearcher.Prior.rating)
            return (candidate, score)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }

        let matches = ranked.prefix(limit).compactMap { entry -> Match? in
            guard let other = index.film(entry.doc) else { return nil }
            return Match(film: other, score: entry.score,
                         reasons: explain(film, other, doc: entry.doc, words: words, textShare: bestText > 0
                                            ? Weight.words * (candidates[entry.doc] ?? 0) / bestText : 0))
        }
        return (film, matches)
    }

    /// The film's words weighted by tf·idf over descriptions, keywords counting double, without very common words
    /// and words of one film only.
    func distinctiveWords(of film: IndexedFilm) -> [(term: String, weight: Double, word: String)] {
        var frequencies: [String: (count: Double, word: String)] = [:]
        for token in searcher.analyzer.tokens(film.description ?? "") where token.kind != .compoundPart {
            frequencies[token.stem, default: (0, token.normalized)].count += 1
        }
        for keyword in film.keywords {
            for token in searcher.analyzer.tokens(keyword) where token.kind != .compoundPart {
                frequencies[token.stem, default: (0, token.normalized)].count += 2
            }
        }
        let engine = searcher.searcher
        let documents = Double(max(engine.docCount, 1))
        let weighted = frequencies.compactMap { term, entry -> (term: String, weight: Double, word: String)? in
            let frequency = max(engine.docFrequency(field: FilmSchema.description, term: term),
                                engine.docFrequency(field: FilmSchema.keywords, term: term))
            guard frequency >= 2, Double(frequency) < documents * 0.05, term.unicodeScalars.count >= 3 else { return nil }
            return (term, (1 + log(entry.count)) * log(documents / Double(frequency)), entry.word)
        }
        let sorted = weighted.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        let top = sorted.prefix(Self.wordCount)
        let heaviest = top.first?.weight ?? 1
        return top.map { ($0.term, $0.weight / heaviest, $0.word) }
    }

    /// Why `other` is like `film`: the shares of the score and what the two have in common.
    private func explain(_ film: IndexedFilm, _ other: IndexedFilm, doc: DocID,
                         words: [(term: String, weight: Double, word: String)], textShare: Double) -> [Reason] {
        var reasons: [Reason] = []
        let segment = searcher.index.segment
        let sharedWords = words.filter { word in
            [FilmSchema.description, FilmSchema.keywords].contains { field in
                guard var postings = segment.postings(field: field, term: word.term) else { return false }
                return postings.advance(to: doc) == doc
            }
        }
        // By name: one person can be two people in the catalog when the sources did not agree.
        let otherPeople = Set(other.people.map { $0.name.lowercased() })
        let sharedPeople = film.people.prefix(Self.peopleCount).filter { otherPeople.contains($0.name.lowercased()) }
        // The text part of the score covers shared words and shared people; it is split by their query weights.
        let wordWeight = sharedWords.reduce(0) { $0 + $1.weight }
        let peopleWeight = sharedPeople.reduce(0) { $0 + ($1.role == .director ? 2.0 : 1.0) }
        if textShare > 0, wordWeight + peopleWeight > 0 {
            let total = wordWeight + peopleWeight
            if !sharedWords.isEmpty {
                reasons.append(Reason(kind: "words", shared: sharedWords.map(\.word), score: textShare * wordWeight / total))
            }
            if !sharedPeople.isEmpty {
                reasons.append(Reason(kind: "people", shared: sharedPeople.map(\.name),
                                      score: textShare * peopleWeight / total))
            }
        }
        let genres = film.genres.filter(other.genres.contains)
        if !genres.isEmpty {
            reasons.append(Reason(kind: "genres", shared: genres.map(\.rawValue),
                                  score: Weight.genres * jaccard(film.genres, other.genres)))
        }
        let countries = film.countries.filter(other.countries.contains)
        if !countries.isEmpty {
            reasons.append(Reason(kind: "countries", shared: countries,
                                  score: Weight.countries * jaccard(film.countries, other.countries)))
        }
        if let year = film.year, let otherYear = other.year {
            let closeness = era(year, Int32(otherYear))
            if closeness > 0 {
                reasons.append(Reason(kind: "era", shared: ["\(year)", "\(otherYear)"], score: Weight.era * closeness))
            }
        }
        return reasons.sorted { $0.score > $1.score }
    }

    /// |A ∩ B| / |A ∪ B| of two short lists of distinct values, without building sets.
    private func jaccard<T: Equatable>(_ lhs: [T], _ rhs: [T]) -> Double {
        guard !lhs.isEmpty || !rhs.isEmpty else { return 0 }
        let common = lhs.reduce(0) { $0 + (rhs.contains($1) ? 1 : 0) }
        return Double(common) / Double(lhs.count + rhs.count - common)
    }

    /// 1 for the same year, falling to 0 at 30 years apart.
    private func era(_ year: Int?, _ other: Int32?) -> Double {
        guard let year, let other, other != 0 else { return 0 }
        return max(0, 1 - Double(abs(year - Int(other))) / 30)
    }
}
