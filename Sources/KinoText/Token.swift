/// One unit of analysed text: a word, a number, a hyphenated compound or one of its parts.
///
/// Tokens come from ``Analyzer/tokens(_:)`` in text order. Every token has a non-empty ``normalized`` form.
public struct Token: Sendable, Hashable {
    /// What a token stands for.
    public enum Kind: Sendable, Hashable {
        /// A plain word or number.
        case word
        /// A hyphenated or elided word taken whole, its parts joined: "Человек-паук" → "человекпаук",
        /// "O'Brien" → "obrien", "1+1" → "1+1". It shares its position with its first part.
        case compound
        /// One part of a compound: "человек", "паук". Parts take consecutive positions.
        case compoundPart
        /// The value of an upper-case Roman numeral, at the numeral's position: "II" → "2" (2 to 39 only).
        case numeralValue
    }

    /// The slice of the input this token was made from, exactly as written. It shares the input's storage.
    public let text: Substring
    /// Case-folded, NFKC, "ё" → "е", Latin diacritics removed, apostrophes dropped: "Amélie" → "amelie".
    public let normalized: String
    /// The Snowball stem of ``normalized`` (Russian for Cyrillic words, English for Latin ones), or ``normalized``
    /// itself when stemming is off or the token is neither Cyrillic nor Latin.
    public let stem: String
    /// The writing system of ``normalized``.
    public let script: Script
    /// The word position, counted from 0. Positions never decrease; a compound and its first part share one, and so
    /// do a Roman numeral and its value.
    public let position: Int
    /// Whether this is a plain word, a compound, a compound's part or a numeral's value.
    public let kind: Kind
    /// Where ``text`` lies in the input, in UTF-8 code units (for highlighting).
    public let utf8Range: Range<Int>

    /// Whether this token is one part of a hyphenated or elided compound ("паук" in "Человек-паук").
    public var isPartOfCompound: Bool { kind == .compoundPart }

    init(text: Substring, normalized: String, stem: String, script: Script, position: Int, kind: Kind,
         utf8Range: Range<Int>) {
        self.text = text
        self.normalized = normalized
        self.stem = stem
        self.script = script
        self.position = position
        self.kind = kind
        self.utf8Range = utf8Range
    }
}
