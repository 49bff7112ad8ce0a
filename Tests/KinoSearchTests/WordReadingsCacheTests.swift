import KinoText
import Testing

@testable import KinoSearch

struct WordReadingsCacheTests {
    /// Plans read through a cache equal plans read afresh, both when their words are new to it and when they are
    /// found in it: the same words last (completed) and not, in either alphabet and layout, with typos, with
    /// transliterations and with a year.
    @Test func plansReadThroughTheCacheEqualPlansReadAfresh() async throws {
        let fixture = try await SearchFixture.built.value
        let searcher = fixture.searcher.searcher
        let analyzer = Analyzer()
        let queries = ["матрица", "матрица перезагрузка", "перезагрузка матрица", "брат", "брат 2", "brat", ",hfn",
                       "vfnhbwf", "the matrix", "matrix the", "солярис 1972", "1972 солярис", "тарковский", "nolan",
                       "mtarix", "зеркало ", "зерк", "зеркало т"]
            + fixture.films.prefix(60).map(\.displayTitle)
            // The start of a title word, being typed (completed) and then followed by another word (not).
            + fixture.films.prefix(20).flatMap { film in
                let start = String(film.displayTitle.prefix(3))
                return [start, start + " 2"]
            }
        let cache = WordReadingsCache(capacity: 64)
        for pass in 0..<2 {
            for query in queries {
                let fresh = QueryPlan(query, analyzer: analyzer, typing: true, searcher: searcher)
                let cached = QueryPlan(query, analyzer: analyzer, typing: true, searcher: searcher, cache: cache)
                #expect(cached.words == fresh.words, "\(query), pass \(pass)")
                #expect(cached.year == fresh.year, "\(query), pass \(pass)")
                #expect(cached.titleKeys == fresh.titleKeys, "\(query), pass \(pass)")
                #expect(cached.completedTitleKeys == fresh.completedTitleKeys, "\(query), pass \(pass)")
            }
        }
        let statistics = cache.statistics
        #expect(statistics.hits > 0 && statistics.count <= 64)
    }

    /// The cache keeps at most its capacity; a word met in every query is read once, one not met for a while is
    /// read again, and a word being completed is another entry than the same word complete.
    @Test func keepsAtMostItsCapacityAndTheWordsMetAgain() {
        let cache = WordReadingsCache(capacity: 8)
        var reads = 0
        func look(_ word: String, completing: Bool = false) {
            _ = cache.readings(of: word, completing: completing) {
                reads += 1
                return []
            }
        }
        for index in 0..<100 {
            look("word\(index)")
            look("common")
            #expect(cache.statistics.count <= 8)
        }
        #expect(reads == 101)
        look("word0")
        #expect(reads == 102)
        look("common", completing: true)
        #expect(reads == 103)
        #expect(cache.statistics.hits == 99 && cache.statistics.misses == 103)
    }

    /// Searches from many tasks at once through one searcher's cache give the answers of one search at a time.
    @Test func concurrentSearchesShareTheCache() async throws {
        let fixture = try await SearchFixture.built.value
        let queries = fixture.films.prefix(40).map { String($0.displayTitle.prefix(12)) } + ["the", "в", "brat", "матрица"]
        let alone = FilmSearcher(index: fixture.searcher.index)
        var expected: [String: [Int]] = [:]
        for query in queries {
            expected[query] = try alone.search(SearchRequest(query: query)).hits.map(\.film.id)
        }
        let shared = FilmSearcher(index: fixture.searcher.index)
        try await withThrowingTaskGroup(of: [(String, [Int])].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var answers: [(String, [Int])] = []
                    for query in queries.shuffled() where query.count % 8 != task {
                        answers.append((query, try shared.search(SearchRequest(query: query)).hits.map(\.film.id)))
                    }
                    return answers
                }
            }
            var answered = 0
            for try await answers in group {
                for (query, ids) in answers {
                    #expect(ids == expected[query], "\(query)")
                    answered += 1
                }
            }
            #expect(answered > queries.count * 6)
        }
        #expect(shared.wordReadings.statistics.hits > 0)
    }
}
