import Testing
@testable import KinoIndex

/// The committed segment of format version 2 (``FormatV2Fixture``) still opens, reads what this build writes for the
/// same films, and answers typo look-ups through its typo index.
struct FormatV2Tests {
    typealias Fixture = FormatV2Fixture

    func open() throws -> SegmentReader {
        try SegmentReader(directory: Fixture.folder)
    }

    @Test func theSegmentKeepsItsIDSchemaAndTypoIndex() throws {
        let reader = try open()
        #expect(reader.segmentID == Fixture.segmentID)
        #expect(reader.schema == (try Fixture.schema()))
        #expect(reader.docCount == FormatV1Fixture.films.count)
        let typos = try #require(reader.typos)
        #expect(typos.fields == [Fixture.words])
        #expect(typos.window == 7 && typos.maxDeletions == 2)
    }

    /// Terms, postings, lengths, stored bytes and columns are those this build writes for the same documents (whose
    /// postings are packed where these are varints).
    @Test func itReadsWhatThisBuildWritesForTheSameFilms() throws {
        let directory = TemporaryDirectory()
        try Fixture.write(to: directory.path)
        try FormatFixture.expectSameContents(try open(), try SegmentReader(directory: directory.path),
                                             schema: try Fixture.schema())
    }

    @Test func typoLookupsGoThroughItsTypoIndex() throws {
        let reader = try open()
        func corrections(_ word: String, _ maxEdits: Int) throws -> [String] {
            try #require(reader.fuzzyTermsByTypoIndex(field: Fixture.words, term: word, maxEdits: maxEdits,
                                                      prefixLength: 1)).map(\.term)
        }
        #expect(try corrections("matirx", 1) == ["matrix"])
        #expect(try corrections("тарковкий", 2) == ["тарковский"])
        #expect(try corrections("солярс", 1) == ["солярис"])
        #expect(try corrections("перезагрзука", 2) == ["перезагрузка"])
        // Every word with a typo past the index's window, and every word as it is, finds what the walk finds.
        for (term, _) in reader.terms(field: Fixture.words, prefix: "") {
            for query in [term, term + "ь", String(term.dropLast())] where !query.isEmpty {
                for maxEdits in 1...2 {
                    let walked = reader.fuzzyTermsByWalk(field: Fixture.words, term: query, maxEdits: maxEdits,
                                                         prefixLength: 1)
                    #expect(try corrections(query, maxEdits) == walked.map(\.term), "\(query) ≤\(maxEdits)")
                }
            }
        }
    }

    /// Writes the fixture again, only with `KINO_WRITE_FIXTURES=1`.
    @Test(.enabled(if: FormatV2Fixture.rewriting))
    func writeTheFixture() throws {
        try Folder.create(Fixture.folder)
        try Fixture.write(to: Fixture.folder)
    }
}
