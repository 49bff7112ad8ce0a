import Testing
@testable import KinoIndex

/// The committed segment of format version 3 (``FormatV3Fixture``) still opens, reads what this build writes for the
/// same documents, and its packed postings blocks give every document, frequency and position, walked one by one or
/// skipped through.
struct FormatV3Tests {
    typealias Fixture = FormatV3Fixture

    func open() throws -> SegmentReader {
        try SegmentReader(directory: Fixture.folder)
    }

    @Test func theSegmentKeepsItsIDSchemaAndTypoIndex() throws {
        let reader = try open()
        #expect(reader.segmentID == Fixture.segmentID)
        #expect(reader.schema == (try Fixture.schema()))
        #expect(reader.docCount == Fixture.documentCount)
        #expect(reader.typos?.fields == [FormatV2Fixture.words])
    }

    @Test func itReadsWhatThisBuildWritesForTheSameDocuments() throws {
        let directory = TemporaryDirectory()
        try Fixture.write(to: directory.path)
        try FormatFixture.expectSameContents(try open(), try SegmentReader(directory: directory.path),
                                             schema: try Fixture.schema())
    }

    /// "part" is in every title, at its end, once to three times: three blocks (128, 128 and 64 documents).
    @Test(arguments: [1, 2, 3, 7, 64, 127, 128, 129, 200])
    func aTermOfEveryDocumentIsFoundByNextAndByAdvance(stride step: Int) throws {
        let reader = try open()
        let versionTwo = try SegmentReader(directory: FormatV2Fixture.folder)
        func expectedPositions(_ doc: Int) throws -> [UInt32] {
            let titleLength = try #require(versionTwo.fieldLengths.length(field: FormatV1Fixture.title,
                                                                          doc: DocID(Fixture.filmIndex(doc))))
            return (0..<Fixture.partCount(doc)).map { UInt32(titleLength) + UInt32($0) }
        }
        let info = try #require(reader.termInfo(field: FormatV1Fixture.title, term: Fixture.part))
        #expect(info.docFrequency == UInt32(Fixture.documentCount))
        var cursor = reader.postings(info)
        var doc = 0
        while doc < Fixture.documentCount {
            let found = step == 1 ? (doc == 0 ? cursor.doc : cursor.next()) : cursor.advance(to: DocID(doc))
            #expect(found == DocID(doc))
            #expect(cursor.termFrequency == UInt32(Fixture.partCount(doc)))
            #expect(cursor.positions() == (try expectedPositions(doc)), "doc \(doc)")
            doc += step
        }
        #expect(cursor.advance(to: DocID(Fixture.documentCount)) == .terminated)
        #expect(cursor.corruption == nil)
    }

    /// Every other term of a document is that of the film it repeats, in the segment of version 2: the same
    /// frequencies and positions, through varints there and packed blocks here.
    @Test func everyTermHasThePostingsOfTheFilmsItRepeats() throws {
        let reader = try open()
        let versionTwo = try SegmentReader(directory: FormatV2Fixture.folder)
        for field in try FormatV2Fixture.schema().fields {
            for (term, info) in versionTwo.terms(field: field.id, prefix: "") {
                var films: [(doc: DocID, frequency: UInt32, positions: [UInt32])] = []
                var filmCursor = versionTwo.postings(info)
                while filmCursor.doc != .terminated {
                    films.append((filmCursor.doc, filmCursor.termFrequency, filmCursor.positions()))
                    filmCursor.next()
                }
                var cursor = try #require(reader.postings(field: field.id, term: term), "\(term)")
                var count = 0
                while cursor.doc != .terminated {
                    let film = try #require(films.first { $0.doc == DocID(Fixture.filmIndex(Int(cursor.doc))) })
                    #expect(cursor.termFrequency == film.frequency && cursor.positions() == film.positions,
                            "\(field.name) \(term) \(cursor.doc)")
                    count += 1
                    cursor.next()
                }
                #expect(count == films.count * Fixture.documentCount / FormatV1Fixture.films.count, "\(term)")
                #expect(cursor.corruption == nil)
            }
        }
    }

    /// Writes the fixture again, only with `KINO_WRITE_FIXTURES=1`.
    @Test(.enabled(if: FormatV3Fixture.rewriting))
    func writeTheFixture() throws {
        try Folder.create(Fixture.folder)
        try Fixture.write(to: Fixture.folder)
    }
}
