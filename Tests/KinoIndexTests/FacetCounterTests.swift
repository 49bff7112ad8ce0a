import Testing
@testable import KinoIndex

/// `FacetCounter` against counting with a dictionary: few distinct values (counted in place), many (past the short
/// list, small and large values), and values repeated within a document (counted once).
struct FacetCounterTests {
    @Test(arguments: [1, 8, 16, 17, 40, 3000] as [Int])
    func countsAreThoseOfADictionary(distinct: Int) {
        var random = SplitMix64(seed: UInt64(distinct))
        let pool = (0..<distinct).map { index -> UInt32 in
            index % 7 == 6 ? UInt32.random(in: FacetCounter.denseLimit...UInt32.max, using: &random)
                : UInt32.random(in: 0..<2100, using: &random)
        }
        var counter = FacetCounter()
        var expected: [UInt32: Int] = [:]
        for _ in 0..<500 {
            let values = (0..<Int.random(in: 0...4, using: &random)).map { _ in pool.randomElement(using: &random)! }
            counter.countDistinct(values)
            for value in Set(values) { expected[value, default: 0] += 1 }
        }
        #expect(counter.counts == expected)
    }
}
