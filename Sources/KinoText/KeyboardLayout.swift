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

    private static func convert(_ text: String, with table: Table) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(table[scalar])
        }
        return String(result)
    }

    /// One direction of the key map: by scalar value below ``directLimit``, by dictionary above.
    private struct Table: Sendable {
        static let directLimit: UInt32 = 0x0460
        private var direct: [UInt32]
        private var other: [Unicode.Scalar: Unicode.Scalar] = [:]

        init(_ pairs: some Sequence<(Unicode.Scalar, Unicode.Scalar)>) {
            direct = Array(0..<Self.directLimit)
            for (from, to) in pairs {
                if from.value < Self.directLimit {
                    direct[Int(from.value)] = to.value
                } else {
                    other[from] = to
                }
            }
        }

        /// What `scalar`'s key makes in the other layout, or `scalar` itself.
        subscript(scalar: Unicode.Scalar) -> Unicode.Scalar {
            guard scalar.value < Self.directLimit else { return other[scalar] ?? scalar }
            return Unicode.Scalar(direct[Int(scalar.value)]) ?? scalar
        }
    }

    /// The key map in both directions.
    private struct Tables: Sendable {
        static let shared = Tables()

        /// The characters of each key, QWERTY then ЙЦУКЕН, in the same order.
        private static let latinKeys = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + "~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&"
        private static let cyrillicKeys = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,\"№;:?"

        let latinToCyrillic: Table
        let cyrillicToLatin: Table

        private init() {
            let pairs = Array(zip(Self.latinKeys.unicodeScalars, Self.cyrillicKeys.unicodeScalars))
            latinToCyrillic = Table(pairs)
            cyrillicToLatin = Table(pairs.map { ($0.1, $0.0) })
        }
    }
}
