import Testing
import KinoText
@testable import KinoIndex

/// A segment built from seeded random documents, checked against a brute-force oracle over the same documents.
struct SegmentRandomizedTests {
    static let title = FieldID(1)
    static let description = FieldID(2)
    static let genres = FieldID(3)
    static let year = ColumnID(1)
    static let rating = ColumnID(2)
    static let delta = ColumnID(3)
    static let genreIDs = ColumnID(4)

    static let vocabulary = [
        "матрица", "матрицы", "мастер", "маргарита", "мать", "брат", "брата", "солярис", "сталкер", "зеркало", "ёлка",
        "ёжик", "война", "мир", "человек-паук", "the", "matrix", "master", "star", "stars", "stardust", "starship",
        "war", "peace", "brother", "II", "1999", "Amélie", "don't",
    ]

    static func schema() throws -> Schema {
        try Schema(
            fields: [
                .init(id: title, name: "title", positions: true),
                .init(id: description, name: "description", positions: true),
                .init(id: genres, name: "genres", positions: false),
            ],
            columns: [
                .init(id: year, name: "year", type: .u32),
                .init(id: rating, name: "rating", type: .f32),
                .init(id: delta, name: "delta", type: .i32),
                .init(id: genreIDs, name: "genre_ids", type: .multiU32),
            ])
    }

    static func documents(count: Int, seed: UInt64) -> [Document] {
        var random = SplitMix64(seed: seed)
        func words(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
                .joined(separator: " ")
        }
        return (0..<count).map { index in
            var document = Document()
            document.fields.append((title, words(1...4)))
            if Bool.random(using: &random) {
                document.fields.append((title, words(0...3)))
            }
            if Int.random(in: 0..<4, using: &random) > 0 {
                document.fields.append((description, words(0...40)))
            }
            document.fields.append((genres, words(1...3)))
            document.stored = Array("{\"id\":\(index),\"title\":\"\(words(1...2))\"}".utf8)
            if Int.random(in: 0..<10, using: &random) > 0 {
                document.columns[year] = .u32(UInt32.random(in: 1900...2026, using: &random))
            }
            document.columns[rating] = .f32(Float(Int.random(in: 0...100, using: &random)) / 10)
            document.columns[delta] = .i32(Int32.random(in: -1000...1000, using: &random))
            document.columns[genreIDs] = .multiU32((0..<Int.random(in: 0...4, using: &random)).map { _ in
                UInt32.random(in: 0...30, using: &random)
            })
            return document
        }
    }

    /// Builds, writes and reopens a segment of `count` random documents.
    static func build(count: Int, seed: UInt64, in directory: TemporaryDirectory)
        throws -> (SegmentReader, SegmentOracle, [Document]) {
        try build(documents: documents(count: count, seed: seed), seed: seed, in: directory)
    }

    /// Builds, writes and reopens a segment of `documents`, analysed by `analyzer`.
    static func build(documents: [Document], analyzer: Analyzer = Analyzer(), seed: UInt64,
                      in directory: TemporaryDirectory) throws -> (SegmentReader, SegmentOracle, [Document]) {
        let schema = try schema()
        var writer = SegmentWriter(schema: schema, analyzer: analyzer)
        for document in documents {
            try writer.addDocument(document)
        }
        var random = SplitMix64(seed: seed ^ 0xFFFF)
        let id = try writer.write(to: directory.path, segmentID: .random(using: &random))
        let reader = try SegmentReader(directory: directory.path)
        #expect(reader.segmentID == id)
        return (reader, SegmentOracle(schema: schema, documents: documents, analyzer: analyzer), documents)
    }

    @Test(arguments: [(1_000, 7 as UInt64), (300, 42)])
    func postingsMatchTheOracle(count: Int, seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try Self.build(count: count, seed: seed, in: directory)
        #expect(reader.docCount == count)
        #expect(reader.terms.count == oracle.postings.count)
        var sawMultipleBlocks = false
        for (key, expected) in oracle.postings {
            let info = try #require(reader.termInfo(field: key.field, term: key.term), "\(key)")
            #expect(Int(info.docFrequency) == expected.count)
            #expect((info.positionsOffset != nil) == (key.field != Self.genres))
            sawMultipleBlocks = sawMultipleBlocks || expected.count > PostingsSerializer.blockSize
            var cursor = try #require(reader.postings(field: key.field, term: key.term))
            for (doc, positions) in expected {
                #expect(cursor.doc == doc)
                #expect(cursor.termFrequency == UInt32(positions.count))
                #expect(cursor.positions() == (key.field == Self.genres ? [] : positions))
                cursor.next()
            }
            #expect(cursor.doc == .terminated)
            #expect(cursor.corruption == nil)
        }
        #expect(sawMultipleBlocks)
        #expect(reader.termInfo(field: Self.title, term: "несуществующее") == nil)
        #expect(reader.termInfo(field: FieldID(9), term: "matrix") == nil)
    }

