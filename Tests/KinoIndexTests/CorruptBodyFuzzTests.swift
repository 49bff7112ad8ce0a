import Testing
@testable import KinoIndex

/// Bodies damaged behind a valid checksum (as a writer bug would leave them): opening may refuse them, and whatever
/// opens must answer every lookup without trapping.
struct CorruptBodyFuzzTests {
    /// Recomputes the footer checksum of a damaged file so that only the body checks can catch the damage.
    static func reframe(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let footer = bytes.count - IndexFileFormat.footerSize
        let checksum = XXHash64.hash(Array(bytes[0..<footer]))
        for index in 0..<8 {
            bytes[footer + 8 + index] = UInt8(truncatingIfNeeded: checksum >> UInt64(8 * index))
        }
        return bytes
    }

    @Test(arguments: CorruptionTests.files)
    func damagedBodiesNeverTrap(file: String) throws {
        let directory = TemporaryDirectory()
        try CorruptionTests.writeSegment(in: directory)
        let original = readFile(directory.file(file))
        let bodyRange = IndexFileFormat.headerSize..<(original.count - IndexFileFormat.footerSize)
        var random = SplitMix64(seed: UInt64(file.utf8.count) &* 31)
        for _ in 0..<40 {
            var bytes = original
            if !bodyRange.isEmpty {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: bodyRange, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            writeFile(directory.file(file), Self.reframe(bytes))
            do {
                let reader = try SegmentReader(directory: directory.path)
                Self.exercise(reader)
            } catch {
                #expect(error.code == .corrupt)
                #expect(error.message.hasPrefix(file + ": "))
            }
        }
        writeFile(directory.file(file), original)
        #expect(throws: Never.self) { try SegmentReader(directory: directory.path) }
    }

    static func exercise(_ reader: SegmentReader) {
        var ordinal = 0
        while let entry = reader.term(at: ordinal), ordinal < 10_000 {
            _ = reader.termInfo(field: entry.field, term: entry.term)
            _ = Array(reader.terms(field: entry.field, prefix: String(entry.term.prefix(1))))
            if ordinal % 7 == 0 {
                _ = reader.terms(field: entry.field, fuzzy: entry.term, maxEdits: ordinal % 3)
            }
            var cursor = reader.postings(entry.info)
            var steps = 0
            while cursor.doc != .terminated && steps < 100_000 {
                _ = cursor.positions()
                _ = cursor.termFrequency
                cursor.next()
                steps += 1
            }
            var skipping = reader.postings(entry.info)
            skipping.advance(to: 30)
            skipping.advance(to: 1_000_000)
            ordinal += 1
        }
        for doc in 0..<DocID(reader.docCount + 2) {
            _ = reader.storedFields.document(doc)
            for column in reader.schema.columns {
                _ = reader.columns.u32(column.id, doc: doc)
                _ = reader.columns.i32(column.id, doc: doc)
                _ = reader.columns.f32(column.id, doc: doc)
                _ = reader.columns.values(column.id, doc: doc)
            }
            for field in reader.schema.fields {
                _ = reader.fieldLengths.length(field: field.id, doc: doc)
            }
        }
    }
}
