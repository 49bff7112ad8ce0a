#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import KinoIndex

struct SegmentEdgeCaseTests {
    @Test func emptySegmentRoundTrips() throws {
        let directory = TemporaryDirectory()
        let schema = try SegmentRandomizedTests.schema()
        let id = try SegmentWriter(schema: schema).write(to: directory.path)
        let reader = try SegmentReader(directory: directory.path)
        #expect(reader.segmentID == id)
        #expect(reader.docCount == 0)
        #expect(reader.schema == schema)
        #expect(reader.terms.count == 0)
        #expect(reader.term(at: 0) == nil)
        #expect(reader.termInfo(field: SegmentRandomizedTests.title, term: "matrix") == nil)
        #expect(Array(reader.terms(field: SegmentRandomizedTests.title, prefix: "")).isEmpty)
        #expect(reader.storedFields.document(0) == nil)
        #expect(reader.columns.u32(SegmentRandomizedTests.year, doc: 0) == nil)
        #expect(reader.fieldLengths.length(field: SegmentRandomizedTests.title, doc: 0) == nil)
        #expect(reader.averageLength(field: SegmentRandomizedTests.title) == 0)
        for file in CorruptionTests.files {
            #expect(readFile(directory.file(file)).count >= IndexFileFormat.headerSize + IndexFileFormat.footerSize)
        }
    }

    @Test func oneDocumentSegmentRoundTrips() throws {
        let directory = TemporaryDirectory()
        let schema = try SegmentRandomizedTests.schema()
        var writer = SegmentWriter(schema: schema)
        let document = Document(
            fields: [(SegmentRandomizedTests.title, "Матрица: Перезагрузка"), (SegmentRandomizedTests.title, "The Matrix Reloaded")],
            stored: Array("{\"id\":1}".utf8),
            columns: [SegmentRandomizedTests.year: .u32(2003), SegmentRandomizedTests.genreIDs: .multiU32([4, 9])])
        #expect(try writer.addDocument(document) == 0)
        try writer.write(to: directory.path)
        let reader = try SegmentReader(directory: directory.path)
        #expect(reader.docCount == 1)
        let title = SegmentRandomizedTests.title
        #expect(reader.terms(field: title, prefix: "").map(\.term) == ["matrix", "reload", "the", "матриц", "перезагрузк"])
        var cursor = try #require(reader.postings(field: title, term: "matrix"))
        #expect(cursor.doc == 0)
        #expect(cursor.positions() == [4])
        #expect(cursor.next() == .terminated)
        #expect(reader.fieldLengths.length(field: title, doc: 0) == 5)
        #expect(reader.storedFields.document(0) == document.stored)
        #expect(reader.columns.u32(SegmentRandomizedTests.year, doc: 0) == 2003)
        #expect(reader.columns.values(SegmentRandomizedTests.genreIDs, doc: 0) == [4, 9])
        #expect(reader.columns.f32(SegmentRandomizedTests.rating, doc: 0) == 0)
    }

    /// One text in several fields in a row is analysed once for all of them; each field still numbers its own
    /// positions, and a field that takes the same text again continues after its first value.
    @Test func aTextSharedByFieldsInARowIsIndexedIntoEachAsIfAlone() throws {
        let directory = TemporaryDirectory()
        let (title, description, genres) = (SegmentRandomizedTests.title, SegmentRandomizedTests.description,
                                            SegmentRandomizedTests.genres)
        var writer = SegmentWriter(schema: try SegmentRandomizedTests.schema())
        try writer.addDocument(Document(
            fields: [(title, "Брат брат"), (description, "Брат брат"), (title, "Брат брат"), (genres, "Брат брат"),
                     (title, "Сталкер")],
            stored: [], columns: [:]))
        try writer.write(to: directory.path)
        let reader = try SegmentReader(directory: directory.path)
        var inTitle = try #require(reader.postings(field: title, term: "брат"))
        #expect(inTitle.positions() == [0, 1, 3, 4])
        var stalker = try #require(reader.postings(field: title, term: "сталкер"))
        #expect(stalker.positions() == [6])
        var inDescription = try #require(reader.postings(field: description, term: "брат"))
        #expect(inDescription.positions() == [0, 1])
        #expect(reader.fieldLengths.length(field: title, doc: 0) == 5)
        #expect(reader.fieldLengths.length(field: description, doc: 0) == 2)
        #expect(reader.fieldLengths.length(field: genres, doc: 0) == 2)
        #expect(reader.termInfo(field: genres, term: "брат")?.docFrequency == 1)
    }

    @Test func writingAgainReplacesTheSegmentAndLeavesNoTemporaryFiles() throws {
        let directory = TemporaryDirectory()
        let schema = try SegmentRandomizedTests.schema()
        try SegmentWriter(schema: schema).write(to: directory.path)
        var writer = SegmentWriter(schema: schema)
        try writer.addDocument(Document(fields: [(SegmentRandomizedTests.genres, "drama")]))
        let id = try writer.write(to: directory.path)
        let reader = try SegmentReader(directory: directory.path)
        #expect(reader.segmentID == id)
        #expect(reader.docCount == 1)
        for file in CorruptionTests.files {
            #expect(access(directory.file(file + ".tmp"), F_OK) != 0)
        }
    }

    @Test func unknownFieldsAndMistypedColumnsAreRefused() throws {
        var writer = SegmentWriter(schema: try SegmentRandomizedTests.schema())
        let unknownField = #expect(throws: IndexError.self) {
            try writer.addDocument(Document(fields: [(FieldID(77), "x")]))
        }
        #expect(unknownField?.code == .invalidArgument)
        let mistyped = #expect(throws: IndexError.self) {
            try writer.addDocument(Document(columns: [SegmentRandomizedTests.year: .f32(1)]))
        }
        #expect(mistyped?.code == .invalidArgument)
        #expect(writer.docCount == 0)
        let duplicate = #expect(throws: IndexError.self) {
            try Schema(fields: [.init(id: FieldID(1), name: "a", positions: true),
                                .init(id: FieldID(1), name: "b", positions: true)])
        }
        #expect(duplicate?.code == .invalidArgument)
    }
}