    @Test func ordinalAccessFollowsSortedOrder() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try Self.build(count: 500, seed: 11, in: directory)
        for (ordinal, key) in oracle.sortedKeys.enumerated() {
            let entry = try #require(reader.term(at: ordinal))
            #expect(entry.field == key.field && entry.term == key.term)
        }
        #expect(reader.term(at: oracle.postings.count) == nil)
        #expect(reader.term(at: -1) == nil)
    }

    @Test func prefixEnumerationEqualsTheSortedFilter() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try Self.build(count: 500, seed: 5, in: directory)
        let sorted = oracle.sortedKeys
        var prefixes: Set<String> = ["", "zzz", "я", "ма", "ст", "star", "1", "ё", "е"]
        for key in sorted {
            for length in 1...3 {
                prefixes.insert(String(key.term.prefix(length)))
            }
            prefixes.insert(key.term + "x")
        }
        for field in [Self.title, Self.description, Self.genres, FieldID(0), FieldID(99)] {
            for prefix in prefixes {
                let expected = sorted.filter { $0.field == field && Array($0.term.utf8).starts(with: Array(prefix.utf8)) }
                    .map(\.term)
                let actual = reader.terms(field: field, prefix: prefix).map(\.term)
                #expect(actual == expected, "field \(field.rawValue) prefix \(prefix)")
            }
        }
    }

    @Test func advanceLandsWhereALinearScanWould() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try Self.build(count: 1_000, seed: 99, in: directory)
        var random = SplitMix64(seed: 3)
        for (key, expected) in oracle.postings {
            let docs = expected.map(\.doc)
            for _ in 0..<5 {
                var cursor = try #require(reader.postings(field: key.field, term: key.term))
                var target: DocID = 0
                while true {
                    target += DocID.random(in: 0...150, using: &random)
                    let landed = cursor.advance(to: target)
                    let linear = docs.first { $0 >= target } ?? .terminated
                    #expect(landed == linear, "\(key) target \(target)")
                    if landed == .terminated { break }
                    let index = try #require(docs.firstIndex(of: landed))
                    #expect(cursor.termFrequency == UInt32(expected[index].positions.count))
                    if key.field != Self.genres {
                        #expect(cursor.positions() == expected[index].positions)
                    }
                    if Bool.random(using: &random) {
                        let next = cursor.next()
                        #expect(next == (index + 1 < docs.count ? docs[index + 1] : .terminated))
                        if next == .terminated { break }
                        target = next
                    }
                }
            }
        }
    }

    @Test func storedFieldsColumnsAndLengthsReadBack() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, documents) = try Self.build(count: 400, seed: 17, in: directory)
        var totals: [FieldID: UInt64] = [:]
        for (index, document) in documents.enumerated() {
            let doc = DocID(index)
            #expect(reader.storedFields.document(doc) == document.stored)
            if case .u32(let value) = document.columns[Self.year] {
                #expect(reader.columns.u32(Self.year, doc: doc) == value)
            } else {
                #expect(reader.columns.u32(Self.year, doc: doc) == 0)
            }
            #expect(reader.columns.f32(Self.rating, doc: doc).map(ColumnValue.f32) == document.columns[Self.rating])
            #expect(reader.columns.i32(Self.delta, doc: doc).map(ColumnValue.i32) == document.columns[Self.delta])
            #expect(reader.columns.values(Self.genreIDs, doc: doc).map(ColumnValue.multiU32)
                == document.columns[Self.genreIDs])
            #expect(reader.columns.u32(Self.rating, doc: doc) == nil)
            for field in [Self.title, Self.description, Self.genres] {
                let expected = oracle.lengths[index][field] ?? 0
                #expect(reader.fieldLengths.length(field: field, doc: doc) == UInt16(expected))
                totals[field, default: 0] += UInt64(expected)
            }
        }
        let past = DocID(documents.count)
        #expect(reader.storedFields.document(past) == nil)
        #expect(reader.columns.u32(Self.year, doc: past) == nil)
        #expect(reader.columns.values(Self.genreIDs, doc: past) == nil)
        #expect(reader.fieldLengths.length(field: Self.title, doc: past) == nil)
        for field in [Self.title, Self.description, Self.genres] {
            #expect(reader.totalLength(field: field) == totals[field])
            #expect(reader.averageLength(field: field) == Double(totals[field]!) / Double(documents.count))
        }
        #expect(reader.schema == (try Self.schema()))
    }
}
