import Testing
@testable import KinoIndex

struct FuzzyEdgeCaseTests {
    static func lookup(_ reader: TermDictionaryReader, _ field: FieldID, _ term: String, maxEdits: Int,
                       prefixLength: Int = 0) -> [String: Int] {
        let found = reader.terms(field: field, fuzzy: term, maxEdits: maxEdits, prefixLength: prefixLength).terms
        return Dictionary(uniqueKeysWithValues: found.map { ($0.term, $0.distance) })
    }

    @Test func distancesCountScalarsAndAdjacentSwaps() throws {
        let field = FieldID(1)
        let (reader, _) = try FuzzyOracle.dictionary(
            ["матрицы", "matrix", "елка", "abc", "a", "λόγος", "中文字", "naïve"].map { (field, $0) })
        #expect(Self.lookup(reader, field, "матрица", maxEdits: 1) == ["матрицы": 1])
        #expect(Self.lookup(reader, field, "matirx", maxEdits: 1) == ["matrix": 1])
        #expect(Self.lookup(reader, field, "ёлка", maxEdits: 1) == ["елка": 1])
        #expect(Self.lookup(reader, field, "😀a", maxEdits: 1) == ["a": 1])
        #expect(Self.lookup(reader, field, "λογος", maxEdits: 1) == ["λόγος": 1])
        #expect(Self.lookup(reader, field, "中字文", maxEdits: 1) == ["中文字": 1])
        #expect(Self.lookup(reader, field, "naive", maxEdits: 1) == ["naïve": 1])
        // Optimal string alignment edits no part twice: "ca" → "ac" → "abc" would be 2, but OSA counts 3.
        #expect(FuzzyOracle.distance("ca", "abc") == 3)
        #expect(Self.lookup(reader, field, "ca", maxEdits: 2) == ["a": 1])
        // Two swaps, and a swap next to a substitution.
        #expect(Self.lookup(reader, field, "amtrxi", maxEdits: 2) == ["matrix": 2])
        #expect(Self.lookup(reader, field, "amtrox", maxEdits: 2) == ["matrix": 2])
    }

    @Test func termsLongerThanEveryKeyFindNothing() throws {
        let field = FieldID(1)
        let (reader, _) = try FuzzyOracle.dictionary((0..<2_000).map { (field, "term\($0)") })
        for maxEdits in 0...2 {
            #expect(Self.lookup(reader, field, String(repeating: "term", count: 300), maxEdits: maxEdits).isEmpty)
            #expect(Self.lookup(reader, field, "term19999999", maxEdits: maxEdits).isEmpty)
        }
        #expect(Self.lookup(reader, field, "term1999x", maxEdits: 1) == ["term1999": 1])
        #expect(Self.lookup(reader, field, "term1999xx", maxEdits: 2) == ["term1999": 2])
    }

