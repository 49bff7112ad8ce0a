extension StringProtocol {
    /// The text without the leading and trailing characters for which `isTrimmed` holds.
    ///
    /// Extraction trims thousands of short strings per page; Foundation's `trimmingCharacters(in:)` builds (or
    /// bridges) a character set each time, which cost several per cent of a page.
    func trimming(where isTrimmed: (Character) -> Bool) -> Substring {
        let whole = Substring(self)
        guard let first = whole.firstIndex(where: { !isTrimmed($0) }) else { return whole[whole.endIndex...] }
        let last = whole.lastIndex(where: { !isTrimmed($0) }) ?? first
        return whole[first...last]
    }

    /// The text without leading and trailing white space and line breaks (no-break spaces included).
    func trimmed() -> String {
        String(trimming(where: \.isWhitespace))
    }

    /// The text without leading and trailing white space, quotes and apostrophes: a label or parameter value.
    func unquoted() -> String {
        String(trimming { $0.isWhitespace || $0 == "\"" || $0 == "'" })
    }
}
