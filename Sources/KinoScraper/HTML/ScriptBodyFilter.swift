import Foundation

/// Drops the bodies of `<script>` and `<style>` elements from a page's UTF-8 bytes before libxml2 parses it, keeping
/// the tags themselves and the bodies of JSON-LD scripts.
///
/// Nothing the extractors read lies in those bodies, and libxml2 reads them one character at a time: on film sites
/// they are a fifth to a half of a page (Kinopoisk's obfuscated scripts, IMDb's state, inline style sheets). Comments
/// are copied whole, so a `<script>` written inside one is not mistaken for a real one. A body ends where HTML ends
/// it, at the first `</script` or `</style`, whatever the quotes in it.
enum ScriptBodyFilter {
    static func filter(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        let count = bytes.count
        while cursor < count {
            guard let open = index(of: UInt8(ascii: "<"), in: bytes, from: cursor) else {
                output.append(contentsOf: bytes[cursor...])
                break
            }
            output.append(contentsOf: bytes[cursor..<open])
            if matches(bytes, at: open, "<!--") {
                let end = find(bytes, "-->", from: open + 4).map { $0 + 3 } ?? count
                output.append(contentsOf: bytes[open..<end])
                cursor = end
                continue
            }
            guard let name = rawTextElement(bytes, at: open + 1), let tagEnd = endOfTag(bytes, from: open + 1) else {
                output.append(UInt8(ascii: "<"))
                cursor = open + 1
                continue
            }
            output.append(contentsOf: bytes[open...tagEnd])
            let bodyStart = tagEnd + 1
            let bodyEnd = findClosing(bytes, name: name, from: bodyStart) ?? count
            if name == "script", containsIgnoringCase(bytes[open...tagEnd], "ld+json") {
                output.append(contentsOf: bytes[bodyStart..<bodyEnd])
            }
            cursor = bodyEnd
        }
        return output
    }

    /// `script` or `style` when a start tag of that name begins at `start` (just after the `<`).
    private static func rawTextElement(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        guard start < bytes.count, lowercased(bytes[start]) == UInt8(ascii: "s") else { return nil }
        for name in ["script", "style"] where matches(bytes, at: start, name, ignoringCase: true) {
            let after = start + name.utf8.count
            guard after < bytes.count else { return nil }
            switch bytes[after] {
            case UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0C, 0x0D: return name
            default: return nil
            }
        }
        return nil
    }

    /// The index of the `>` that ends the tag, skipping quoted attribute values.
    private static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var quote: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The index of the `<` of the first `</name` at or after `start`.
    private static func findClosing(_ bytes: UnsafeBufferPointer<UInt8>, name: String, from start: Int) -> Int? {
        var index = start
        while let open = self.index(of: UInt8(ascii: "<"), in: bytes, from: index) {
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "/"), matches(bytes, at: open + 2, name, ignoringCase: true) {
                return open
            }
            index = open + 1
        }
        return nil
    }

    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String, from start: Int) -> Int? {
        guard let first = text.utf8.first else { return nil }
        var index = start
        while let candidate = self.index(of: first, in: bytes, from: index) {
            if matches(bytes, at: candidate, text) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ text: String, ignoringCase: Bool = false) -> Bool {
        let pattern = text.utf8
        guard start >= 0, start + pattern.count <= bytes.count else { return false }
        return zip(bytes[start..<(start + pattern.count)], pattern).allSatisfy { byte, expected in
            ignoringCase ? lowercased(byte) == expected : byte == expected
        }
    }

    private static func containsIgnoringCase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({ lowercased($0) == $1 }) { return true }
            index += 1
        }
        return false
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
