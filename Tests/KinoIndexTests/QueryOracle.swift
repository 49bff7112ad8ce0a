#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import KinoIndex

/// A query described twice: as the engine's ``Query`` and as something ``QueryOracle`` evaluates by brute force.
indirect enum OracleQuery: CustomStringConvertible {
    case term(FieldID, String)
    case multiField(String, [FieldWeighting], k1: Double, boost: Double)
    case prefix(FieldID, String, maxExpansions: Int)
    case fuzzy(FieldID, String, maxEdits: Int, prefixLength: Int, maxExpansions: Int)
    case phrase(FieldID, [String])
    case filter(ColumnFilter)
    case all
    case boolean([(Occur, OracleQuery)])
    /// The best of several alternatives: those of `terms` given to ``DisjunctionMaxQuery`` as they are, the others
    /// as queries.
    case disjunctionMax(terms: [OracleQuery], others: [OracleQuery])

    var query: any Query {
        switch self {
        case .term(let field, let term): TermQuery(field: field, term: term)
        case .multiField(let term, let fields, let k1, let boost):
            MultiFieldTermQuery(term: term, fields: fields, k1: k1, boost: boost)
        case .prefix(let field, let prefix, let cap): PrefixQuery(field: field, prefix: prefix, maxExpansions: cap)
        case .fuzzy(let field, let term, let maxEdits, let prefixLength, let cap):
            FuzzyQuery(field: field, term: term, maxEdits: maxEdits, prefixLength: prefixLength, maxExpansions: cap)
        case .phrase(let field, let terms): PhraseQuery(field: field, terms: terms)
        case .filter(let filter): filter
        case .all: AllQuery()
        case .boolean(let clauses): BooleanQuery(clauses.map { ($0.0, $0.1.query) })
        case .disjunctionMax(let terms, let others):
            DisjunctionMaxQuery(terms: terms.compactMap { $0.query as? MultiFieldTermQuery }, others.map(\.query))
        }
    }

    var description: String {
        switch self {
        case .term(let field, let term): "\(field.rawValue):\(term)"
        case .multiField(let term, let fields, _, _): "multi(\(term) \(fields.map(\.field.rawValue)))"
        case .prefix(let field, let prefix, let cap): "\(field.rawValue):\(prefix)*\(cap)"
        case .fuzzy(let field, let term, let maxEdits, let prefixLength, let cap):
            "\(field.rawValue):\(term)~\(maxEdits)/\(prefixLength)*\(cap)"
        case .phrase(let field, let terms): "\(field.rawValue):\"\(terms.joined(separator: " "))\""
        case .filter(let filter): "filter(\(filter.column.rawValue) \(filter.condition))"
        case .all: "*"
        case .boolean(let clauses): "(" + clauses.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"
        case .disjunctionMax(let terms, let others): "max(" + (terms + others).map(\.description)
            .joined(separator: " | ") + ")"
        }
    }
}

/// Brute-force matching and scoring straight from the documents, written independently of the query layer.
struct QueryOracle {
    let segment: SegmentOracle
    let documents: [Document]
    let sortedKeys: [SegmentOracle.Key]
    private let averages: [FieldID: Double]
    let k1 = 1.2
    let b = 0.75

    init(segment: SegmentOracle, documents: [Document]) {
        self.segment = segment
        self.documents = documents
        sortedKeys = segment.sortedKeys
        var totals: [FieldID: Int] = [:]
        for lengths in segment.lengths {
            for (field, length) in lengths {
                totals[field, default: 0] += Int(length)
            }
        }
        averages = totals.mapValues { Double($0) / Double(documents.count) }
    }

    var docCount: Int { documents.count }

    func averageLength(_ field: FieldID) -> Double {
        averages[field] ?? 0
    }

