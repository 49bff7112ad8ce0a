import Foundation

/// The JSON of one `<script type="application/ld+json">`: unwrapped from CDATA and comment wrappers, checked against
/// the limits, parsed, and searched for the film objects it holds.
enum JSONLDScript {
    /// The schema.org types of films and series, and what each is.
    static let filmTypes: [String: Bool] = [
        "Movie": false, "Film": false, "TVMovie": false, "TVSeries": true, "TVMiniSeries": true, "TVShow": true,
    ]

    /// The film objects of a script's source, in order. Throws a rejection message when the script cannot be read.
    static func films(in source: String, number: Int, limits: ExtractionLimits) throws(PageRejection) -> [[String: Any]] {
        let json = unwrapped(source)
        guard !json.isEmpty else { return [] }
        let depth = nestingDepth(json)
        guard depth <= limits.maxJSONLDDepth else {
            throw PageRejection("JSON-LD script \(number) is nested \(depth) levels deep, over the limit of \(limits.maxJSONLDDepth); skipped")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        } catch {
            throw PageRejection("JSON-LD script \(number) is not valid JSON; skipped")
        }
        // Containers are searched breadth-first without recursion: top-level arrays, `@graph` and `mainEntity`.
        var films: [[String: Any]] = []
        var queue: [Any] = [parsed]
        var next = 0
        while next < queue.count {
            let value = queue[next]
            next += 1
            if let array = value as? [Any] {
                queue.append(contentsOf: array)
            } else if let object = value as? [String: Any] {
                if types(of: object).contains(where: { filmTypes[$0] != nil }) {
                    films.append(object)
                    continue
                }
                if let graph = object["@graph"] { queue.append(graph) }
                if let main = object["mainEntity"] { queue.append(main) }
            }
        }
        return films
    }

    /// The `@type`s of an object, without a `schema:` or `http://schema.org/` prefix.
    static func types(of object: [String: Any]) -> [String] {
        let raw: [String] = if let single = object["@type"] as? String { [single] } else { object["@type"] as? [String] ?? [] }
        return raw.map { type in
            var name = Substring(type)
            if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
            if let colon = name.lastIndex(of: ":") { name = name[name.index(after: colon)...] }
            return String(name)
        }
    }

    /// The JSON without the wrappers pages put around it: `/* <![CDATA[ */ ... /* ]]> */` (Letterboxd),
    /// `<!-- ... -->`, `//<![CDATA[ ... //]]>`.
    static func unwrapped(_ source: String) -> Substring {
        var json = Substring(source)
        var changed = true
        while changed {
            changed = false
            json = json.drop { $0.isWhitespace }
            for (open, close) in [("/*", "*/"), ("<![CDATA[", nil), ("<!--", nil), ("//", "\n")] where json.hasPrefix(open) {
                if let close {
                    guard let end = json.firstRange(of: close) else { return "" }
                    json = json[end.upperBound...]
                } else {
                    json = json.dropFirst(open.count)
                }
                changed = true
            }
        }
        changed = true
        while changed {
            changed = false
            while let last = json.last, last.isWhitespace { json = json.dropLast() }
            if json.hasSuffix("*/"), let start = json.lastRange(ofASCII: "/*") {
                json = json[..<start.lowerBound]
                changed = true
            }
            for close in ["]]>", "-->"] where json.hasSuffix(close) {
                json = json.dropLast(close.count)
                changed = true
            }
            if let lineComment = json.lastRange(ofASCII: "//"), !json[lineComment.upperBound...].contains(where: { "\"}]".contains($0) }) {
                json = json[..<lineComment.lowerBound]
                changed = true
            }
        }
        return json
    }

    /// The deepest nesting of objects and arrays, counted outside strings.
    static func nestingDepth(_ json: Substring) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in json.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}


extension Substring {
    /// The last occurrence of an ASCII `pattern`, searched from the end over the UTF-8 bytes (Foundation's backwards
    /// search converts the whole text to UTF-16 first).
    func lastRange(ofASCII pattern: String) -> Range<Index>? {
        let needle = Array(pattern.utf8)
        let bytes = utf8
        guard let lastByte = needle.last else { return nil }
        var end = bytes.endIndex
        while end > bytes.startIndex {
            end = bytes.index(before: end)
            guard bytes[end] == lastByte else { continue }
            var start = end
            var matched = true
            for expected in needle.dropLast().reversed() {
                guard start > bytes.startIndex else { matched = false; break }
                start = bytes.index(before: start)
                if bytes[start] != expected { matched = false; break }
            }
            if matched { return start..<bytes.index(after: end) }
        }
        return nil
    }
}
