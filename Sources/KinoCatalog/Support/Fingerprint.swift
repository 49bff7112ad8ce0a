import Foundation

/// A 64-bit FNV-1a hash, printed in hex: cheap change detection for records and files, not a security measure.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    static func of(_ data: Data) -> String {
        var fingerprint = Fingerprint()
        fingerprint.combine(data)
        return fingerprint.hex
    }
}

/// The one JSON encoder of catalog documents: sorted keys, so that equal values encode to equal bytes.
package enum CatalogJSON {
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension SourceRecord {
    /// The hash of what the record says, leaving out where it was read, so that a file whose rows moved still
    /// re-imports as unchanged.
    func contentHash(using encoder: JSONEncoder) throws -> String {
        var copy = self
        copy.origin = nil
        copy.fetchedAt = nil
        return Fingerprint.of(try encoder.encode(copy))
    }
}
