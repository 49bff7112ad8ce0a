/// Text typed with the wrong keyboard layout, converted key by key between the Russian ЙЦУКЕН layout and the
/// US QWERTY layout: "vfnhbwf" → "матрица", ",hfn" → "брат", "ыефк цфкы" → "star wars".
///
/// Punctuation keys are converted too, because Russian letters sit on them ("," is "б", "." is "ю", ";" is "ж",
/// "[" is "х"), as are the shifted digit keys that differ ("@" is "\"", "#" is "№"). Characters on no converted key
/// (digits, spaces, other scripts) are kept. Case is kept.
public enum KeyboardLayout {
    /// What `text` would have been had it been typed with the Russian layout on: "ghbdtn" → "привет".
    public static func toCyrillic(_ text: String) -> String {
        convert(text, with: Tables.shared.latinToCyrillic)
    }

    /// What `text` would have been had it been typed with the US layout on: "ыефк цфкы" → "star wars".
    public static func toLatin(_ text: String) -> String {
        convert(text, with: Tables.shared.cyrillicToLatin)
    }

    private static func convert(_ text: String, with table: [Unicode.Scalar: Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(table[scalar] ?? scalar)
        }
        return String(result)
    }

    /// The key map in both directions.
    private struct Tables: Sendable {
        static let shared = Tables()

        /// The characters of each key, QWERTY then ЙЦУКЕН, in the same order.
        private static let latinKeys = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + "~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&"
        private static let cyrillicKeys = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,\"№;:?"

        let latinToCyrillic: [Unicode.Scalar: Unicode.Scalar]
        let cyrillicToLatin: [Unicode.Scalar: Unicode.Scalar]

        private init() {
            var forward: [Unicode.Scalar: Unicode.Scalar] = [:]
            var backward: [Unicode.Scalar: Unicode.Scalar] = [:]
            for (latin, cyrillic) in zip(Self.latinKeys.unicodeScalars, Self.cyrillicKeys.unicodeScalars) {
                forward[latin] = cyrillic
                backward[cyrillic] = latin
            }
            latinToCyrillic = forward
            cyrillicToLatin = backward
        }
    }
}
