@testable import KinoIndex

/// The committed segment of format version 3, `Fixtures/format-v3/`: the films of ``FormatV2Fixture`` sixteen times
/// over (320 documents), each title ending in "part" once to three times, so that terms span several packed
/// postings blocks (new in version 3) with frequencies above 1. Every later build must still open it and read the
/// same from it.
///
/// Written once, by a build that writes version 3: `KINO_WRITE_FIXTURES=1 swift test --filter FormatV3Tests`.
/// Never rewrite the files of a released version.
enum FormatV3Fixture {
    static let documentCount = 320
    /// The word every title ends in, `partCount(_:)` times.
    static let part = "part"

    static func schema() throws -> Schema {
        try FormatV2Fixture.schema()
    }

    /// The film that document `index` repeats.
    static func filmIndex(_ index: Int) -> Int {
        index % FormatV1Fixture.films.count
    }

    static func partCount(_ index: Int) -> Int {
        index % 3 + 1
    }

    static func document(_ index: Int) -> Document {
        var document = FormatV2Fixture.document(filmIndex(index))
        let parts = Array(repeating: part, count: partCount(index)).joined(separator: " ")
        document.fields = document.fields.map { field, text in
            (field, field == FormatV1Fixture.title ? text + " " + parts : text)
        }
        document.columns[FormatV1Fixture.id] = .u32(UInt32(index + 1))
        return document
    }

    /// The segment id in the files' headers.
    static var segmentID: SegmentID {
        FormatFixture.segmentID(version: 3)
    }

    /// `Fixtures/format-v3` next to this file.
    static let folder = FormatFixture.folder(version: 3)

    /// The files of a segment of version 3: those of version 2.
    static let files = FormatV2Fixture.files

    /// Whether the fixture is to be written again (`KINO_WRITE_FIXTURES=1`), which only a build that writes
    /// version 3 can do.
    static var rewriting: Bool {
        FormatFixture.rewriting(version: 3)
    }

    /// Writes the segment into `directory`.
    static func write(to directory: String) throws {
        var writer = SegmentWriter(schema: try schema())
        for index in 0..<documentCount {
            try writer.addDocument(document(index))
        }
        try writer.write(to: directory, segmentID: segmentID)
    }
}
