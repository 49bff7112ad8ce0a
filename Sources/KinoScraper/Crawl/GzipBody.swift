import CZlib
import Foundation

/// Gzip-compressed bodies (`sitemap.xml.gz`), inflated in memory up to a limit, so a small file that inflates to
/// gigabytes costs no more than the limit.
enum GzipBody {
    /// Whether the bytes start with the gzip magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The inflated bytes; `name` names the document in errors.
    static func inflate(_ bytes: [UInt8], limit: Int, name: String) throws -> [UInt8] {
        var stream = z_stream()
        // 16 + 15 window bits: a gzip header and trailer around the deflate data.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ScraperError(.unreadablePage, "\(name): cannot start inflating the gzip data")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        return try input.withUnsafeMutableBufferPointer { source -> [UInt8] in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= limit else {
                    throw ScraperError(.tooLarge, "\(name): the gzip data inflates to more than \(limit) bytes")
                }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END:
                    return output
                case Z_OK:
                    if stream.avail_in == 0, produced == 0 {
                        throw ScraperError(.unreadablePage, "\(name): the gzip data ends early")
                    }
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw ScraperError(.unreadablePage, "\(name): the gzip data ends early")
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw ScraperError(.unreadablePage, "\(name): broken gzip data (\(reason))")
                }
            }
        }
    }
}
