import ArgumentParser
import Foundation
import KinoSearch

/// `kino bench relevance`: Success@1, Success@5 and MRR of known-item queries generated from the index.
struct BenchRelevance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relevance",
        abstract: "Evaluate search relevance on known-item queries generated from the index."
    )

    @Option(name: .long, help: "Queries per category.") var perCategory = 300
    @Option(name: .long, help: "The seed of the query generator.") var seed: UInt64 = 1
    @Option(name: .long, help: "Print this many misses per category.") var misses = 0
    @Flag(name: .long, help: "Only print the generated queries, a line each: category, query and the ids of the films it targets (comma-separated), by tabs.") var printQueries = false
    @Option(name: .long, help: "The index folder.") var indexDir = "IndexData"

    func run() throws {
        let searcher = FilmSearcher(index: try FilmIndex.open(root: indexDir))
        let queries = KnownItemQueries(index: searcher.index, perCategory: perCategory, seed: seed)
        if printQueries {
            for query in queries.queries {
                print("\(query.category.rawValue)\t\(query.text)\t\(query.targets.sorted().map(String.init).joined(separator: ","))")
            }
            return
        }
        let evaluation = try RelevanceEvaluation(queries) { text in
            var request = SearchRequest(query: text)
            request.perPage = 10
            request.facets = false
            request.highlight = false
            return try searcher.search(request).hits.map(\.film.id)
        }
        print("| category | queries | S@1 | S@5 | MRR |")
        print("|---|---|---|---|---|")
        for category in KnownItemQueries.Category.allCases {
            guard let scores = evaluation.byCategory[category] else { continue }
            print(String(format: "| %@ | %d | %.3f | %.3f | %.3f |", category.rawValue, scores.queries,
                         scores.successAt1, scores.successAt5, scores.meanReciprocalRank))
        }
        guard misses > 0 else { return }
        for category in KnownItemQueries.Category.allCases {
            for miss in evaluation.misses.filter({ $0.query.category == category }).prefix(misses) {
                let top = miss.top.map { id in "\(id)" }.joined(separator: ",")
                print("miss \(category.rawValue): \"\(miss.query.text)\" → want \(miss.query.targets.sorted().prefix(3)) got [\(top)]")
            }
        }
    }
}

/// `kino bench search`: in-process latency of search with facets, of as-you-type prefixes and of similar films.
struct BenchSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measure search latency in process, on one thread (p50, p99)."
    )

    @Option(name: .long, help: "Queries per category of the generated set.") var perCategory = 200
    @Option(name: .long, help: "Passes over the queries; the first warms up and is not counted.") var runs = 4
    @Option(name: .long, help: "Only the operations whose name starts with this (e.g. 'search', 'similar').") var only = ""
    @Option(name: .long, help: "The index folder.") var indexDir = "IndexData"
    @Flag(name: .long, help: "Also time search with facet counts by category of query.") var byCategory = false
    @Flag(name: .long, help: "Also time search with facet counts after evicting the caches before each query.")
    var cold = false

    func run() throws {
        let searcher = FilmSearcher(index: try FilmIndex.open(root: indexDir))
        let queries = KnownItemQueries(index: searcher.index, perCategory: perCategory, seed: 7).queries
        let typed = queries.filter { $0.category != .prefix }.map(\.text)
        let prefixes = queries.filter { $0.category == .prefix }.map(\.text)
        let clock = ContinuousClock()
        let memory = MemoryLatency()
        let latencyBefore = memory.nanosecondsPerRead()

        /// Times `body` on each input; `untimed`, when given, runs on the input just before, outside the clock.
        func measure(_ name: String, _ inputs: [String], untimed: ((String) throws -> Void)? = nil,
                     _ body: (String) throws -> Void) rethrows {
            guard name.hasPrefix(only) else { return }
            var samples: [Double] = []
            for run in 0..<max(runs, 2) {
                for input in inputs {
                    try untimed?(input)
                    let started = clock.now
                    try body(input)
                    let elapsed = (clock.now - started).components
                    if run > 0 { samples.append(Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12) }
                }
            }
            samples.sort()
            func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
            print(String(format: "| %@ | %d | %.1f | %.1f | %.1f |", name, samples.count, percentile(0.5),
                         percentile(0.99), samples.reduce(0, +) / Double(samples.count)))
        }

        print("| operation | samples | p50 µs | p99 µs | mean µs |")
        print("|---|---|---|---|---|")
        func searchWithFacets(_ text: String) throws {
            var request = SearchRequest(query: text)
            request.perPage = 10
            _ = try searcher.search(request)
        }
        try measure("search, top 10 + facet counts", typed, searchWithFacets)
        if cold {
            // What a search costs when a busy neighbour has taken the shared cache: everything it reads, its code too,
            // comes from memory. The eviction reads a buffer twice the size of the last-level cache, outside the clock.
            let evictions = CacheEviction()
            try measure("search, top 10 + facet counts, caches evicted", typed, untimed: { _ in evictions.evict() },
                        searchWithFacets)
        }
        if byCategory {
            for category in KnownItemQueries.Category.allCases where category != .prefix {
                let texts = queries.filter { $0.category == category }.map(\.text)
                try measure("search, top 10 + facet counts: \(category.rawValue)", texts, searchWithFacets)
            }
        }
        // The same query right after itself: its terms, postings and films are in cache, which shows how much of a
        // search in the mixed run is the cost of reaching them cold.
        try measure("repeated search, top 10 + facet counts", typed, untimed: searchWithFacets, searchWithFacets)
        try measure("search, top 10, no facets", typed) { text in
            var request = SearchRequest(query: text)
            request.perPage = 10
            request.facets = false
            _ = try searcher.search(request)
        }
        // What the suggestions ask for: ten films, no facets, no highlights.
        func suggest(_ text: String) throws {
            var request = SearchRequest(query: text)
            request.perPage = 10
            request.facets = false
            request.highlight = false
            _ = try searcher.search(request)
        }
        try measure("suggest-style prefix, top 10", prefixes, suggest)
        // A search box sends the query with every key: a seventh of the typed queries, letter by letter. The words
        // before the one being typed come back with each key.
        let keystrokes = stride(from: 0, to: typed.count, by: 7).flatMap { index in
            (1...max(1, typed[index].count)).map { String(typed[index].prefix($0)) }
        }
        try measure("as you type, every key, top 10", keystrokes, suggest)
        let similar = SimilarFilms(searcher: searcher)
        let filmIDs = Array(Set(queries.flatMap(\.targets)).sorted().prefix(400)).map(String.init)
        try measure("similar films, top 10", filmIDs) { id in
            _ = try similar.find(filmID: Int(id)!, limit: 10)
        }
        let browse = ["", "", ""]
        try measure("browse (empty query) + facets", browse) { _ in
            _ = try searcher.search(SearchRequest())
        }
        print(String(format: "\nMemory latency (dependent reads over %d MiB): %.0f ns before, %.0f ns after.",
                     (MemoryLatency.slots * MemoryLayout<Int>.size) >> 20, latencyBefore, memory.nanosecondsPerRead()))
    }
}
