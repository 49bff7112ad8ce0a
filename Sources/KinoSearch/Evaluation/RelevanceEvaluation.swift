/// Success@1, Success@5 and mean reciprocal rank (over the first 10 hits) of known-item queries, per category.
public struct RelevanceEvaluation: Sendable {
    public struct Scores: Sendable, Codable {
        public var queries = 0
        public var successAt1 = 0.0
        public var successAt5 = 0.0
        public var meanReciprocalRank = 0.0

        enum CodingKeys: String, CodingKey {
            case queries, successAt1 = "success_at_1", successAt5 = "success_at_5", meanReciprocalRank = "mrr"
        }
    }

    public private(set) var byCategory: [KnownItemQueries.Category: Scores] = [:]
    /// Queries whose target was not first, for looking into.
    public private(set) var misses: [(query: KnownItemQueries.Query, top: [Int])] = []

    /// Runs every query through `search` (which returns film ids, best first).
    public init(_ queries: KnownItemQueries, search: (String) throws -> [Int]) rethrows {
        var sums: [KnownItemQueries.Category: (count: Int, at1: Int, at5: Int, reciprocal: Double)] = [:]
        for query in queries.queries {
            let ids = try search(query.text)
            let rank = ids.prefix(10).firstIndex(where: query.targets.contains).map { $0 + 1 }
            var sum = sums[query.category, default: (0, 0, 0, 0)]
            sum.count += 1
            if rank == 1 { sum.at1 += 1 }
            if let rank, rank <= 5 { sum.at5 += 1 }
            sum.reciprocal += rank.map { 1 / Double($0) } ?? 0
            sums[query.category] = sum
            if rank != 1 { misses.append((query, Array(ids.prefix(5)))) }
        }
        for (category, sum) in sums {
            let count = Double(max(sum.count, 1))
            byCategory[category] = Scores(queries: sum.count, successAt1: Double(sum.at1) / count,
                                          successAt5: Double(sum.at5) / count,
                                          meanReciprocalRank: sum.reciprocal / count)
        }
    }
}
