import Testing
import KinoText
@testable import KinoIndex

/// Fuzzy queries over seeded random segments whose words have many near neighbours, checked against the oracle.
struct FuzzyQueryTests {
    static let title = SegmentRandomizedTests.title
    static let description = SegmentRandomizedTests.description
    static let genres = SegmentRandomizedTests.genres

    /// Documents of words drawn, unevenly, from a vocabulary of stems, endings and typos.
    static func documents(count: Int, seed: UInt64) -> [Document] {
        var words = FuzzyWords(seed: seed)
        let vocabulary = words.vocabulary(count: 300)
        func text(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &words.random)).map { _ in
                let index = Int.random(in: 0..<vocabulary.count, using: &words.random)
                return vocabulary[Bool.random(using: &words.random) ? Int.random(in: 0...index, using: &words.random)
                                                                     : index]
            }.joined(separator: " ")
        }
        return (0..<count).map { _ in
            Document(fields: [(title, text(1...4)), (description, text(0...30)), (genres, text(1...2))])
        }
    }

    /// A fixture over ``documents(count:seed:)``, analysed without stemming so that words keep their typos.
    static func fixture(count: Int, seed: UInt64) throws -> QueryRandomizedTests.Fixture {
        try QueryRandomizedTests.Fixture(documents: documents(count: count, seed: seed),
                                         analyzer: Analyzer(stemming: false), seed: seed)
    }

    static func randomFuzzy(_ fixture: QueryRandomizedTests.Fixture, using words: inout FuzzyWords) -> OracleQuery {
        let field = QueryRandomizedTests.fields.randomElement(using: &words.random)!
        return .fuzzy(field, words.query(from: fixture.termsByField[field] ?? ["x"]),
                      maxEdits: Int.random(in: 0...2, using: &words.random),
                      prefixLength: Int.random(in: 0...2, using: &words.random),
                      maxExpansions: [50, 50, 4, 1, 0].randomElement(using: &words.random)!)
    }

    @Test func fuzzyQueriesMatchAndScoreLikeTheOracle() throws {
        let fixture = try Self.fixture(count: 700, seed: 31)
        var words = FuzzyWords(seed: 32)
        var expandedToSeveral = 0
        for _ in 0..<250 {
            let query = Self.randomFuzzy(fixture, using: &words)
            guard case let .fuzzy(field, term, maxEdits, prefixLength, cap) = query else { continue }
            fixture.check(query)
            let fuzzy = FuzzyQuery(field: field, term: term, maxEdits: maxEdits, prefixLength: prefixLength,
                                   maxExpansions: cap)
            let expansions = fuzzy.expansions(in: fixture.searcher)
            let expected = fixture.oracle.fuzzyExpansions(field, term, maxEdits: maxEdits, prefixLength: prefixLength,
                                                          cap: cap)
            #expect(expansions.map(\.term) == expected.map(\.term), "\(query)")
            #expect(expansions.map(\.distance) == expected.map(\.distance), "\(query)")
            expandedToSeveral += expansions.count > 1 ? 1 : 0
            // The bound MaxScore relies on holds for every document.
            let bound = fuzzy.weight(searcher: fixture.searcher, scoring: true).maxScore
            for score in fixture.run(query).values {
                #expect(score <= bound * (1 + 1e-12), "\(query)")
            }
        }
        #expect(expandedToSeveral > 15)
    }

    @Test func topDocsWithFuzzyClausesEqualTheOracleWithAndWithoutPruning() throws {
        let fixture = try Self.fixture(count: 1_500, seed: 33)
        var words = FuzzyWords(seed: 34)
        for round in 0..<80 {
            var clauses: [(Occur, OracleQuery)] = []
            var leaves: [OracleQuery] = []
            for _ in 0..<Int.random(in: 1...5, using: &words.random) {
                let field = QueryRandomizedTests.fields.randomElement(using: &words.random)!
                let leaf = Int.random(in: 0..<3, using: &words.random) == 0
                    ? OracleQuery.term(field, fixture.randomTerm(field, using: &words.random))
                    : Self.randomFuzzy(fixture, using: &words)
                clauses.append((.should, leaf))
                leaves.append(leaf)
            }
            // A single clause runs bare, without the boolean (and its MaxScore) around it.
            let query = leaves.count == 1 ? leaves[0] : OracleQuery.boolean(clauses)
            let scores = fixture.oracle.evaluate(query)
            let expected = QueryRandomizedTests.sortedOracle(scores)
            for k in [1, 3, 10, expected.count + 2] {
                let pruned = fixture.searcher.search(query.query, TopDocsCollector(k: k)).topDocs
                let exhaustive = fixture.searcher.search(query.query, TopDocsCollector(k: k, pruning: false)).topDocs
                #expect(pruned == exhaustive, "round \(round) k \(k) \(query)")
                #expect(exhaustive.count == min(k, expected.count), "round \(round) k \(k) \(query)")
                for (got, wanted) in zip(exhaustive, expected) {
                    #expect(scoresAgree(got.score, wanted.score), "round \(round) k \(k) \(query)")
                    let oracleScore = try #require(scores[got.doc])
                    #expect(scoresAgree(got.score, oracleScore))
                }
            }
        }
    }

    @Test func theExactWordOutranksATypoAtEqualStatistics() throws {
        let directory = TemporaryDirectory()
        var writer = SegmentWriter(schema: try SegmentRandomizedTests.schema(), analyzer: Analyzer(stemming: false))
        for text in ["матрица перезагрузка", "матрицы перезагрузка", "матрицаа перезагрузка", "сталкер"] {
            try writer.addDocument(Document(fields: [(Self.title, text)]))
        }
        try writer.write(to: directory.path)
        let searcher = Searcher(segment: try SegmentReader(directory: directory.path))
        let query = FuzzyQuery(field: Self.title, term: "матрица", maxEdits: 2)
        #expect(query.expansions(in: searcher).map(\.term) == ["матрица", "матрицаа", "матрицы"])
        let top = searcher.search(query, TopDocsCollector(k: 10)).topDocs
        #expect(top.map(\.doc) == [0, 1, 2])
        #expect(scoresAgree(top[1].score, top[0].score * FuzzyQuery.boost(forDistance: 1)))
        #expect(top[1].score == top[2].score)
    }

    @Test(arguments: [(0, 0), (1, 0), (3, 0), (4, 1), (7, 1), (8, 2), (30, 2), (-1, 0)])
    func typoBudgetGrowsWithWordLength(characters: Int, maxEdits: Int) {
        #expect(FuzzyQuery.maxEdits(forLength: characters) == maxEdits)
    }

    @Test func distanceBoostsFallWithDistance() {
        #expect(FuzzyQuery.boost(forDistance: 0) == 1)
        #expect(FuzzyQuery.boost(forDistance: 1) < 1)
        #expect(FuzzyQuery.boost(forDistance: 2) < FuzzyQuery.boost(forDistance: 1))
        #expect(FuzzyQuery.boost(forDistance: 2) > 0)
    }

    @Test func outOfRangeParametersAreClamped() {
        let query = FuzzyQuery(field: Self.title, term: "x", maxEdits: 7, prefixLength: -3, maxExpansions: -1)
        #expect(query.maxEdits == 2)
        #expect(query.prefixLength == 0)
        #expect(query.maxExpansions == 0)
        #expect(FuzzyQuery(field: Self.title, term: "x", maxEdits: -1).maxEdits == 0)
    }
}
