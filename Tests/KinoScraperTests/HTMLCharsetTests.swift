import Foundation
import KinoScraper
import Testing

/// Charset detection and decoding: by header, by BOM, by `<meta>`, and the UTF-8 / windows-1252 fallback.
struct HTMLCharsetTests {
    static let russian = "Ёжик в тумане — мультфильм Юрия Норштейна"
    static let french = "Le fabuleux destin d'Amélie Poulain, où l'été déçoit à Noël"

    /// Encodes text to a single-byte charset with the decoder's own tables read backwards.
    static func encode(_ text: String, _ charset: HTMLCharset) throws -> [UInt8] {
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            let decoded = charset.decode([byte]).unicodeScalars
            if let scalar = decoded.first, scalar != "\u{FFFD}" { table[scalar] = byte }
        }
        return try text.unicodeScalars.map { scalar in
            if scalar.isASCII { return UInt8(scalar.value) }
            return try #require(table[scalar], "\(scalar) has no byte in \(charset.rawValue)")
        }
    }

    static func page(title: [UInt8], meta: String = "") -> [UInt8] {
        Array("<html><head>\(meta)<title>".utf8) + title + Array(" (1975)</title></head><body></body></html>".utf8)
    }

    static func title(_ bytes: [UInt8], contentType: String?) throws -> String? {
        try PageExtractor.extract(bytes, url: try #require(URL(string: "https://films.example/")), contentType: contentType, fetchedAt: Date())
            .records.first.flatMap { $0.titleRU ?? $0.titleEN }
    }

    @Test func windows1251DeclaredByHeader() throws {
        let bytes = Self.page(title: try Self.encode(Self.russian, .windows1251))
        #expect(try Self.title(bytes, contentType: "text/html; charset=windows-1251") == Self.russian)
    }

    @Test func windows1251DeclaredByMetaCharset() throws {
        let bytes = Self.page(title: try Self.encode(Self.russian, .windows1251), meta: "<meta charset=\"windows-1251\">")
        #expect(try Self.title(bytes, contentType: "text/html") == Self.russian)
    }

    @Test func windows1251DeclaredByMetaHTTPEquiv() throws {
        let meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=cp1251\">"
        let bytes = Self.page(title: try Self.encode(Self.russian, .windows1251), meta: meta)
        #expect(try Self.title(bytes, contentType: nil) == Self.russian)
    }

    @Test func koi8rDeclaredByMeta() throws {
        // KOI8-R has no dashes.
        let text = "Ёжик в тумане, мультфильм Юрия Норштейна"
        let bytes = Self.page(title: try Self.encode(text, .koi8r), meta: "<meta charset=koi8-r>")
        #expect(try Self.title(bytes, contentType: nil) == text)
    }

    @Test func iso88591DeclaredByHeaderAndByMeta() throws {
        let encoded = try Self.encode(Self.french, .windows1252)
        #expect(try Self.title(Self.page(title: encoded), contentType: "text/html; charset=ISO-8859-1") == Self.french)
        #expect(try Self.title(Self.page(title: encoded, meta: "<meta charset='iso-8859-1'>"), contentType: nil) == Self.french)
    }

    @Test func undeclaredInvalidUTF8FallsBackToWindows1252() throws {
        let encoded = try Self.encode(Self.french, .windows1252)
        #expect(HTMLCharset.detect(Self.page(title: encoded), contentType: nil) == .windows1252)
        #expect(try Self.title(Self.page(title: encoded), contentType: nil) == Self.french)
    }

    @Test func headerWinsOverAWrongMetaAndUTF8IsNotDecodedTwice() throws {
        // The page says windows-1251 inside, but the server says UTF-8: libxml2 must not re-decode the text.
        let bytes = Self.page(title: Array(Self.russian.utf8), meta: "<meta charset=\"windows-1251\">")
        #expect(try Self.title(bytes, contentType: "text/html; charset=UTF-8") == Self.russian)
    }

    @Test func byteOrderMarkWins() throws {
        let utf8 = [0xEF, 0xBB, 0xBF] + Self.page(title: Array(Self.russian.utf8))
        #expect(HTMLCharset.detect(utf8, contentType: "text/html; charset=windows-1251") == .utf8)
        #expect(try Self.title(utf8, contentType: nil) == Self.russian)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in String(decoding: Self.page(title: Array(Self.russian.utf8)), as: UTF8.self).utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(try Self.title(utf16, contentType: nil) == Self.russian)
    }

    @Test(arguments: [
        ("utf-8", HTMLCharset.utf8), ("CP1251", .windows1251), ("latin1", .windows1252), ("KOI8-R", .koi8r),
        ("\"Windows-1252\"", .windows1252),
    ])
    func labels(_ label: String, _ charset: HTMLCharset) {
        #expect(HTMLCharset(label: label) == charset)
    }

    @Test func unknownLabelIsNil() {
        #expect(HTMLCharset(label: "x-mac-klingon") == nil)
    }
}
