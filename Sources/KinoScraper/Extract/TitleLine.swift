/// A page title or heading read as a film's title line: `Uncle Buck (1989) - IMDb`, `Archer (TV Series 2009– )`,
/// `«Город грехов» (Sin City, 2005)`, `Город грехов — смотреть онлайн — Кинопоиск`.
struct TitleLine {
    var title: String
    /// A title given beside the year in the parentheses (`Sin City` in `«Город грехов» (Sin City, 2005)`).
    var otherTitle: String?
    var year: Int?
    /// The parentheses say it is a series (`TV Series`, `TV Mini Series`, `сериал`).
    var isSeries = false

    /// Words that say what the work is rather than naming it.
    private static let kindWords: Set<String> = [
        "tv series", "tv mini series", "tv mini-series", "tv movie", "tv special", "video", "film", "movie", "сериал",
        "мини-сериал", "фильм", "мультфильм", "short", "tv short",
    ]

    init?(_ raw: String) {
        let line = raw.collapsingWhitespace()
        guard !line.isEmpty else { return nil }
        // The first parenthesised group with a year ends the title.
        var searchFrom = line.startIndex
        while let open = line[searchFrom...].firstIndex(of: "("), let close = line[open...].firstIndex(of: ")") {
            let inside = String(line[line.index(after: open)..<close])
            if let year = FieldText.year(in: inside) {
                title = Self.cleaned(String(line[..<open]))
                self.year = year
                let lowered = inside.lowercased()
                isSeries = lowered.contains("series") || lowered.contains("сериал")
                if let comma = inside.lastIndex(of: ",") {
                    let before = Self.cleaned(String(inside[..<comma]))
                    if !before.isEmpty, !Self.kindWords.contains(before.lowercased()) { otherTitle = before }
                }
                guard !title.isEmpty else { return nil }
                return
            }
            searchFrom = line.index(after: close)
        }
        // No year: the title is what comes before the site's name.
        let separators = [" - ", " | ", " — ", " – ", " • ", " :: "]
        var first = Substring(line)
        for separator in separators {
            if let range = first.range(of: separator) { first = first[..<range.lowerBound] }
        }
        title = Self.cleaned(String(first))
        guard !title.isEmpty else { return nil }
    }

    /// Quotes, guillemets, dashes and bars left around a title by the page's title line.
    private static let edgeMarks: Set<Character> = ["«", "»", "\"", "“", "”", "'", "-", "–", "—", "|", "•"]

    /// The text without surrounding spaces, quotes and guillemets.
    private static func cleaned(_ text: String) -> String {
        String(text.trimming { $0.isWhitespace || edgeMarks.contains($0) })
    }
}
