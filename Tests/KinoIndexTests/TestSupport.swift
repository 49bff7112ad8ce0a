#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import KinoIndex

/// A deterministic random number generator (SplitMix64), so randomised tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// A fresh directory under /tmp, removed with everything in it when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/kinoindex-test-XXXXXX".utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(result != nil, "mkdtemp failed")
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    deinit {
        Self.remove(path)
    }

    private static func remove(_ path: String) {
        for name in Folder.entries(path) ?? [] where unlink(path + "/" + name) != 0 {
            remove(path + "/" + name)
        }
        rmdir(path)
    }
}

/// Reads a whole file with POSIX calls.
func readFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    precondition(descriptor >= 0, "cannot open \(path)")
    defer { close(descriptor) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        result.append(contentsOf: buffer[0..<count])
    }
    return result
}

/// Replaces a file's contents with POSIX calls (no rename: tests use it to damage files in place).
func writeFile(_ path: String, _ bytes: [UInt8]) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(descriptor >= 0, "cannot open \(path)")
    defer { close(descriptor) }
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            precondition(written > 0, "cannot write \(path)")
            offset += written
        }
    }
}

/// An index file rewritten to claim format `version`, with its checksum recomputed: a well-formed file of another
/// format version.
func withFormatVersion(_ version: UInt32, _ file: [UInt8]) -> [UInt8] {
    var bytes = file
    withUnsafeBytes(of: version.littleEndian) { bytes.replaceSubrange(12..<16, with: $0) }
    let footer = bytes.count - IndexFileFormat.footerSize
    let checksum = XXHash64.hash(Array(bytes[..<footer]))
    withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((footer + 8)..<(footer + 16), with: $0) }
    return bytes
}

/// What the committed segments of each format version (`Fixtures/format-vN`) share.
enum FormatFixture {
    /// `Fixtures/format-v<version>` next to the test files.
    static func folder(version: UInt32, testFile: String = #filePath) -> String {
        String(testFile[..<(testFile.lastIndex(of: "/") ?? testFile.startIndex)]) + "/Fixtures/format-v\(version)"
    }

    /// The segment id of the fixture of `version`: the first id a generator seeded with the version makes.
    static func segmentID(version: UInt32) -> SegmentID {
        var generator = SplitMix64(seed: UInt64(version))
        return SegmentID.random(using: &generator)
    }

    /// Expects `committed` and `fresh` to hold the same terms, postings (documents, frequencies, positions),
    /// field lengths, stored bytes and columns.
    static func expectSameContents(_ committed: SegmentReader, _ fresh: SegmentReader, schema: Schema) throws {
        #expect(committed.docCount == fresh.docCount)
        #expect(committed.terms.count == fresh.terms.count)
        for field in schema.fields {
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
            for field in schema.fields {
                #expect(committed.fieldLengths.length(field: field.id, doc: doc)
                        == fresh.fieldLengths.length(field: field.id, doc: doc))
            }
            for column in schema.columns {
                #expect(committed.columns.values(column.id, doc: doc) == fresh.columns.values(column.id, doc: doc))
            }
        }
    }

    /// Whether the fixture of `version` is to be written again (`KINO_WRITE_FIXTURES=1`), which only a build that
    /// writes that version can do.
    static func rewriting(version: UInt32) -> Bool {
        getenv("KINO_WRITE_FIXTURES").map { String(cString: $0) } == "1" && IndexFileFormat.version == version
    }
}
