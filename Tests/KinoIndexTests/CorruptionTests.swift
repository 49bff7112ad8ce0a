import Testing
@testable import KinoIndex

/// Damaged segment files are refused at open with the right code and a message naming the file.
struct CorruptionTests {
    enum Damage: String, CaseIterable, Sendable {
        case truncatedToHalf
        case lastByteCut
        case cutInsideHeader
        case flippedBodyByte
        case flippedChecksum
        case wrongVersion
        case wrongMagic
        case empty

        var expected: IndexError.Code {
            switch self {
            case .truncatedToHalf, .lastByteCut, .cutInsideHeader, .empty: .truncated
            case .flippedBodyByte, .flippedChecksum: .checksumMismatch
            case .wrongVersion: .unsupportedVersion
            case .wrongMagic: .badMagic
            }
        }

        func apply(to bytes: [UInt8]) -> [UInt8] {
            var bytes = bytes
            switch self {
            case .truncatedToHalf: return Array(bytes.prefix(bytes.count / 2))
            case .lastByteCut: return Array(bytes.dropLast())
            case .cutInsideHeader: return Array(bytes.prefix(20))
            case .flippedBodyByte:
                let body = bytes.count - IndexFileFormat.headerSize - IndexFileFormat.footerSize
                bytes[IndexFileFormat.headerSize + body / 2] ^= 0x01
            case .flippedChecksum: bytes[bytes.count - 12] ^= 0x80
            case .wrongVersion: bytes[12] = 9
            case .wrongMagic: bytes[0] = UInt8(ascii: "X")
            case .empty: return []
            }
            return bytes
        }
    }

    static let files = [
        SegmentFiles.meta, SegmentFiles.terms, SegmentFiles.postings, SegmentFiles.positions,
        SegmentFiles.fieldLengths, SegmentFiles.stored, SegmentFiles.columns, SegmentFiles.typos,
    ]

    static func writeSegment(in directory: TemporaryDirectory, seed: UInt64 = 1) throws {
        var writer = SegmentWriter(schema: try SegmentRandomizedTests.schema())
        for document in SegmentRandomizedTests.documents(count: 60, seed: seed) {
            try writer.addDocument(document)
        }
        try writer.write(to: directory.path)
    }

    @Test(arguments: Damage.allCases, files)
    func damagedFileIsRefusedAtOpen(damage: Damage, file: String) throws {
        let directory = TemporaryDirectory()
        try Self.writeSegment(in: directory)
        #expect(throws: Never.self) { try SegmentReader(directory: directory.path) }
        writeFile(directory.file(file), damage.apply(to: readFile(directory.file(file))))
        let error = #expect(throws: IndexError.self) { try SegmentReader(directory: directory.path) }
        #expect(error?.code == damage.expected)
        #expect(error?.message.hasPrefix(file + ": ") == true, "\(error?.message ?? "")")
    }

    @Test func fileFromAnotherSegmentIsRefused() throws {
        let first = TemporaryDirectory()
        let second = TemporaryDirectory()
        try Self.writeSegment(in: first, seed: 1)
        try Self.writeSegment(in: second, seed: 1)
        writeFile(first.file(SegmentFiles.postings), readFile(second.file(SegmentFiles.postings)))
        let error = #expect(throws: IndexError.self) { try SegmentReader(directory: first.path) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.hasPrefix("postings.kix: ") == true)
    }

    @Test func fileOfAnotherKindIsRefused() throws {
        let directory = TemporaryDirectory()
        try Self.writeSegment(in: directory)
        writeFile(directory.file(SegmentFiles.stored), readFile(directory.file(SegmentFiles.columns)))
        let error = #expect(throws: IndexError.self) { try SegmentReader(directory: directory.path) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.hasPrefix("stored.kix: ") == true)
    }

    @Test func missingFileIsAnIOError() throws {
        let directory = TemporaryDirectory()
        let error = #expect(throws: IndexError.self) { try SegmentReader(directory: directory.path) }
        #expect(error?.code == .io)
        #expect(error?.message.hasPrefix("meta.kix: ") == true)
    }

    @Test func checksumIsCheckedForInMemoryFilesToo() throws {
        var writer = IndexFileWriter(kind: .storedFields, segmentID: .random())
        writer.body.append(contentsOf: [1, 2, 3])
        var bytes = writer.finish()
        #expect(throws: Never.self) { try MappedFile(name: "x.kix", kind: .storedFields, bytes: bytes) }
        bytes[IndexFileFormat.headerSize + 1] = 9
        let error = #expect(throws: IndexError.self) { try MappedFile(name: "x.kix", kind: .storedFields, bytes: bytes) }
        #expect(error?.code == .checksumMismatch)
    }

    @Test func corruptBodyBehindAValidChecksumEndsACursorInsteadOfTrapping() throws {
        let info = TermInfo(docFrequency: 300, postingsOffset: 0, positionsOffset: 0)
        var garbage = SplitMix64(seed: 123)
        let bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &garbage) }
        var cursor = PostingsCursor(info: info, postings: ByteView(bytes), positions: ByteView(bytes), fileName: "p.kix")
        var steps = 0
        while cursor.doc != .terminated && steps < 1_000 {
            _ = cursor.positions()
            cursor.next()
            steps += 1
        }
        #expect(cursor.doc == .terminated)
        #expect(cursor.corruption?.code == .corrupt)
        #expect(cursor.corruption?.message.hasPrefix("p.kix: ") == true)
        var far = PostingsCursor(info: TermInfo(docFrequency: .max, postingsOffset: .max, positionsOffset: nil),
                                 postings: ByteView(bytes), positions: nil, fileName: "p.kix")
        #expect(far.doc == .terminated)
        #expect(far.advance(to: 5) == .terminated)
    }
}
