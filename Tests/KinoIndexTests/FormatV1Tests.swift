import Testing
@testable import KinoIndex

/// The committed segment of format version 1 (``FormatV1Fixture``) still opens and reads exactly as it was written;
/// files that claim another format version are refused with a clear message.
struct FormatV1Tests {
    typealias Fixture = FormatV1Fixture

    /// A term's postings in one document.
    struct Posting: Equatable, CustomStringConvertible {
        var doc: DocID
        var frequency: UInt32
        var positions: [UInt32]

        init(_ doc: DocID, _ frequency: UInt32, _ positions: [UInt32]) {
            self.doc = doc
            self.frequency = frequency
            self.positions = positions
        }

        var description: String { "(\(doc), \(frequency), \(positions))" }
    }

    static let titleTerms = [
        "2", "ameli", "dont", "far", "from", "home", "ii", "look", "man", "matrix", "rocki", "solari", "spider",
        "spiderman", "star", "the", "up", "v", "war", "брат", "вер", "ви", "войн", "девят", "елк", "звездн", "зерка",
        "ил", "ирон", "легк", "матриц", "москв", "не", "пар", "паук", "перезагрузк", "рот", "с", "слез", "солярис",
        "сталкер", "судьб", "человек", "человекпаук", "эпизод",
    ]
    static let peopleTerms = [
        "adam", "audrey", "clooney", "dicaprio", "georg", "hamil", "holland", "jean", "jeanpierr", "jeunet", "jon",
        "keanu", "lana", "leonardo", "luca", "mark", "mckay", "pierr", "raimi", "reev", "sam", "soderbergh", "stallon",
        "steven", "sylvest", "tautou", "tom", "wachowski", "watt", "алекс", "александр", "андр", "балабан",
        "банионис", "бекмамбет", "бодр", "бондарчук", "владимир", "джордж", "донатас", "ерш", "кайдановск", "киан",
        "константин", "лукас", "магуайр", "марк", "меньш", "мягк", "ривз", "рязан", "серг", "тарковск", "тимур",
        "тоб", "федор", "хэмилл", "эльдар",
    ]
    static let keywordTerms = [
        "box", "cafe", "comet", "empir", "europ", "hacker", "ocean", "pari", "simul", "space", "superhero", "америк",
        "афганиста", "бан", "бандит", "ведьм", "войн", "год", "детств", "зон", "импер", "комнат", "космос", "любов",
        "москв", "нов", "океа", "памя", "паук", "петербург", "супергер",
    ]

    func open() throws -> SegmentReader {
        try SegmentReader(directory: Fixture.folder)
    }

    func postings(_ reader: SegmentReader, _ field: FieldID, _ term: String) -> [Posting] {
        guard var cursor = reader.postings(field: field, term: term) else { return [] }
        var result: [Posting] = []
        while cursor.doc != .terminated {
            result.append(Posting(cursor.doc, cursor.termFrequency, cursor.positions()))
            cursor.next()
        }
        return result
    }

    @Test func theSegmentKeepsItsIDSchemaAndCounts() throws {
        let reader = try open()
        #expect(reader.segmentID == Fixture.segmentID)
        #expect(reader.segmentID.description == "c15c0289ec2d0a9167ec8e65a18debbe")
        #expect(reader.schema == (try Fixture.schema()))
        #expect(reader.docCount == 20)
        #expect(reader.terms.count == 134)
        let fields = [Fixture.title, Fixture.people, Fixture.keywords]
        #expect(fields.map { reader.totalLength(field: $0) } == [44, 69, 37])
    }

