import Testing
@testable import KinoIndex

/// Counts calls across copies of a scorer; only touched from one test's thread.
final class CallCounter: @unchecked Sendable {
    var scored = 0
}

/// A query that wraps another and counts how many documents its scorers score.
struct CountingQuery: Query {
    let inner: any Query
    let counter: CallCounter

    struct CountingWeight: Weight {
        let inner: any Weight
        let counter: CallCounter

        var maxScore: Double { inner.maxScore }

        func scorer() -> any Scorer { CountingScorer(inner: inner.scorer(), counter: counter) }
    }

    struct CountingScorer: Scorer {
        var inner: any Scorer
        let counter: CallCounter

        var doc: DocID { inner.doc }

        mutating func next() -> DocID { inner.next() }

        mutating func advance(to target: DocID) -> DocID { inner.advance(to: target) }

        mutating func score() -> Double {
            counter.scored += 1
            return inner.score()
        }
    }

    func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        CountingWeight(inner: inner.weight(searcher: searcher, scoring: scoring), counter: counter)
    }
}

struct QueryEdgeCaseTests {
    static let title = SegmentRandomizedTests.title

    static func emptySearcher(_ directory: TemporaryDirectory) throws -> Searcher {
        try SegmentWriter(schema: SegmentRandomizedTests.schema()).write(to: directory.path)
        return Searcher(segment: try SegmentReader(directory: directory.path))
    }

