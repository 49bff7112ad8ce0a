@testable import KinoIndex

/// The committed segment of format version 2, `Fixtures/format-v2/`: the films of ``FormatV1Fixture`` with their
/// titles and people's names also in an unstemmed field, so that the segment has a typo index (`typos.kix`, new in
/// version 2). Every later build must still open it and read the same from it.
///
/// Written once, by a build that writes version 2: `KINO_WRITE_FIXTURES=1 swift test --filter FormatV2Tests`.
/// Never rewrite the files of a released version.
enum FormatV2Fixture {
    static let words = FieldID(3)

    /// The fields and columns of version 1, and the unstemmed words.
    static func schema() throws -> Schema {
        let base = try FormatV1Fixture.schema()
        return try Schema(fields: base.fields + [.init(id: words, name: "words", positions: false, stemmed: false)],
                          columns: base.columns)
    }

    static func document(_ index: Int) -> Document {
        var document = FormatV1Fixture.document(index)
        let film = FormatV1Fixture.films[index]
        document.fields += ([film.title] + film.people).map { (words, $0) }
        return document
    }

    /// The segment id in the files' headers.
    static var segmentID: SegmentID {
        FormatFixture.segmentID(version: 2)
    }

    /// `Fixtures/format-v2` next to this file.
    static let folder = FormatFixture.folder(version: 2)

    /// The files of a segment of version 2.
    static let files = FormatV1Fixture.files + [SegmentFiles.typos]

    /// Whether the fixture is to be written again (`KINO_WRITE_FIXTURES=1`), which only a build that writes
    /// version 2 can do.
    static var rewriting: Bool {
        FormatFixture.rewriting(version: 2)
    }

    /// Writes the segment into `directory`.
    static func write(to directory: String) throws {
        var writer = SegmentWriter(schema: try schema())
        for index in FormatV1Fixture.films.indices {
            try writer.addDocument(document(index))
        }
        try writer.write(to: directory, segmentID: segmentID)
    }
}
