import KinoText

/// Marks the words of a film's title and description that the query matched, as HTML-escaped text with
/// `<mark>…</mark>` around each match; the description is cut to a snippet around its first match.
struct Highlighter {
    /// Stems any reading of a query word matched exactly, as UTF-8.
    private let stems: [[UInt8]]
    /// Normalized prefixes of the word being typed, as UTF-8.
    private let prefixes: [[UInt8]]
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
        self.stems = stems.sorted().map { Array($0.utf8) }
        self.prefixes = prefixes.map { Array($0.utf8) }
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
    ///
    /// Only the text from the word where a query stem or prefix first occurs is analysed (no word before it can
    /// match), and for a snippet first only a window after it, as far as a snippet from there can reach; the rest
    /// only when the snippet would need it. `analysingAll` analyses all of it, as a check of these shortcuts.
    func mark(_ text: String, snippet: Bool, analysingAll: Bool = false) -> String? {
        // A snippet comes from the start of a long text: analysing all of it would cost more than the search.
        var text = text
        if snippet, text.utf8.count > Self.snippetSource {
            let utf8 = Array(text.utf8)
            text = String(decoding: utf8[..<Self.boundary(utf8, near: Self.snippetSource, forward: false)], as: UTF8.self)
        }
        guard let occurrence = firstOccurrence(in: text) else { return nil }
        let utf8 = Array(text.utf8)
        let cut = snippet && utf8.count > Self.snippetLength * 2
        // A snippet is a window of about snippetLength characters (UTF-8 bytes ≤ 2 per Cyrillic letter) from a little
        // before the first match, cut at spaces.
        func window(_ first: Int) -> Range<Int> {
            guard cut else { return 0..<utf8.count }
            let start = Self.boundary(utf8, near: max(0, first - Self.snippetLength / 2), forward: false)
            return start..<Self.boundary(utf8, near: min(utf8.count, start + Self.snippetLength * 2), forward: true)
        }
        let from = analysingAll ? 0 : Self.boundary(utf8, near: occurrence, forward: false)
        var to = utf8.count
        if cut, !analysingAll {
            to = Self.boundary(utf8, near: min(utf8.count, occurrence + Self.snippetLength * 3), forward: true)
        }
        var matched = matches(utf8, in: from..<to)
        if to < utf8.count, matched.first.map({ window($0.lowerBound).upperBound > to }) ?? true {
            matched = matches(utf8, in: from..<utf8.count)
        }
        guard let first = matched.first else { return nil }
        let shown = window(first.lowerBound)
        let (start, end) = (shown.lowerBound, shown.upperBound)
        var output = start > 0 ? "…" : ""
        var position = start
        for range in matched {
            guard range.lowerBound >= position, range.upperBound <= end else { continue }
            output += Self.escape(utf8[position..<range.lowerBound])
            output += "<mark>" + Self.escape(utf8[range]) + "</mark>"
            position = range.upperBound
        }
        output += Self.escape(utf8[position..<end])
        if end < utf8.count { output += "…" }
        return output
    }

    /// The byte ranges of the words in `range` of `utf8` that match a query stem or prefix; `range` starts and
    /// ends at a space or at an end of the text, so its words are those of the whole text.
    private func matches(_ utf8: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        let text = range == utf8.indices ? String(decoding: utf8, as: UTF8.self)
            : String(decoding: utf8[range], as: UTF8.self)
        var found: [Range<Int>] = []
        analyzer.forEachToken(in: text) { token in
            guard token.kind != .numeralValue,
                  stems.contains(where: { token.stem.elementsEqual($0) })
                    || prefixes.contains(where: { token.normalized.starts(with: $0) }) else { return }
            found.append((token.utf8Range.lowerBound + range.lowerBound)..<(token.utf8Range.upperBound + range.lowerBound))
        }
        return found
    }

    /// The UTF-8 offset of the first place where a query stem or prefix may be in `text`, or nil when none can be;
    /// checked on its lower-cased characters without analysing it. A stem is a prefix of its words, so a word that
    /// matches contains it. Texts with letters that normalization would change beyond case and "ё" (accents,
    /// ligatures) may match anywhere (0).
    func firstOccurrence(in text: String) -> Int? {
        // Folding keeps every character's length in bytes, so offsets in `folded` are offsets in `text`.
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
                guard let second = bytes.next() else { return 0 }
                let pair: (UInt8, UInt8)
                switch (byte, second) {
                case (0xD0, 0x90...0x9F): pair = (0xD0, second + 0x20)  // А–П → а–п
                case (0xD0, 0xA0...0xAF): pair = (0xD1, second - 0x20)  // Р–Я → р–я
                case (0xD0, 0x81), (0xD1, 0x91): pair = (0xD0, 0xB5)  // Ё, ё → е
                case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): pair = (byte, second)
                default: return 0
                }
                folded.append(pair.0)
                folded.append(pair.1)
            case 0xC2:
                // Latin-1 punctuation (« », no-break space); its letters and digits (ª, µ, º, ², ¼) are analysed.
                switch bytes.next() {
                case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return 0
                case .some(0x80...0xBF): folded.append(0x20)
                default: return 0
                }
                folded.append(0x20)
            case 0xE2:
                // General punctuation, U+2000–U+206F (— … “ ”): no letters or digits, even after NFKC.
                guard let second = bytes.next(), let third = bytes.next(), (0x80...0xBF).contains(third),
                      second == 0x80 || second == 0x81 && third < 0xB0 else { return 0 }
                folded.append(0x20)
                folded.append(0x20)
                folded.append(0x20)
            default:
                // Accented Latin, other scripts: leave it to the analyzer.
                return 0
            }
        }
        var first: Int?
        for needle in stems.lazy + prefixes {
            if let offset = Self.offset(of: needle, in: folded, before: first ?? folded.count) {
                first = offset
            }
        }
        return first
    }

    /// Where `needle` first occurs in `haystack`, if it starts before `limit`.
    private static func offset(of needle: [UInt8], in haystack: [UInt8], before limit: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? 0 : nil }
        var start = 0
        let last = min(haystack.count - needle.count, limit - 1)
        while start <= last {
            guard let found = haystack[start...last].firstIndex(of: first) else { return nil }
            if haystack[found..<(found + needle.count)].elementsEqual(needle) { return found }
            start = found + 1
        }
        return nil
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
