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

    /// Terms, postings, lengths, stored bytes and columns are those this build writes for the same documents.
    @Test func itReadsWhatThisBuildWritesForTheSameFilms() throws {
        let committed = try open()
        let directory = TemporaryDirectory()
        try Fixture.write(to: directory.path)
        let fresh = try SegmentReader(directory: directory.path)
        #expect(committed.terms.count == fresh.terms.count)
        for field in try Fixture.schema().fields {
            let terms = committed.terms(field: field.id, prefix: "").map { $0 }
            #expect(terms.map(\.term) == fresh.terms(field: field.id, prefix: "").map(\.term), "\(field.name)")
            for (term, info) in terms {
                var expected = try #require(fresh.postings(field: field.id, term: term))
                var actual = committed.postings(info)
                while expected.doc != .terminated {
                    #expect(actual.doc == expected.doc && actual.termFrequency == expected.termFrequency
                                && actual.positions() == expected.positions(), "\(field.name) \(term)")
                    expected.next()
                    actual.next()
                }
                #expect(actual.doc == .terminated)
            }
        }
        for doc in 0..<DocID(committed.docCount) {
            #expect(committed.storedFields.document(doc) == fresh.storedFields.document(doc))
            for field in try Fixture.schema().fields {
                #expect(committed.fieldLengths.length(field: field.id, doc: doc)
                        == fresh.fieldLengths.length(field: field.id, doc: doc))
            }
            for column in try Fixture.schema().columns {
                #expect(committed.columns.values(column.id, doc: doc) == fresh.columns.values(column.id, doc: doc))
            }
        }
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
