import Testing
import KinoText
@testable import KinoIndex

/// Collects every match with its score, checking that documents come in increasing order.
struct AllMatchesCollector: Collector {
    var matches: [DocID: Double] = [:]
    var ordered = true
    private var last: DocID?

    var needsScores: Bool { true }

    mutating func collect(doc: DocID, score: Double) {
        if let last, last >= doc { ordered = false }
        last = doc
        matches[doc] = score
    }
}

/// Queries over seeded random segments, checked against a brute-force oracle.
struct QueryRandomizedTests {
    static let title = SegmentRandomizedTests.title
    static let description = SegmentRandomizedTests.description
    static let genres = SegmentRandomizedTests.genres
    static let fields = [title, description, genres]

    struct Fixture {
        let directory: TemporaryDirectory
        let searcher: Searcher
        let oracle: QueryOracle
        let termsByField: [FieldID: [String]]

        init(count: Int, seed: UInt64) throws {
            try self.init(documents: SegmentRandomizedTests.documents(count: count, seed: seed), seed: seed)
        }

        init(documents: [Document], analyzer: Analyzer = Analyzer(), seed: UInt64) throws {
            directory = TemporaryDirectory()
            let (reader, segmentOracle, documents) = try SegmentRandomizedTests.build(
                documents: documents, analyzer: analyzer, seed: seed, in: directory)
            searcher = Searcher(segment: reader)
            oracle = QueryOracle(segment: segmentOracle, documents: documents)
            var terms: [FieldID: [String]] = [:]
            for key in segmentOracle.sortedKeys {
                terms[key.field, default: []].append(key.term)
            }
            termsByField = terms
        }

        func randomTerm(_ field: FieldID, using random: inout SplitMix64) -> String {
            Int.random(in: 0..<12, using: &random) == 0 ? "отсутствует"
                : termsByField[field, default: ["x"]].randomElement(using: &random)!
        }

        func run(_ query: OracleQuery) -> [DocID: Double] {
            let collected = searcher.search(query.query, AllMatchesCollector())
            #expect(collected.ordered, "\(query)")
            return collected.matches
        }

