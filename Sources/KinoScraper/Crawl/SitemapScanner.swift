/// Splits an XML document into start tags, end tags and text, for ``Sitemap``. Element names lose any namespace
/// prefix; text has its character references decoded; comments, processing instructions and DTDs are skipped.
/// Anything it cannot read sets ``malformed`` and ends the scan.
struct SitemapScanner {
    enum Token {
        case start(name: String, selfClosing: Bool)
        case end(name: String)
        case text([UInt8])
    }

    private let bytes: [UInt8]
    private var position = 0
    private(set) var malformed = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Token? {
        while position < bytes.count, !malformed {
            guard bytes[position] == UInt8(ascii: "<") else {
                let end = bytes[position...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let text = Self.decodeReferences(bytes[position..<end])
                position = end
                return .text(text)
            }
            if hasPrefix("<!--") {
                skip(past: "-->")
            } else if hasPrefix("<![CDATA[") {
                let start = position + 9
                guard let end = find("]]>", from: start) else { return fail() }
                position = end + 3
                return .text(Array(bytes[start..<end]))
            } else if hasPrefix("<?") {
                skip(past: "?>")
            } else if hasPrefix("<!") {
                skipDeclaration()
            } else if hasPrefix("</") {
                guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return fail() }
                let name = Self.localName(bytes[(position + 2)..<close])
                position = close + 1
                return .end(name: name)
            } else {
                return startTag()
            }
        }
        return nil
    }

    private mutating func startTag() -> Token? {
        var index = position + 1
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            index += 1
        }
        guard index < bytes.count else { return fail() }
        let selfClosing = bytes[index - 1] == UInt8(ascii: "/")
        let nameEnd = bytes[(position + 1)..<index].firstIndex { Self.isSpace($0) || $0 == UInt8(ascii: "/") } ?? index
        let name = Self.localName(bytes[(position + 1)..<nameEnd])
        position = index + 1
        guard !name.isEmpty else { return fail() }
        return .start(name: name, selfClosing: selfClosing)
    }

    /// Skips `<!DOCTYPE …>`, including an internal subset in brackets.
    private mutating func skipDeclaration() {
        var depth = 0
        var index = position + 2
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0:
                position = index + 1
                return
            default: break
            }
            index += 1
        }
        malformed = true
    }

    private mutating func fail() -> Token? {
        malformed = true
        return nil
    }

    private func hasPrefix(_ text: String) -> Bool {
        let prefix = Array(text.utf8)
        return bytes.count - position >= prefix.count && bytes[position..<(position + prefix.count)].elementsEqual(prefix)
    }

    private func find(_ text: String, from start: Int) -> Int? {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }

    private mutating func skip(past text: String) {
        guard let end = find(text, from: position + 2) else {
            malformed = true
            return
        }
        position = end + text.utf8.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func localName(_ raw: ArraySlice<UInt8>) -> String {
        let name = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.split(separator: ":").last.map(String.init) ?? name
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and `&#N;`/`&#xN;`; other references stay as written.
    static func decodeReferences(_ text: ArraySlice<UInt8>) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return Array(text) }
        var result: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == UInt8(ascii: "&"),
                  let semicolon = text[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                result.append(text[index])
                index += 1
                continue
            }
            let name = String(decoding: text[(index + 1)..<semicolon], as: UTF8.self)
            let decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                let scalar = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                    : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
                decoded = scalar.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            if let decoded {
                result.append(contentsOf: decoded.utf8)
                index = semicolon + 1
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