    func idf(_ df: Int) -> Double {
        log(1 + (Double(docCount) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    func positions(_ field: FieldID, _ term: String) -> [DocID: [UInt32]] {
        var result: [DocID: [UInt32]] = [:]
        for (doc, positions) in segment.postings[SegmentOracle.Key(field: field, term: term)] ?? [] {
            result[doc] = positions
        }
        return result
    }

    func length(_ field: FieldID, _ doc: DocID) -> Double {
        Double(segment.lengths[Int(doc)][field] ?? 0)
    }

    /// BM25F with the textbook formula: `idf · t·(k1+1)/(k1+t)`, `t = Σ w·tf/(1−b+b·len/avg)`.
    func multiField(_ term: String, _ fields: [FieldWeighting], k1: Double, boost: Double) -> [DocID: Double] {
        var pseudo: [DocID: Double] = [:]
        var df = 0
        for weighting in fields {
            let postings = positions(weighting.field, term)
            df = max(df, postings.count)
            let average = averageLength(weighting.field)
            for (doc, list) in postings {
                let norm = average > 0 ? 1 - weighting.b + weighting.b * length(weighting.field, doc) / average : 1
                pseudo[doc, default: 0] += weighting.weight * Double(list.count) / norm
            }
        }
        let weight = idf(df)
        return pseudo.mapValues { t in boost * weight * t * (k1 + 1) / (k1 + t) }
    }

    func term(_ field: FieldID, _ term: String) -> [DocID: Double] {
        let postings = positions(field, term)
        let weight = idf(postings.count)
        let average = averageLength(field)
        return postings.reduce(into: [:]) { result, entry in
            let tf = Double(entry.value.count)
            result[entry.key] = weight * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length(field, entry.key) / average))
        }
    }

    func expansions(_ field: FieldID, _ prefix: String, cap: Int) -> [String] {
        let keys = sortedKeys.filter { $0.field == field && Array($0.term.utf8).starts(with: Array(prefix.utf8)) }
        let ranked = keys.enumerated().sorted { lhs, rhs in
            let left = segment.postings[lhs.element]!.count
            let right = segment.postings[rhs.element]!.count
            return left != right ? left > right : lhs.offset < rhs.offset
        }
        return ranked.prefix(cap).map(\.element.term)
    }

    /// The terms of `field` within `maxEdits` of `term` that share its first `prefixLength` scalars: the closest
    /// `cap`, ties by document frequency (higher first), then in dictionary order.
    func fuzzyExpansions(_ field: FieldID, _ term: String, maxEdits: Int, prefixLength: Int, cap: Int)
        -> [(term: String, distance: Int)] {
        let found = sortedKeys.filter { $0.field == field && FuzzyOracle.sharesPrefix($0.term, term, prefixLength) }
            .map { (key: $0, distance: FuzzyOracle.distance($0.term, term)) }
            .filter { $0.distance <= maxEdits }
        let ranked = found.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.distance, -segment.postings[lhs.element.key]!.count, lhs.offset)
            let right = (rhs.element.distance, -segment.postings[rhs.element.key]!.count, rhs.offset)
            return left < right
        }
        return ranked.prefix(cap).map { (term: $0.element.key.term, distance: $0.element.distance) }
    }

    func phrase(_ field: FieldID, _ terms: [String]) -> [DocID: Double] {
        guard !terms.isEmpty else { return [:] }
        let lists = terms.map { positions(field, $0) }
        var weight = 0.0
        for list in lists {
            weight += idf(list.count)
        }
        let average = averageLength(field)
        var result: [DocID: Double] = [:]
        for (doc, first) in lists[0] {
            let sets = lists.map { Set($0[doc] ?? []) }
            let frequency = first.filter { start in
                sets.indices.allSatisfy { sets[$0].contains(start + UInt32($0)) }
            }.count
            if frequency > 0 {
                let pf = Double(frequency)
                result[doc] = weight * pf * (k1 + 1) / (pf + k1 * (1 - b + b * length(field, doc) / average))
            }
        }
        return result
    }

    /// The values of `column` in `doc` as the documents gave them (absent single values are 0).
    func values(_ column: ColumnID, _ doc: DocID) -> [UInt32] {
        switch documents[Int(doc)].columns[column] {
        case .multiU32(let values): values
        case .u32(let value): [value]
        case nil: column == SegmentRandomizedTests.genreIDs ? [] : [0]
        default: []
        }
    }

    func passes(_ filter: ColumnFilter, _ doc: DocID) -> Bool {
        let value = documents[Int(doc)].columns[filter.column]
        switch filter.condition {
        case .u32(let range):
            if case .u32(let v) = value { return range.contains(v) }
            return value == nil && filter.column == SegmentRandomizedTests.year && range.contains(0)
        case .i32(let range):
            if case .i32(let v) = value { return range.contains(v) }
            return false
        case .f32(let range):
            if case .f32(let v) = value { return range.contains(v) }
            return false
        case .anyOf(let set):
            return values(filter.column, doc).contains { set.contains($0) }
        }
    }

    func evaluate(_ query: OracleQuery) -> [DocID: Double] {
        switch query {
        case .term(let field, let term):
            return self.term(field, term)
        case .multiField(let term, let fields, let k1, let boost):
            return multiField(term, fields, k1: k1, boost: boost)
        case .prefix(let field, let prefix, let cap):
            var result: [DocID: Double] = [:]
            for expansion in expansions(field, prefix, cap: cap) {
                for (doc, score) in term(field, expansion) {
                    result[doc] = max(result[doc] ?? 0, score)
                }
            }
            return result
        case .fuzzy(let field, let term, let maxEdits, let prefixLength, let cap):
            var result: [DocID: Double] = [:]
            for expansion in fuzzyExpansions(field, term, maxEdits: maxEdits, prefixLength: prefixLength, cap: cap) {
                let factor = FuzzyQuery.boost(forDistance: expansion.distance)
                for (doc, score) in self.term(field, expansion.term) {
                    result[doc] = max(result[doc] ?? 0, factor * score)
                }
            }
            return result
        case .phrase(let field, let terms):
            return phrase(field, terms)
        case .filter(let filter):
            return (0..<DocID(docCount)).filter { passes(filter, $0) }.reduce(into: [:]) { $0[$1] = 0 }
        case .all:
            return (0..<DocID(docCount)).reduce(into: [:]) { $0[$1] = 0 }
        case .boolean(let clauses):
            let must = clauses.filter { $0.0 == .must }.map { evaluate($0.1) }
            let should = clauses.filter { $0.0 == .should }.map { evaluate($0.1) }
            let mustNot = clauses.filter { $0.0 == .mustNot }.map { evaluate($0.1) }
            var candidates: Set<DocID>
            if let first = must.first {
                candidates = Set(first.keys)
                for other in must.dropFirst() {
                    candidates.formIntersection(other.keys)
                }
            } else if !should.isEmpty {
                candidates = should.reduce(into: Set()) { $0.formUnion($1.keys) }
            } else if !mustNot.isEmpty {
                candidates = Set(0..<DocID(docCount))
            } else {
                candidates = []
            }
            for excluded in mustNot {
                candidates.subtract(excluded.keys)
            }
            var result: [DocID: Double] = [:]
            for doc in candidates {
                result[doc] = (must + should).reduce(0) { $0 + ($1[doc] ?? 0) }
            }
            return result
        case .disjunctionMax(let terms, let others):
            var result: [DocID: Double] = [:]
            for alternative in terms + others {
                for (doc, score) in evaluate(alternative) {
                    result[doc] = max(result[doc] ?? -.infinity, score)
                }
            }
            return result
        }
    }
}

/// Whether two scores agree within a relative 1e-9.
func scoresAgree(_ lhs: Double, _ rhs: Double) -> Bool {
    abs(lhs - rhs) <= 1e-9 * max(abs(lhs), abs(rhs), 1e-12)
}
