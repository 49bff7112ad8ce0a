import CZlib
import Foundation
import Testing
@testable import KinoCatalog

/// Snapshots are read a chunk at a time: lines must come out whole whatever their length and wherever the chunks
/// end, and a damaged file must still be an error.
struct GzipLinesTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kino-lines-\(UUID().uuidString).gz").path
    }

    func readAll(_ path: String) throws -> [String] {
        let lines = try GzipFile.Lines(path: path)
        var read: [String] = []
        while let line = try lines.next() {
            read.append(String(decoding: line, as: UTF8.self))
        }
        return read
    }

    @Test func linesLongerThanTheBufferAndALastLineWithoutNewlineComeOutWhole() throws {
        var rng = SplitMix64(seed: 7)
        // Lengths around the reader's 1 MiB chunk, and one of several chunks.
        let lengths = [0, 1, 17, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20, 5, 0, 250_000]
        let expected = lengths.map { length in
            String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(97 + rng.next() % 26))) })
        }
        let path = temporaryPath()
        defer { unlink(path) }
        let file = try #require(gzopen(path, "wb1"))
        var text = expected.joined(separator: "\n")
        text.withUTF8 { _ = gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        gzclose(file)

        #expect(try readAll(path) == expected.filter { !$0.isEmpty })
    }

    @Test func aTruncatedFileIsAnErrorAfterTheLinesBeforeTheDamage() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = try #require(gzopen(path, "wb6"))
        var rng = SplitMix64(seed: 9)
        var text = (0..<20_000).map { index in "line \(index) \(rng.next())" }.joined(separator: "\n")
        text.withUTF8 { _ = gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        gzclose(file)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))

        let lines = try GzipFile.Lines(path: path)
        var count = 0
        let error = #expect(throws: CatalogError.self) {
            while let line = try lines.next() {
                #expect(String(decoding: line, as: UTF8.self).hasPrefix("line \(count) "))
                count += 1
            }
        }
        #expect(error?.code == .corruptSnapshot)
        #expect(count > 0 && count < 20_000)
    }
}
