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

    /// Reads a gzip (or plain) file line by line, a chunk at a time, so a large snapshot is never held whole; a
    /// truncated or corrupt stream is an error naming the file.
    final class Lines {
        private let file: gzFile
        let path: String
        private var buffer: UnsafeMutableRawBufferPointer
        /// The unread bytes are `buffer[start..<end]`.
        private var start = 0
        private var end = 0
        private var exhausted = false

        init(path: String) throws {
            guard FileManager.default.fileExists(atPath: path), let file = gzopen(path, "rb") else {
                throw CatalogError(.unreadable, "cannot open \(path)")
            }
            self.file = file
            self.path = path
            buffer = .allocate(byteCount: 1 << 20, alignment: 8)
            gzbuffer(file, 1 << 17)
        }

        deinit {
            gzclose(file)
            buffer.deallocate()
        }

        /// The next line that is not empty, without its newline; nil at the end of the file.
        func next() throws -> Data? {
            while true {
                if let newline = firstNewline() {
                    let line = Data(buffer[start..<newline])
                    start = newline + 1
                    if line.isEmpty { continue }
                    return line
                }
                if exhausted {
                    guard start < end else { return nil }
                    let line = Data(buffer[start..<end])
                    start = end
                    return line
                }
                try refill()
            }
        }

        private func firstNewline() -> Int? {
            guard start < end, let base = buffer.baseAddress,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) else { return nil }
            return base.distance(to: UnsafeMutableRawPointer(found))
        }

        /// Moves the unread bytes to the front and reads more after them, growing the buffer for a line longer than
        /// it.
        private func refill() throws {
            let unread = end - start
            if start > 0, unread > 0, let base = buffer.baseAddress {
                memmove(base, base + start, unread)
            }
            start = 0
            end = unread
            if end == buffer.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            }
            let count = gzread(file, buffer.baseAddress! + end, UInt32(buffer.count - end))
            if count < 0 { throw CatalogError(.corruptSnapshot, "\(path) is not a readable gzip file (\(errorMessage(file)))") }
            if count == 0 {
                var code: Int32 = 0
                _ = gzerror(file, &code)
                if code != Z_OK && code != Z_STREAM_END { throw CatalogError(.corruptSnapshot, "\(path) is truncated or corrupt") }
                exhausted = true
            }
            end += Int(count)
        }
    }

    private static func errorMessage(_ file: gzFile) -> String {
        var code: Int32 = 0
        guard let message = gzerror(file, &code) else { return "unknown error" }
        return String(cString: message)
    }
}
