import Foundation

/// Keys under which the merge compares titles and people across sources and scripts.
///
/// A title key is the title case-folded, without diacritics or punctuation (`"Amélie"` and `"amelie"` agree, as do
/// `"Брат"` and `"БРАТ."`). A Latin key is the title key transliterated to Latin and loosened so that the ways
/// people romanize Russian agree (`"Аватар"` and `"Avatar"`). A surname key is the consonant skeleton of a person's
/// last name in Latin letters, so that `"Кристофер Нолан"`, `"Christopher Nolan"` and `"К.Нолан"` agree.
enum MatchKey {
    /// Case-folded letters and digits of the title, words separated by one space.
    static func title(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if let folded = fold(scalar) {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(contentsOf: folded.unicodeScalars)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// The title key in Latin letters, loosened (`й`/`y`/`j` → `i`, doubled letters once, `kh` → `h`, ...).
    static func latin(_ text: String) -> String {
        loosen(transliterate(title(text)))
    }

    /// The consonant skeleton of the last word of a person's name, in Latin letters.
    static func surname(_ name: String) -> String? {
        let words = title(name).split(separator: " ").filter { !suffixes.contains(String($0)) && $0.count > 1 }
        guard let last = words.last else { return nil }
        var skeleton = ""
        for character in loosen(transliterate(String(last))) where !"aeiouy".contains(character) {
            if skeleton.last != character { skeleton.append(character) }
        }
        return skeleton.isEmpty ? nil : skeleton
    }

    private static let suffixes: Set<String> = ["мл", "ст", "jr", "sr", "ii", "iii", "младший", "старший"]

    /// Folds one lower-case scalar: Latin letters lose diacritics, `ё` becomes `е`; nil for what is not a letter or
    /// a digit.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9", "а"..."я": return String(scalar)
        case "ё": return "е"
        case "ß": return "ss"
        case "æ": return "ae"
        case "œ": return "oe"
        case "ø": return "o"
        case "ł": return "l"
        case "đ": return "d"
        default: break
        }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        if scalar.value < 0x250, let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first {
            return String(decomposed)
        }
        return String(scalar)
    }

    private static let cyrillicToLatin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "e", "ў": "u",
    ]

    static func transliterate(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let latin = cyrillicToLatin[character] { result += latin } else { result.append(character) }
        }
        return result
    }

    /// Makes the common romanizations of one Russian word agree: `shch` → `sch`, `kh` → `h`, `ck`/`c`/`q` → `k`,
    /// `ph` → `f`, `x` → `ks`, `w` → `v`, `j`/`y` → `i`, then `ie`/`ei` → `e`, and doubled letters once. A few passes
    /// over the scalars: the merge computes this for every title of every record.
    static func loosen(_ latin: String) -> String {
        let input = Array(latin.unicodeScalars)
        var consonants: [Unicode.Scalar] = []
        consonants.reserveCapacity(input.count + 4)
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < input.count ? input[index + offset] : nil }
        while index < input.count {
            switch input[index] {
            case "s" where at(1) == "h" && at(2) == "c" && at(3) == "h":
                consonants += ["s", "k", "h"]; index += 4
            case "k" where at(1) == "h":
                consonants.append("h"); index += 2
            case "c" where at(1) == "k":
                consonants.append("k"); index += 2
            case "p" where at(1) == "h":
                consonants.append("f"); index += 2
            case "x": consonants += ["k", "s"]; index += 1
            case "w": consonants.append("v"); index += 1
            case "q", "c": consonants.append("k"); index += 1
            case "j", "y": consonants.append("i"); index += 1
            case let scalar: consonants.append(scalar); index += 1
            }
        }
        let vowels = collapse(collapse(consonants, "i", "e"), "e", "i")
        var output = String.UnicodeScalarView()
        for scalar in vowels where scalar == " " || output.last != scalar { output.append(scalar) }
        return String(output)
    }

    /// Replaces every `first second` pair, left to right, with `e`.
    private static func collapse(_ scalars: [Unicode.Scalar], _ first: Unicode.Scalar, _ second: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == first, index + 1 < scalars.count, scalars[index + 1] == second {
                result.append("e")
                index += 2
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }
}
