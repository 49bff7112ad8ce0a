/// One way to read a query word: as typed, as typed in the other keyboard layout, or transliterated.
///
/// ``Analyzer/queryVariants(_:)`` lists them in the order a search should try them; a search usually ranks matches
/// of later kinds a little lower.
public struct Variant: Sendable, Hashable {
    /// How the query text was rewritten.
    public enum Kind: Sendable, Hashable {
        /// The text as typed.
        case original
        /// The text re-keyed in the other layout ("vfnhbwf" → "матрица").
        case keyboardLayout
        /// A transliteration into the other alphabet ("matrica" → "матрица").
        case transliteration
    }

    /// How the query text was rewritten.
    public let kind: Kind
    /// The rewritten text.
    public let text: String
    /// The rank among variants of the same kind, from 0 for the most likely.
    public let rank: Int
    /// The analysed tokens of ``text``.
    public let tokens: [Token]
    /// Whether ``tokens`` have their stems: false for a transliteration kept only for its spelling (see
    /// ``Analyzer/queryVariants(_:keepsTransliteration:)``), whose stems are its normalized words.
    public let isStemmed: Bool

    /// The terms to look up: the stems of ``tokens``.
    public var terms: [String] { tokens.map(\.stem) }

    init(kind: Kind, text: String, rank: Int, tokens: [Token], isStemmed: Bool = true) {
        self.kind = kind
        self.text = text
        self.rank = rank
        self.tokens = tokens
        self.isStemmed = isStemmed
    }
}
