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

    /// The index of the nearest space at or around `index` (or the text's end), never inside a UTF-8 sequence.
    private static func boundary(_ utf8: [UInt8], near index: Int, forward: Bool) -> Int {
        var position = index
        while position > 0, position < utf8.count, utf8[position] != 0x20 {
            position += forward ? 1 : -1
        }
        return position
    }

    static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        var result = ""
        for character in String(decoding: bytes, as: UTF8.self) {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