        /// Checks the engine's matches and scores against the oracle's.
        func check(_ query: OracleQuery, sourceLocation: SourceLocation = #_sourceLocation) {
            let actual = run(query)
            let expected = oracle.evaluate(query)
            #expect(Set(actual.keys) == Set(expected.keys), "\(query)", sourceLocation: sourceLocation)
            for (doc, score) in expected {
                guard let got = actual[doc] else { continue }
                #expect(scoresAgree(got, score), "\(query) doc \(doc): \(got) vs \(score)",
                        sourceLocation: sourceLocation)
            }
            let count = searcher.search(query.query, CountCollector()).count
            #expect(count == expected.count, "\(query)", sourceLocation: sourceLocation)
        }
    }

    @Test func termQueriesMatchAndScoreLikeBM25() throws {
        let fixture = try Fixture(count: 1_000, seed: 21)
        for field in Self.fields {
            for term in fixture.termsByField[field] ?? [] {
                fixture.check(.term(field, term))
            }
            fixture.check(.term(field, "отсутствует"))
        }
        fixture.check(.term(FieldID(42), "matrix"))
    }

    @Test func multiFieldTermQueriesScoreLikeBM25F() throws {
        let fixture = try Fixture(count: 800, seed: 22)
        var random = SplitMix64(seed: 5)
        let allTerms = Set(fixture.termsByField.values.joined()).sorted()
        for _ in 0..<150 {
            let fields = Self.fields.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)).map {
                FieldWeighting(field: $0, weight: Double.random(in: 0.1...5, using: &random),
                               b: Double.random(in: 0...1, using: &random))
            }
            let term = allTerms.randomElement(using: &random)!
            fixture.check(.multiField(term, fields, k1: Double.random(in: 0.5...2, using: &random),
                                      boost: Double.random(in: 0.5...3, using: &random)))
        }
        fixture.check(.multiField("отсутствует", [FieldWeighting(field: Self.title)], k1: 1.2, boost: 1))
        fixture.check(.multiField("matrix", [], k1: 1.2, boost: 1))
    }

    static func randomLeaf(_ fixture: Fixture, using random: inout SplitMix64) -> OracleQuery {
        let field = fields.randomElement(using: &random)!
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<5: return .term(field, fixture.randomTerm(field, using: &random))
        case 5: return .prefix(field, String(fixture.randomTerm(field, using: &random).prefix(2)), maxExpansions: 64)
        case 6: return .phrase(title, [fixture.randomTerm(title, using: &random),
                                       fixture.randomTerm(title, using: &random)])
        case 7: return .filter(ColumnFilter(column: SegmentRandomizedTests.year,
                                            .u32(1950...UInt32.random(in: 1950...2030, using: &random))))
        case 8: return .filter(ColumnFilter(column: SegmentRandomizedTests.genreIDs,
                                            .anyOf(Set((0..<3).map { _ in UInt32.random(in: 0...30, using: &random) }))))
        default: return .filter(ColumnFilter(column: SegmentRandomizedTests.rating,
                                             .f32(Float(Int.random(in: 0...50, using: &random)) / 10...10)))
        }
    }

    static func randomBoolean(_ fixture: Fixture, depth: Int, using random: inout SplitMix64) -> OracleQuery {
        let count = Int.random(in: 0...4, using: &random)
        let clauses: [(Occur, OracleQuery)] = (0..<count).map { _ in
            let occur: Occur = [.must, .should, .should, .mustNot].randomElement(using: &random)!
            let nested = depth > 0 && Int.random(in: 0..<4, using: &random) == 0
            return (occur, nested ? randomBoolean(fixture, depth: depth - 1, using: &random)
                                  : randomLeaf(fixture, using: &random))
        }
        return .boolean(clauses)
    }

    @Test func booleanQueriesMatchTheOracle() throws {
        let fixture = try Fixture(count: 700, seed: 23)
        var random = SplitMix64(seed: 6)
        for _ in 0..<300 {
            fixture.check(Self.randomBoolean(fixture, depth: 2, using: &random))
        }
        fixture.check(.boolean([]))
        fixture.check(.boolean([(.mustNot, .term(Self.title, "matrix"))]))
        fixture.check(.boolean([(.must, .all), (.mustNot, .term(Self.genres, "war"))]))
    }

    /// The alternatives of a query word: one-term alternatives kept as they are, others (a boolean of two terms,
    /// a prefix) beside them; the same with every alternative given as a query.
    @Test func disjunctionMaxQueriesScoreTheBestAlternative() throws {
        let fixture = try Fixture(count: 600, seed: 24)
        var random = SplitMix64(seed: 8)
        for _ in 0..<200 {
            let terms = (0..<Int.random(in: 0...4, using: &random)).map { _ -> OracleQuery in
                let fields = Self.fields.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)).map {
                    FieldWeighting(field: $0, weight: Double.random(in: 0.5...4, using: &random), b: 0.75)
                }
                let field = fields[0].field
                return .multiField(fixture.randomTerm(field, using: &random), fields, k1: 1.2,
                                   boost: Double.random(in: 0.5...1, using: &random))
            }
            let others = (0..<Int.random(in: 0...2, using: &random)).map { _ -> OracleQuery in
                Int.random(in: 0..<2, using: &random) == 0
                    ? .boolean([(.must, Self.randomLeaf(fixture, using: &random)),
                                (.must, Self.randomLeaf(fixture, using: &random))])
                    : .prefix(Self.title, String(fixture.randomTerm(Self.title, using: &random).prefix(2)),
                              maxExpansions: 16)
            }
            fixture.check(.disjunctionMax(terms: terms, others: others))
            fixture.check(.disjunctionMax(terms: [], others: terms + others))
        }
    }

    @Test func prefixQueriesExpandLikeTheSortedDictionary() throws {
        let fixture = try Fixture(count: 600, seed: 24)
        var prefixes: Set<String> = ["", "zz", "ма", "ст", "star", "ё"]
        for terms in fixture.termsByField.values {
            for term in terms {
                prefixes.insert(String(term.prefix(1)))
                prefixes.insert(String(term.prefix(2)))
            }
        }
        for field in Self.fields {
            for prefix in prefixes.sorted() {
                for cap in [64, 2, 1, 0] {
                    fixture.check(.prefix(field, prefix, maxExpansions: cap))
                    let expected = fixture.oracle.expansions(field, prefix, cap: cap)
                    #expect(PrefixQuery(field: field, prefix: prefix, maxExpansions: cap)
                        .expansions(in: fixture.searcher) == expected)
                }
            }
        }
    }

    @Test func phraseQueriesNeedAdjacentPositions() throws {
        let fixture = try Fixture(count: 800, seed: 25)
        var random = SplitMix64(seed: 7)
        var phrases: [[String]] = []
        // Phrases that occur: consecutive terms of some documents.
        for (key, postings) in fixture.oracle.segment.postings where key.field == Self.title {
            for (doc, positions) in postings.prefix(2) {
                for (other, otherPostings) in fixture.oracle.segment.postings where other.field == Self.title {
                    if let entry = otherPostings.first(where: { $0.doc == doc }),
                       positions.contains(where: { entry.positions.contains($0 + 1) }) {
                        phrases.append([key.term, other.term])
                    }
                }
            }
        }
        #expect(phrases.count > 10)
        for _ in 0..<100 {
            let length = Int.random(in: 1...3, using: &random)
            phrases.append((0..<length).map { _ in fixture.randomTerm(Self.title, using: &random) })
        }
        for phrase in phrases {
            fixture.check(.phrase(Self.title, phrase))
            fixture.check(.phrase(Self.description, phrase))
        }
        fixture.check(.phrase(Self.title, []))
        // Genres keep no positions, so no phrase can match there.
        let genre = try #require(fixture.termsByField[Self.genres]?.first)
        #expect(fixture.run(.phrase(Self.genres, [genre])).isEmpty)
    }

    @Test func columnFiltersMatchTheOracle() throws {
        let fixture = try Fixture(count: 500, seed: 26)
        var random = SplitMix64(seed: 8)
        for _ in 0..<60 {
            let low = UInt32.random(in: 0...2030, using: &random)
            fixture.check(.filter(ColumnFilter(column: SegmentRandomizedTests.year,
                                               .u32(low...low + UInt32.random(in: 0...60, using: &random)))))
            let from = Int32.random(in: -1000...1000, using: &random)
            fixture.check(.filter(ColumnFilter(column: SegmentRandomizedTests.delta,
                                               .i32(from...from + Int32.random(in: 0...500, using: &random)))))
            let rating = Float(Int.random(in: 0...100, using: &random)) / 10
            fixture.check(.filter(ColumnFilter(column: SegmentRandomizedTests.rating, .f32(rating...10))))
            let genres = Set((0..<Int.random(in: 0...4, using: &random)).map { _ in
                UInt32.random(in: 0...30, using: &random)
            })
            fixture.check(.filter(ColumnFilter(column: SegmentRandomizedTests.genreIDs, .anyOf(genres))))
            fixture.check(.filter(ColumnFilter(column: SegmentRandomizedTests.year,
                                               .anyOf([UInt32.random(in: 1900...2026, using: &random), 0]))))
        }
        // A condition of the wrong type, or an unknown column, matches nothing.
        #expect(fixture.run(.filter(ColumnFilter(column: SegmentRandomizedTests.year, .f32(0...3000)))).isEmpty)
        #expect(fixture.run(.filter(ColumnFilter(column: ColumnID(99), .u32(0...3000)))).isEmpty)
        // As a must clause a filter restricts without changing scores.
        let term = try #require(fixture.termsByField[Self.description]?.first)
        let filter = ColumnFilter(column: SegmentRandomizedTests.rating, .f32(5...10))
        fixture.check(.boolean([(.must, .term(Self.description, term)), (.must, .filter(filter))]))
    }

    static func sortedOracle(_ scores: [DocID: Double]) -> [ScoredDoc] {
        scores.map { ScoredDoc(doc: $0.key, score: $0.value) }.sorted { $0.ranks(before: $1) }
    }

    @Test func topDocsEqualSortingAllScoresWithAndWithoutPruning() throws {
        let fixture = try Fixture(count: 2_000, seed: 27)
        var random = SplitMix64(seed: 9)
        for round in 0..<120 {
            let clauseCount = Int.random(in: 2...6, using: &random)
            let clauses: [(Occur, OracleQuery)] = (0..<clauseCount).map { _ in
                let field = Self.fields.randomElement(using: &random)!
                switch Int.random(in: 0..<6, using: &random) {
                case 0:
                    return (.should, .multiField(fixture.randomTerm(field, using: &random),
                                                 [FieldWeighting(field: Self.title, weight: 3),
                                                  FieldWeighting(field: Self.description, weight: 1, b: 0.5)],
                                                 k1: 1.2, boost: 1))
                case 1:
                    return (.should, .phrase(Self.title, [fixture.randomTerm(Self.title, using: &random),
                                                          fixture.randomTerm(Self.title, using: &random)]))
                default:
                    return (.should, .term(field, fixture.randomTerm(field, using: &random)))
                }
            }
            let query = OracleQuery.boolean(clauses)
            let scores = fixture.oracle.evaluate(query)
            let expected = Self.sortedOracle(scores)
            let everything = fixture.searcher.search(query.query, TopDocsCollector(k: 1_000_000, pruning: false))
            #expect(everything.topDocs.count == expected.count)
            for k in [1, 3, 10, 57, expected.count + 5] {
                let pruned = fixture.searcher.search(query.query, TopDocsCollector(k: k)).topDocs
                let exhaustive = fixture.searcher.search(query.query, TopDocsCollector(k: k, pruning: false)).topDocs
                #expect(pruned == exhaustive, "round \(round) k \(k) \(query)")
                #expect(exhaustive == Array(everything.topDocs.prefix(k)), "round \(round) k \(k)")
                #expect(exhaustive.count == min(k, expected.count))
                for (got, wanted) in zip(exhaustive, expected) {
                    #expect(scoresAgree(got.score, wanted.score), "round \(round) k \(k)")
                    let oracleScore = try #require(scores[got.doc])
                    #expect(scoresAgree(got.score, oracleScore))
                }
            }
        }
    }

    @Test func topDocsOfOtherShapesEqualTheSortedOracle() throws {
        let fixture = try Fixture(count: 600, seed: 28)
        var random = SplitMix64(seed: 10)
        for _ in 0..<80 {
            let query = Self.randomBoolean(fixture, depth: 1, using: &random)
            let expected = Self.sortedOracle(fixture.oracle.evaluate(query))
            for k in [1, 10, expected.count + 1] {
                let top = fixture.searcher.search(query.query, TopDocsCollector(k: k)).topDocs
                #expect(top.count == min(k, expected.count))
                for (got, wanted) in zip(top, expected) {
                    #expect(scoresAgree(got.score, wanted.score), "\(query)")
                }
            }
        }
    }

    static func oracleFacetCounts(_ fixture: Fixture, _ docs: some Sequence<DocID>, _ column: ColumnID)
        -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for doc in docs {
            for value in Set(fixture.oracle.values(column, doc)) {
                counts[value, default: 0] += 1
            }
        }
        return counts
    }

    @Test func facetCountsMatchTheOracleInOnePass() throws {
        let fixture = try Fixture(count: 900, seed: 29)
        var random = SplitMix64(seed: 11)
        for _ in 0..<60 {
            let query = Self.randomBoolean(fixture, depth: 1, using: &random)
            let expected = fixture.oracle.evaluate(query)
            let genres = SegmentRandomizedTests.genreIDs
            let year = SegmentRandomizedTests.year
            let result = fixture.searcher.search(
                query.query,
                CollectorPair(FacetCollector(column: genres, searcher: fixture.searcher),
                              CollectorPair(FacetCollector(column: year, searcher: fixture.searcher),
                                            CollectorPair(CountCollector(), TopDocsCollector(k: 5)))))
            #expect(result.first.counts == Self.oracleFacetCounts(fixture, expected.keys, genres), "\(query)")
            #expect(result.second.first.counts == Self.oracleFacetCounts(fixture, expected.keys, year))
            #expect(result.second.second.first.count == expected.count)
            let top = Self.sortedOracle(expected).prefix(5)
            #expect(result.second.second.second.topDocs.count == top.count)
            for (got, wanted) in zip(result.second.second.second.topDocs, top) {
                #expect(scoresAgree(got.score, wanted.score))
            }
        }
    }

    @Test func disjunctiveFacetCountsIgnoreTheirOwnSelection() throws {
        let fixture = try Fixture(count: 900, seed: 30)
        var random = SplitMix64(seed: 12)
        let genres = SegmentRandomizedTests.genreIDs
        let year = SegmentRandomizedTests.year
        for round in 0..<60 {
            let query: OracleQuery = round % 3 == 0 ? .all : Self.randomBoolean(fixture, depth: 1, using: &random)
            let facets = [
                FacetSelection(column: genres, values: Set((0..<Int.random(in: 0...3, using: &random)).map { _ in
                    UInt32.random(in: 0...30, using: &random)
                })),
                FacetSelection(column: year, values: Set((0..<Int.random(in: 0...40, using: &random)).map { _ in
                    UInt32.random(in: 1900...2026, using: &random)
                })),
            ]
            let matches = fixture.oracle.evaluate(query).keys
            func passes(_ facet: FacetSelection, _ doc: DocID) -> Bool {
                facet.values.isEmpty || fixture.oracle.values(facet.column, doc).contains { facet.values.contains($0) }
            }
            var expected: [ColumnID: [UInt32: Int]] = [:]
            for (index, facet) in facets.enumerated() {
                let docs = matches.filter { doc in
                    facets.indices.allSatisfy { $0 == index || passes(facets[$0], doc) }
                }
                expected[facet.column] = Self.oracleFacetCounts(fixture, docs, facet.column)
            }
            let matchCount = matches.filter { doc in facets.allSatisfy { passes($0, doc) } }.count
            let actual = fixture.searcher.disjunctiveFacetCounts(query.query, facets: facets)
            #expect(actual == DisjunctiveFacetCounts(counts: expected, matchCount: matchCount), "round \(round)")
        }
    }
}
