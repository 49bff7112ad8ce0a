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

    @Test(arguments: [PostingsCursor.Encoding.packed, .varint])
    func corruptBodyBehindAValidChecksumEndsACursorInsteadOfTrapping(encoding: PostingsCursor.Encoding) throws {
        let info = TermInfo(docFrequency: 300, postingsOffset: 0, positionsOffset: 0)
        var garbage = SplitMix64(seed: 123)
        for _ in 0..<200 {
            let bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &garbage) }
            var cursor = PostingsCursor(info: info, postings: ByteView(bytes), positions: ByteView(bytes),
                                        fileName: "p.kix", encoding: encoding)
            var steps = 0
            var previous: DocID?
            while cursor.doc != .terminated && steps < 1_000 {
                // Whatever the bytes, documents only go forward.
                #expect(previous.map { $0 < cursor.doc } ?? true)
                previous = cursor.doc
                _ = cursor.positions()
                if steps % 2 == 0 { cursor.next() } else { cursor.advance(to: cursor.doc + 7) }
                steps += 1
            }
            #expect(cursor.doc == .terminated)
            #expect(cursor.corruption?.code == .corrupt)
            #expect(cursor.corruption?.message.hasPrefix("p.kix: ") == true)
        }
        let bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &garbage) }
        var far = PostingsCursor(info: TermInfo(docFrequency: .max, postingsOffset: .max, positionsOffset: nil),
                                 postings: ByteView(bytes), positions: nil, fileName: "p.kix", encoding: encoding)
        #expect(far.doc == .terminated)
        #expect(far.advance(to: 5) == .terminated)
    }

    /// A packed block whose bytes disagree with its skip entry, or whose doc ids go backwards, ends the cursor.
    @Test func aPackedBlockThatDisagreesWithItsSkipEntryEndsTheCursor() throws {
        // One term in docs 3, 9 and 12 (frequencies 1, 2, 1): doc ids less 0 in 4 bits, frequencies less 1 in 1 bit.
        var writer = PostingsSerializer()
        var term = PostingsWriter.TermPostings()
        term.docs = [3, 9, 12]
        term.frequencies = [1, 2, 1]
        let info = writer.add(term, keepsPositions: false)
        let good = writer.postings.bytes
        func cursor(_ bytes: [UInt8]) -> PostingsCursor {
            PostingsCursor(info: info, postings: ByteView(bytes), positions: nil, fileName: "p.kix", encoding: .packed)
        }
        var walked = cursor(good)
        var seen: [(DocID, UInt32)] = []
        while walked.doc != .terminated {
            seen.append((walked.doc, walked.termFrequency))
            walked.next()
        }
        #expect(seen.map(\.0) == [3, 9, 12] && seen.map(\.1) == [1, 2, 1])
        #expect(walked.corruption == nil)
        #expect(good.count == 12 + 2 + 1 + 1)

        // The second doc id (9, bits 4–7 of the first byte after the skip entry) made 2: out of order.
        var backwards = good
        backwards[12] = backwards[12] & 0x0F | 0x20
        var cursorBackwards = cursor(backwards)
        #expect(cursorBackwards.doc == 3)
        #expect(cursorBackwards.next() == .terminated)
        #expect(cursorBackwards.corruption?.message == "p.kix: the doc ids of block 0 are out of order")
        // A binary search past the bad doc id still moves forward.
        var advanced = cursor(backwards)
        #expect(advanced.advance(to: 10) == 12)
        #expect(advanced.corruption == nil)

        // The last doc id (12) made 11: the block ends before its skip entry's last document, which a cursor stepping
        // through the block finds.
        var shortened = good
        shortened[13] = shortened[13] & 0xF0 | 11
        var cursorShortened = cursor(shortened)
        #expect(cursorShortened.doc == 3)
        #expect(cursorShortened.next() == .terminated)
        #expect(cursorShortened.corruption?.message == "p.kix: block 0 does not match its skip entry")

        // A frequency width that makes the block longer than its skip entry says, found when frequencies are wanted.
        var wider = good
        wider[14] = 9
        var cursorWider = cursor(wider)
        #expect(cursorWider.doc == 3)
        cursorWider.decodeFrequencies()
        #expect(cursorWider.doc == .terminated)
        #expect(cursorWider.corruption?.message == "p.kix: block 0 does not match its skip entry")
    }
}
