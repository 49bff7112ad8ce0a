/// The writing system of a token, decided from the letters of its normalized form.
///
/// Digits do not change a word's script: "ту154" is ``cyrillic`` and "3d" is ``latin``.
public enum Script: String, Sendable, Hashable, CaseIterable {
    /// Only Cyrillic letters (and possibly digits). Stemmed with the Russian Snowball stemmer.
    case cyrillic
    /// Only Latin letters (and possibly digits). Stemmed with the English Snowball stemmer.
    case latin
    /// Only digits and other numbers: "1972", "9".
    case digits
    /// Letters of more than one script, e.g. a word typed half in the wrong keyboard layout.
    case mixed
    /// Letters of another script (Greek, CJK, ...), or no letters and no digits. Never stemmed.
    case other
}

/// The scripts seen while normalizing a token, as a bit set.
struct ScriptFlags: OptionSet {
    var rawValue: UInt8

    static let latin = ScriptFlags(rawValue: 1)
    static let cyrillic = ScriptFlags(rawValue: 2)
    static let digits = ScriptFlags(rawValue: 4)
    static let otherLetters = ScriptFlags(rawValue: 8)

    var script: Script {
        let letters = rawValue & (ScriptFlags.latin.rawValue | ScriptFlags.cyrillic.rawValue
            | ScriptFlags.otherLetters.rawValue)
        switch letters {
        case 0: return contains(.digits) ? .digits : .other
        case ScriptFlags.latin.rawValue: return .latin
        case ScriptFlags.cyrillic.rawValue: return .cyrillic
        case ScriptFlags.otherLetters.rawValue: return .other
        default: return .mixed
        }
    }
}
