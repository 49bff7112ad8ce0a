/// Combines queries with ``Occur/must``, ``Occur/should`` and ``Occur/mustNot`` clauses.
///
/// - With `must` clauses, a document matches every one of them (a leapfrog conjunction over `advance(to:)`), and
///   the `should` clauses only add their scores where they match.
/// - Without `must` clauses, a document matches at least one `should` clause (a union of the clauses' scorers).
/// - With only `mustNot` clauses, every document not excluded matches, with score 0.
/// - Without clauses, nothing matches.
///
/// The score is the sum of the scores of the matching `must` and `should` clauses. A ``ColumnFilter`` as a `must`
/// clause restricts the matches without changing the scores.
public struct BooleanQuery: Query {
    /// The clauses, in the order given.
    public var clauses: [(occur: Occur, query: any Query)]

    /// Makes a boolean query.
    public init(_ clauses: [(occur: Occur, query: any Query)] = []) {
        self.clauses = clauses
    }

    /// Adds a clause.
    public mutating func add(_ occur: Occur, _ query: any Query) {
        clauses.append((occur, query))
    }

    /// A query matching documents that match any of `queries`, scored by the sum of the matching ones.
    public static func any(_ queries: [any Query]) -> BooleanQuery {
        BooleanQuery(queries.map { (.should, $0) })
    }

    /// A query matching documents that match all of `queries`, scored by the sum of their scores.
    public static func all(_ queries: [any Query]) -> BooleanQuery {
        BooleanQuery(queries.map { (.must, $0) })
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        var must: [any Weight] = []
        var should: [any Weight] = []
        var mustNot: [any Weight] = []
        var droppedShould = false
        // Each list made at its size at once.
        let musts = clauses.count { $0.0 == .must }
        let mustNots = clauses.count { $0.0 == .mustNot }
        must.reserveCapacity(musts)
        should.reserveCapacity(clauses.count - musts - mustNots)
        mustNot.reserveCapacity(mustNots)
        for (occur, query) in clauses {
            switch occur {
            case .must: must.append(query.weight(searcher: searcher, scoring: scoring))
            case .should:
                // An optional clause that matches nothing adds nothing.
                let weight = query.weight(searcher: searcher, scoring: scoring)
                if weight.matchesNothing {
                    droppedShould = true
                } else {
                    should.append(weight)
                }
            case .mustNot: mustNot.append(query.weight(searcher: searcher, scoring: false))
            }
        }
        // Optional clauses that all match nothing, and no required ones: no document matches.
        if droppedShould, must.isEmpty, should.isEmpty { return EmptyWeight() }
        return BooleanWeight(must: must, should: should, mustNot: mustNot, docCount: searcher.docCount,
                             scoring: scoring)
    }
}