    @Test func queriesOverAnEmptySegmentMatchNothing() throws {
        let directory = TemporaryDirectory()
        let searcher = try Self.emptySearcher(directory)
        let queries: [any Query] = [
            TermQuery(field: Self.title, term: "matrix"),
            MultiFieldTermQuery(term: "matrix", fields: [FieldWeighting(field: Self.title)]),
            PrefixQuery(field: Self.title, prefix: ""),
            PhraseQuery(field: Self.title, terms: ["the", "matrix"]),
            ColumnFilter(column: SegmentRandomizedTests.year, .u32(0...3000)),
            AllQuery(),
            BooleanQuery([(.mustNot, TermQuery(field: Self.title, term: "matrix"))]),
            BooleanQuery.any([TermQuery(field: Self.title, term: "a"), TermQuery(field: Self.title, term: "b")]),
        ]
        for query in queries {
            #expect(searcher.search(query, TopDocsCollector(k: 10)).topDocs.isEmpty)
            #expect(searcher.search(query, CountCollector()).count == 0)
            #expect(searcher.search(query, FacetCollector(column: SegmentRandomizedTests.genreIDs,
                                                          searcher: searcher)).counts.isEmpty)
        }
        let facets = searcher.disjunctiveFacetCounts(AllQuery(), facets: [
            FacetSelection(column: SegmentRandomizedTests.genreIDs, values: [1]),
        ])
        #expect(facets == DisjunctiveFacetCounts(counts: [SegmentRandomizedTests.genreIDs: [:]], matchCount: 0))
        #expect(searcher.docFrequency(field: Self.title, term: "matrix") == 0)
        #expect(searcher.averageLength(field: Self.title) == 0)
    }

    @Test func topDocsHandleSmallAndOversizedK() throws {
        let directory = TemporaryDirectory()
        var writer = SegmentWriter(schema: try SegmentRandomizedTests.schema())
        for text in ["The Matrix", "Matrix Reloaded", "Stalker", "The Matrix Revolutions matrix"] {
            try writer.addDocument(Document(fields: [(Self.title, text)]))
        }
        try writer.write(to: directory.path)
        let searcher = Searcher(segment: try SegmentReader(directory: directory.path))
        let matrix = TermQuery(field: Self.title, term: "matrix")
        let all = searcher.search(matrix, TopDocsCollector(k: 100)).topDocs
        #expect(all.map(\.doc).sorted() == [0, 1, 3])
        #expect(all.first?.doc == 3)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.ranks(before: $1) })
        #expect(searcher.search(matrix, TopDocsCollector(k: 0)).topDocs.isEmpty)
        #expect(searcher.search(matrix, TopDocsCollector(k: 1)).topDocs == Array(all.prefix(1)))
        // Equal scores rank by doc id.
        let ties = searcher.search(AllQuery(), TopDocsCollector(k: 2)).topDocs
        #expect(ties == [ScoredDoc(doc: 0, score: 0), ScoredDoc(doc: 1, score: 0)])
        // Terms not in the dictionary match nothing and leave the rest of a disjunction alone.
        let missing = TermQuery(field: Self.title, term: "несуществующее")
        #expect(searcher.search(missing, CountCollector()).count == 0)
        let mixed = searcher.search(BooleanQuery.any([missing, matrix]), TopDocsCollector(k: 10)).topDocs
        #expect(mixed == all)
        #expect(searcher.search(BooleanQuery.all([missing, matrix]), CountCollector()).count == 0)
        #expect(searcher.search(BooleanQuery(), CountCollector()).count == 0)
        // A phrase ranks above the same words apart.
        let phrase = searcher.search(PhraseQuery(field: Self.title, terms: ["the", "matrix"]), TopDocsCollector(k: 5))
        #expect(phrase.topDocs.map(\.doc) == [0, 3])
        #expect(searcher.search(PhraseQuery(field: Self.title, terms: ["matrix", "the"]), CountCollector()).count == 0)
        #expect(searcher.search(PrefixQuery(field: Self.title, prefix: "matr"), CountCollector()).count == 3)
        #expect(PrefixQuery(field: Self.title, prefix: "").expansions(in: searcher).first == "matrix")
    }

    @Test func maxScoreScoresFewerDocumentsThanTheExhaustiveWalk() throws {
        let directory = TemporaryDirectory()
        var writer = SegmentWriter(schema: try SegmentRandomizedTests.schema())
        var random = SplitMix64(seed: 77)
        for index in 0..<3_000 {
            var words = ["common"]
            if index % 97 == 0 { words.append("rare") }
            if Bool.random(using: &random) { words.append("frequent") }
            try writer.addDocument(Document(fields: [(Self.title, words.joined(separator: " "))]))
        }
        try writer.write(to: directory.path)
        let searcher = Searcher(segment: try SegmentReader(directory: directory.path))
        func run(pruning: Bool) -> ([ScoredDoc], Int) {
            let counter = CallCounter()
            let query = BooleanQuery.any(["common", "rare", "frequent"].map { term in
                CountingQuery(inner: TermQuery(field: Self.title, term: term), counter: counter)
            })
            let top = searcher.search(query, TopDocsCollector(k: 10, pruning: pruning)).topDocs
            return (top, counter.scored)
        }
        let (pruned, prunedCalls) = run(pruning: true)
        let (exhaustive, exhaustiveCalls) = run(pruning: false)
        #expect(pruned == exhaustive)
        #expect(pruned.count == 10)
        #expect(prunedCalls * 4 < exhaustiveCalls, "\(prunedCalls) vs \(exhaustiveCalls)")
    }

    /// A search makes a weight and a scorer for every reading of every word: these fit an existential's inline
    /// buffer of three words, so none gets a box of its own on the heap.
    @Test func termWeightsAndScorersNeedNoBox() {
        let inline = 3 * MemoryLayout<Int>.size
        #expect(MemoryLayout<TermWeight>.size <= inline)
        #expect(MemoryLayout<TermScorer>.size <= inline)
        #expect(MemoryLayout<DisjunctionScorer>.size <= inline)
        #expect(MemoryLayout<DisjunctionMaxWeight>.size <= inline)
        #expect(MemoryLayout<EmptyWeight>.size <= inline)
    }

    @Test func weightBoundsHoldForEveryScore() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try SegmentRandomizedTests.build(count: 500, seed: 31, in: directory)
        let searcher = Searcher(segment: reader)
        for key in oracle.sortedKeys {
            let queries: [any Query] = [
                TermQuery(field: key.field, term: key.term, b: 1),
                MultiFieldTermQuery(term: key.term, fields: [FieldWeighting(field: key.field, weight: 2, b: 1),
                                                             FieldWeighting(field: Self.title, weight: 3, b: 0)]),
                PrefixQuery(field: key.field, prefix: String(key.term.prefix(1))),
            ]
            for query in queries {
                let weight = query.weight(searcher: searcher, scoring: true)
                var scorer = weight.scorer()
                while scorer.doc != .terminated {
                    #expect(scorer.score() <= weight.maxScore)
                    scorer.next()
                }
            }
        }
    }
}