    @Test func everyTermOfEveryFieldIsThereInByteOrder() throws {
        let reader = try open()
        #expect(reader.terms(field: Fixture.title, prefix: "").map(\.term) == Self.titleTerms)
        #expect(reader.terms(field: Fixture.people, prefix: "").map(\.term) == Self.peopleTerms)
        #expect(reader.terms(field: Fixture.keywords, prefix: "").map(\.term) == Self.keywordTerms)
        #expect(reader.terms(field: Fixture.title, prefix: "с").map(\.term)
                == ["с", "слез", "солярис", "сталкер", "судьб"])
        #expect(reader.termInfo(field: Fixture.title, term: "брат")?.docFrequency == 2)
        #expect(reader.termInfo(field: Fixture.title, term: "матрица") == nil)
    }

    @Test func postingsKeepTheirDocumentsFrequenciesAndPositions() throws {
        let reader = try open()
        #expect(postings(reader, Fixture.title, "брат") == [Posting(0, 1, [0]), Posting(1, 1, [0])])
        #expect(postings(reader, Fixture.title, "человек") == [Posting(11, 1, [0])])
        #expect(postings(reader, Fixture.title, "паук") == [Posting(11, 1, [1])])
        #expect(postings(reader, Fixture.people, "тарковск")
                == [Posting(2, 1, [1]), Posting(3, 1, [1]), Posting(4, 1, [1])])
        // Doc 8's second person starts one position after the first one's two words.
        #expect(postings(reader, Fixture.people, "андр")
                == [Posting(2, 1, [0]), Posting(3, 1, [0]), Posting(4, 1, [0]), Posting(8, 1, [3])])
        #expect(postings(reader, Fixture.people, "jean") == [Posting(10, 1, [0])])
        // Keywords keep no positions.
        #expect(postings(reader, Fixture.keywords, "год") == [Posting(8, 1, []), Posting(16, 1, [])])
    }

    @Test func fieldLengthsStoredBytesAndColumnsAreThoseWritten() throws {
        let reader = try open()
        let docs = (0..<DocID(20))
        #expect(docs.map { reader.fieldLengths.length(field: Fixture.title, doc: $0) }
                == [1, 2, 1, 1, 1, 2, 2, 1, 6, 4, 1, 2, 5, 2, 4, 2, 1, 3, 1, 2])
        #expect(docs.map { reader.fieldLengths.length(field: Fixture.people, doc: $0) }
                == [4, 4, 4, 4, 2, 4, 4, 4, 4, 2, 5, 4, 4, 4, 4, 2, 2, 4, 2, 2])
        #expect(docs.map { reader.fieldLengths.length(field: Fixture.keywords, doc: $0) }
                == [2, 2, 2, 2, 2, 2, 1, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1])
        for (index, film) in Fixture.films.enumerated() {
            let doc = DocID(index)
            #expect(reader.storedFields.document(doc) == Fixture.stored(index))
            #expect(reader.columns.u32(Fixture.id, doc: doc) == UInt32(index + 1))
            #expect(reader.columns.i32(Fixture.year, doc: doc) == film.year ?? 0)
            #expect(reader.columns.f32(Fixture.rating, doc: doc) == film.rating)
            #expect(reader.columns.values(Fixture.genres, doc: doc) == film.genres ?? [])
        }
        #expect(reader.storedFields.document(20) == nil)
    }

    @Test func queriesFindTheSameDocumentsInTheSameOrder() throws {
        let searcher = Searcher(segment: try open())
        let tarkovskyOrSpace = BooleanQuery.any([
            TermQuery(field: Fixture.people, term: "тарковск"),
            TermQuery(field: Fixture.keywords, term: "космос"),
            TermQuery(field: Fixture.title, term: "солярис"),
        ])
        #expect(searcher.search(tarkovskyOrSpace, TopDocsCollector(k: 10)).topDocs.map(\.doc) == [2, 4, 14, 3])
        let brat2 = PhraseQuery(field: Fixture.title, terms: ["брат", "2"])
        #expect(searcher.search(brat2, TopDocsCollector(k: 10)).topDocs.map(\.doc) == [1])
        let andreiTarkovsky = PhraseQuery(field: Fixture.people, terms: ["андр", "тарковск"])
        #expect(searcher.search(andreiTarkovsky, TopDocsCollector(k: 10)).topDocs.map(\.doc) == [4, 2, 3])
    }

    @Test(arguments: [UInt32(0), IndexFileFormat.version + 1], Fixture.files)
    func aFileOfAnotherFormatVersionIsRefused(version: UInt32, file: String) throws {
        let directory = TemporaryDirectory()
        for name in Fixture.files {
            writeFile(directory.file(name), readFile(Fixture.folder + "/" + name))
        }
        writeFile(directory.file(file), withFormatVersion(version, readFile(directory.file(file))))
        let error = #expect(throws: IndexError.self) { try SegmentReader(directory: directory.path) }
        #expect(error?.code == .unsupportedVersion)
        #expect(error?.message == "\(file): format version \(version), this build reads versions 1 to \(IndexFileFormat.version)")
    }

    /// A file claiming the current version among files of version 1 is refused: a segment is of one version.
    @Test(arguments: Fixture.files)
    func aFileOfAnotherVersionThanItsSegmentIsRefused(file: String) throws {
        let directory = TemporaryDirectory()
        for name in Fixture.files {
            writeFile(directory.file(name), readFile(Fixture.folder + "/" + name))
        }
        writeFile(directory.file(file), withFormatVersion(IndexFileFormat.version, readFile(directory.file(file))))
        let error = #expect(throws: IndexError.self) { try SegmentReader(directory: directory.path) }
        #expect(error?.code == .corrupt)
        // A meta file of the current version finds the first of the others of version 1.
        let expected = file == SegmentFiles.meta
            ? "\(SegmentFiles.terms): format version 1, the segment's is \(IndexFileFormat.version)"
            : "\(file): format version \(IndexFileFormat.version), the segment's is 1"
        #expect(error?.message == expected)
    }

    /// Version 1 has no typo index: typo look-ups walk the dictionary.
    @Test func typoLookupsWalkTheDictionaryOfVersion1() throws {
        let reader = try open()
        #expect(reader.typos == nil)
        let matches = reader.terms(field: Fixture.title, fuzzy: "matirx", maxEdits: 1, prefixLength: 1)
        #expect(matches.map(\.term) == ["matrix"])
        #expect(reader.terms(field: Fixture.people, fuzzy: "тарковкс", maxEdits: 2, prefixLength: 1).map(\.term)
            == ["тарковск"])
    }

    /// Writes the fixture again, only with `KINO_WRITE_FIXTURES=1`.
    @Test(.enabled(if: FormatV1Fixture.rewriting))
    func writeTheFixture() throws {
        try Folder.create(Fixture.folder)
        try Fixture.write(to: Fixture.folder)
    }
}
