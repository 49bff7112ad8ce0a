import CZlib
import Foundation

/// Line-oriented gzip files through zlib.
enum GzipFile {
    /// Writes lines to a gzip file.
    final class Writer {
        private let file: gzFile
        let path: String

        init(path: String) throws {
            guard let file = gzopen(path, "wb6") else { throw CatalogError(.unwritable, "cannot create \(path)") }
            self.file = file
            self.path = path
        }

        func write(line: Data) throws {
            var bytes = line
            bytes.append(UInt8(ascii: "\n"))
            let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            guard written == Int32(bytes.count) else { throw CatalogError(.unwritable, "cannot write to \(path)") }
        }

        func close() throws {
            guard gzclose(file) == Z_OK else { throw CatalogError(.unwritable, "cannot finish \(path)") }
        }
    }

    /// Reads a whole gzip (or plain) file; a truncated or corrupt stream is an error naming the file.
    static func read(path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path), let file = gzopen(path, "rb") else {
            throw CatalogError(.unreadable, "cannot open \(path)")
        }
        defer { gzclose(file) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 { throw CatalogError(.corruptSnapshot, "\(path) is not a readable gzip file (\(errorMessage(file)))") }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<Int(count)])
        }
        var code: Int32 = 0
        _ = gzerror(file, &code)
        if code != Z_OK && code != Z_STREAM_END { throw CatalogError(.corruptSnapshot, "\(path) is truncated or corrupt") }
        return data
    }

    private static func errorMessage(_ file: gzFile) -> String {
        var code: Int32 = 0
        guard let message = gzerror(file, &code) else { return "unknown error" }
        return String(cString: message)
    }
}
