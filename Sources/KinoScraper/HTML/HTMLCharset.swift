import Foundation

/// The character encoding of a page, as far as the extractor decodes it: UTF-8 and UTF-16, and the single-byte
/// charsets of Russian and Western pages.
package enum HTMLCharset: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1251 = "windows-1251"
    case koi8r = "KOI8-R"
    case windows1252 = "windows-1252"

    /// The charset a label names (`utf-8`, `cp1251`, `iso-8859-1`, `koi8-r`, ...), after the WHATWG Encoding Standard:
    /// `iso-8859-1`, `latin1` and `us-ascii` mean windows-1252. Nil for labels the decoder does not know.
    package init?(label: String) {
        switch label.unquoted().lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "utf-16", "utf-16le", "unicode", "ucs-2": self = .utf16LittleEndian
        case "utf-16be", "unicodefffe": self = .utf16BigEndian
        case "windows-1251", "cp1251", "x-cp1251", "win-1251", "cp-1251": self = .windows1251
        case "koi8-r", "koi8r", "koi8", "koi", "cskoi8r", "koi8-u", "koi8-ru": self = .koi8r
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
             "us-ascii", "ascii", "iso-8859-15", "latin-9", "cp819", "ibm819":
            self = .windows1252
        default: return nil
        }
    }
}

extension HTMLCharset {
    /// How far into a page a `<meta charset>` declaration is looked for.
    static let prescanBytes = 8192

    /// The charset to decode a page with: a byte order mark first (it cannot be wrong), then the `charset` parameter of
    /// the Content-Type header, then a `<meta charset>` or `<meta http-equiv=Content-Type>` declaration within the
    /// first 8 KB, then UTF-8 when the bytes are valid UTF-8, else windows-1252.
    package static func detect(_ bytes: [UInt8], contentType: String?) -> HTMLCharset {
        if let fromBOM = byteOrderMark(bytes)?.charset { return fromBOM }
        if let header = contentType.flatMap(charsetParameter), let charset = HTMLCharset(label: header) {
            return charset
        }
        if let declared = declaredInMeta(bytes), let charset = HTMLCharset(label: declared) {
            // A page saved as UTF-16 cannot declare itself in ASCII bytes; a UTF-16 label in ASCII bytes is a mistake.
            return charset == .utf16LittleEndian || charset == .utf16BigEndian ? .utf8 : charset
        }
        return isValidUTF8(bytes) ? .utf8 : .windows1252
    }

    /// The charset and length of a byte order mark at the start of `bytes`.
    static func byteOrderMark(_ bytes: [UInt8]) -> (charset: HTMLCharset, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// The value of a `charset=` parameter in a Content-Type header, e.g. `windows-1251` in
    /// `text/html; charset="windows-1251"`.
    static func charsetParameter(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmed().lowercased() == "charset" else { continue }
            let value = pair[1].unquoted()
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// The label of the first `charset=` in the page's first bytes: it covers both `<meta charset="...">` and
    /// `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
    static func declaredInMeta(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanBytes)
        let pattern = Array("charset".utf8)
        var index = head.startIndex
        while index + pattern.count < head.endIndex {
            defer { index += 1 }
            guard head[index] | 0x20 == pattern[0] else { continue }
            guard zip(head[index..<(index + pattern.count)], pattern).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            var cursor = index + pattern.count
            while cursor < head.endIndex, head[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < head.endIndex, head[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < head.endIndex, [UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(head[cursor]) {
                cursor += 1
            }
            let start = cursor
            while cursor < head.endIndex, isLabelByte(head[cursor]) { cursor += 1 }
            if cursor > start { return String(decoding: head[start..<cursor], as: UTF8.self) }
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "."):
            true
        default: false
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    /// The page's text as UTF-8: invalid sequences and bytes the charset leaves undefined become U+FFFD.
    package func decode(_ bytes: [UInt8]) -> String {
        let body = bytes.dropFirst(Self.byteOrderMark(bytes).map { $0.charset == self ? $0.length : 0 } ?? 0)
        switch self {
        case .utf8:
            return String(decoding: body, as: UTF8.self)
        case .utf16LittleEndian, .utf16BigEndian:
            let units = stride(from: body.startIndex, to: body.endIndex - 1, by: 2).map { index -> UInt16 in
                let first = UInt16(body[index]), second = UInt16(body[index + 1])
                return self == .utf16LittleEndian ? first | second << 8 : first << 8 | second
            }
            return String(decoding: units, as: UTF16.self)
        case .windows1251: return Self.decodeSingleByte(body, upperHalf: SingleByteTables.windows1251)
        case .koi8r: return Self.decodeSingleByte(body, upperHalf: SingleByteTables.koi8r)
        case .windows1252: return Self.decodeSingleByte(body, upperHalf: SingleByteTables.windows1252)
        }
    }

    private static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, upperHalf: [UInt16]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : UInt32(upperHalf[Int(byte) - 0x80])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