    @Test func keysAtTheEdgesOfTheDictionaryAreFound() throws {
        let first = FieldID(0)
        let last = FieldID(UInt16.max)
        let (reader, entries) = try FuzzyOracle.dictionary([
            (first, ""), (first, "a"), (first, "\u{1}"), (FieldID(7), "middle"),
            (last, "\u{10FFFF}"), (last, "\u{10FFFF}\u{10FFFF}"), (last, "\u{FFFF}"), (last, "zz"),
        ])
        #expect(entries.first?.term == "" && entries.last?.term == "\u{10FFFF}\u{10FFFF}")
        #expect(Self.lookup(reader, first, "", maxEdits: 0) == ["": 0])
        #expect(Self.lookup(reader, first, "", maxEdits: 1) == ["": 0, "a": 1, "\u{1}": 1])
        #expect(Self.lookup(reader, first, "b", maxEdits: 1) == ["": 1, "a": 1, "\u{1}": 1])
        #expect(Self.lookup(reader, last, "\u{10FFFF}", maxEdits: 0) == ["\u{10FFFF}": 0])
        #expect(Self.lookup(reader, last, "\u{10FFFF}", maxEdits: 1)
            == ["\u{10FFFF}": 0, "\u{10FFFF}\u{10FFFF}": 1, "\u{FFFF}": 1])
        #expect(Self.lookup(reader, last, "\u{10FFFF}\u{10FFFF}\u{10FFFF}", maxEdits: 2, prefixLength: 1)
            == ["\u{10FFFF}": 2, "\u{10FFFF}\u{10FFFF}": 1])
        #expect(Self.lookup(reader, last, "zzz", maxEdits: 1) == ["zz": 1])
        #expect(Self.lookup(reader, FieldID(8), "middle", maxEdits: 2).isEmpty)
    }

    @Test func termsOfOtherFieldsAreNeverReturned() throws {
        // Fields whose keys differ in one byte (1 and 2) or in both (255 and 256): byte-wise, a term of the next
        // field is one or two edits from the same term in this one.
        let fields = [FieldID(1), FieldID(2), FieldID(255), FieldID(256)]
        var terms: [(field: FieldID, term: String)] = []
        for (index, field) in fields.enumerated() {
            terms += [(field, "matrix"), (field, "матрица"), (field, "m"), (field, "field\(index)"), (field, "")]
        }
        let (reader, _) = try FuzzyOracle.dictionary(terms)
        for (index, field) in fields.enumerated() {
            for maxEdits in 0...2 {
                for prefixLength in 0...2 {
                    for query in ["matrix", "матрица", "", "m", "field\(index)", "\u{0}\u{2}matrix", "\u{1}matrix"] {
                        let found = reader.terms(field: field, fuzzy: query, maxEdits: maxEdits,
                                                 prefixLength: prefixLength).terms
                        let own = Set(terms.filter { $0.field == field }.map(\.term))
                        #expect(found.allSatisfy { own.contains($0.term) }, "field \(field.rawValue) \(query)")
                        #expect(found.allSatisfy { FuzzyOracle.distance($0.term, query) == $0.distance })
                    }
                }
            }
            #expect(Self.lookup(reader, field, "field\(index)", maxEdits: 0) == ["field\(index)": 0])
            #expect(Self.lookup(reader, field, "field9", maxEdits: 1) == ["field\(index)": 1])
        }
        #expect(Self.lookup(reader, FieldID(3), "matrix", maxEdits: 2).isEmpty)
    }

    @Test func emptyDictionaryFindsNothing() throws {
        let (reader, _) = try FuzzyOracle.dictionary([])
        for maxEdits in 0...2 {
            #expect(Self.lookup(reader, FieldID(1), "", maxEdits: maxEdits).isEmpty)
            #expect(Self.lookup(reader, FieldID(1), "matrix", maxEdits: maxEdits).isEmpty)
        }
    }

    @Test func editBudgetsOutsideZeroToTwoAreClamped() throws {
        let field = FieldID(1)
        let (reader, _) = try FuzzyOracle.dictionary(["matrix", "mtrx", "xxxxxx"].map { (field, $0) })
        #expect(Self.lookup(reader, field, "matrix", maxEdits: 9) == ["matrix": 0, "mtrx": 2])
        #expect(Self.lookup(reader, field, "matrix", maxEdits: -1) == ["matrix": 0])
        #expect(Self.lookup(reader, field, "matrix", maxEdits: 2, prefixLength: 99) == ["matrix": 0])
    }

    @Test func damagedDictionariesEndLookupsInsteadOfTrapping() throws {
        var words = FuzzyWords(seed: 61)
        let vocabulary = words.vocabulary(count: 800)
        let fields = [FieldID(1), FieldID(2)]
        var terms: [(field: FieldID, term: String)] = []
        for word in vocabulary {
            terms.append((fields.randomElement(using: &words.random)!, word))
        }
        let bytes = FuzzyOracle.dictionaryFile(terms).bytes
        let body = IndexFileFormat.headerSize..<(bytes.count - IndexFileFormat.footerSize)
        var opened = 0
        for _ in 0..<80 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...6, using: &words.random) {
                damaged[Int.random(in: body, using: &words.random)] = UInt8.random(in: 0...255, using: &words.random)
            }
            guard let reader = try? TermDictionaryReader(
                file: MappedFile(name: "terms.kix", kind: .terms, bytes: CorruptBodyFuzzTests.reframe(damaged)))
            else { continue }
            opened += 1
            for _ in 0..<4 {
                let query = words.query(from: vocabulary)
                for maxEdits in 0...2 {
                    let found = reader.terms(field: fields.randomElement(using: &words.random)!, fuzzy: query,
                                             maxEdits: maxEdits, prefixLength: 0).terms
                    #expect(found.allSatisfy { $0.distance <= maxEdits })
                }
            }
        }
        #expect(opened > 20)
    }
}
