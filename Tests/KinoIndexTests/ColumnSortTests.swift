import Testing
@testable import KinoIndex

/// Sorting matches by a column, checked against sorting the oracle's matches by the documents' own values.
struct ColumnSortTests {
    typealias Fixture = QueryRandomizedTests.Fixture

    /// A document's value in a numeric column as the engine sorts it: absent values are 0.
    static func value(_ document: Document, _ column: ColumnID) -> Double {
        switch document.columns[column] {
        case .u32(let value): Double(value)
        case .i32(let value): Double(value)
        case .f32(let value): Double(value)
        case .multiU32, nil: 0
        }
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func topDocsByAColumnEqualSortingEveryMatch(seed: UInt64) throws {
        let fixture = try Fixture(count: 400, seed: seed)
        var random = SplitMix64(seed: seed ^ 0x5A5A)
        let columns = [SegmentRandomizedTests.year, SegmentRandomizedTests.delta, SegmentRandomizedTests.rating]
        for round in 0..<40 {
            let query: OracleQuery = round % 4 == 0
                ? .all
                : .term(QueryRandomizedTests.description, fixture.randomTerm(QueryRandomizedTests.description, using: &random))
            let column = columns[round % columns.count]
            let descending = round % 2 == 0
            let k = Int.random(in: 1...60, using: &random)
            let collector = fixture.searcher.search(query.query, ColumnTopCollector(
                k: k, column: column, descending: descending, searcher: fixture.searcher))
            let matches = fixture.oracle.evaluate(query).keys
            let expected = matches.sorted { lhs, rhs in
                let left = Self.value(fixture.oracle.documents[Int(lhs)], column)
                let right = Self.value(fixture.oracle.documents[Int(rhs)], column)
                if left != right { return descending ? left > right : left < right }
                return lhs < rhs
            }
            #expect(collector.topDocs == Array(expected.prefix(k)), "\(query) by \(column), k \(k)")
            #expect(collector.totalHits == matches.count)
        }
    }
}
