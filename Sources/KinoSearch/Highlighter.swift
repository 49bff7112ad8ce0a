import KinoText

/// Marks the words of a film's title and description that the query matched, as HTML-escaped text with
/// `<mark>…</mark>` around each match; the description is cut to a snippet around its first match.
struct Highlighter {
    /// Stems any reading of a query word matched exactly.
    private let stems: Set<String>
    /// Normalized prefixes of the word being typed.
    private let prefixes: [String]
    private let analyzer: Analyzer
    private let enabled: Bool
    /// The snippet's length around the first match, in characters.
    static let snippetLength = 160
    /// How much of a long text, in UTF-8 bytes, a snippet is looked for in.
    static let snippetSource = 1500

    init(plan: QueryPlan, analyzer: Analyzer, enabled: Bool) {
        var stems = Set<String>()
        var prefixes: [String] = []
        for reading in plan.words.flatMap(\.readings) {
            stems.formUnion(reading.terms)
            if let prefix = reading.prefix { prefixes.append(prefix) }
        }
        if let year = plan.year { stems.insert(String(year)) }
        self.stems = stems
        self.prefixes = prefixes
        self.analyzer = analyzer
        self.enabled = enabled && !plan.isEmpty
    }

    func highlight(_ film: IndexedFilm) -> [String: String] {
        guard enabled else { return [:] }
        var result: [String: String] = [:]
        if let title = mark(film.title, snippet: false) { result["title"] = title }
        if let original = film.originalTitle, let marked = mark(original, snippet: false) {
            result["original_title"] = marked
        }
        if let description = film.description, let marked = mark(description, snippet: true) {
            result["description"] = marked
        }
        return result
    }

    /// The text with its matched words marked, or nil when nothing in it matched.
    func mark(_ text: String, snippet: Bool) -> String? {
        // A snippet comes from the start of a long text: analysing all of it would cost more than the search.
        var text = text
        if snippet, text.utf8.count > Self.snippetSource {
            let utf8 = Array(text.utf8)
            text = String(decoding: utf8[..<Self.boundary(utf8, near: Self.snippetSource, forward: false)], as: UTF8.self)
        }
        guard mayMatch(text) else { return nil }
        let matched = analyzer.tokens(text).filter { token in
            token.kind != .numeralValue
                && (stems.contains(token.stem) || prefixes.contains { token.normalized.hasPrefix($0) })
        }
        guard !matched.isEmpty else { return nil }
        let utf8 = Array(text.utf8)
        var start = 0
        var end = utf8.count
        if snippet, utf8.count > Self.snippetLength * 2 {
            // A window of about snippetLength characters (UTF-8 bytes ≤ 2 per Cyrillic letter) from a little
            // before the first match, cut at spaces.
            let first = matched[0].utf8Range.lowerBound
            start = Self.boundary(utf8, near: max(0, first - Self.snippetLength / 2), forward: false)
            end = Self.boundary(utf8, near: min(utf8.count, start + Self.snippetLength * 2), forward: true)
        }
        var output = start > 0 ? "…" : ""
        var position = start
        for token in matched {
            let range = token.utf8Range
            guard range.lowerBound >= position, range.upperBound <= end else { continue }
            output += Self.escape(utf8[position..<range.lowerBound])
            output += "<mark>" + Self.escape(utf8[range]) + "</mark>"
            position = range.upperBound
        }
        output += Self.escape(utf8[position..<end])
        if end < utf8.count { output += "…" }
        return output
    }

    /// False when no query stem or prefix can be in `text`, checked on its lower-cased characters without
    /// analysing it; a stem is a prefix of its words, so a word that matches contains it. Texts with letters that
    /// normalization would change beyond case and "ё" (accents, ligatures) are always analysed.
    func mayMatch(_ text: String) -> Bool {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x41...0x5A:
                folded.append(byte + 0x20)
            case 0x00...0x7F:
                folded.append(byte)
            case 0xD0, 0xD1:
                guard let second = bytes.next() else { return true }
                switch (byte, second) {
                case (0xD0, 0x90...0x9F): folded += [0xD0, second + 0x20]  // А–П → а–п
                case (0xD0, 0xA0...0xAF): folded += [0xD1, second - 0x20]  // Р–Я → р–я
                case (0xD0, 0x81), (0xD1, 0x91): folded += [0xD0, 0xB5]  // Ё, ё → е
                case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): folded += [byte, second]
                default: return true
                }
            case 0xC2, 0xE2:
                // Latin-1 and general punctuation (« » — …): no letters to fold.
                folded.append(0x20)
            default:
                // Accented Latin, other scripts: leave it to the analyzer.
                return true
            }
        }
        return (stems.lazy + prefixes).contains { needle in Self.occurs(Array(needle.utf8), in: folded) }
    }

    /// Whether `needle` occurs in `haystack`.
    private static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var start = 0
        while start <= haystack.count - needle.count {
            guard let found = haystack[start...(haystack.count - needle.count)].firstIndex(of: first) else { return false }
            if haystack[found..<(found + needle.count)].elementsEqual(needle) { return true }
            start = found + 1
        }
        return false
    }

    /// The index of the nearest space at or around `index` (or the text's end), never inside a UTF-8 sequence.
    private static func boundary(_ utf8: [UInt8], near index: Int, forward: Bool) -> Int {
        var position = index
        while position > 0, position < utf8.count, utf8[position] != 0x20 {
            position += forward ? 1 : -1
        }
        return position
    }

    static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "\""): result += Array("&quot;".utf8)
            case UInt8(ascii: "'"): result += Array("&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
