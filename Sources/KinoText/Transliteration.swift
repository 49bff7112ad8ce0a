/// Russian words in Latin letters and back, the way people actually type them.
///
/// There is no single right spelling: "матрица" is typed "matritsa" and "matrica", "жизнь" is "zhizn" and "jizn",
/// "счастье" is "schastye" and "shchastye". Both directions therefore give a few ranked candidates rather than one.
/// Candidates are lower-case; "ё" comes out as "е", as the analyzer normalizes it. Characters that are not letters of
/// the source alphabet are copied, so whole phrases can be transliterated.
public enum Transliteration {
    /// The most candidates either direction returns.
    public static let maximumCandidates = 8

    /// Latin spellings of Cyrillic text, most likely first: "матрица" → ["matritsa", "matrica", ...].
    /// Empty if `text` has no Cyrillic letters or is longer than 256 characters.
    public static func toLatin(_ text: String, limit: Int = maximumCandidates) -> [String] {
        cyrillicToLatin.candidates(for: text, limit: min(limit, maximumCandidates))
    }

    /// Cyrillic readings of Latin text, most likely first: "brat" → ["брат", ...], "moskva" → ["москва", ...].
    /// Empty if `text` has no Latin letters or is longer than 256 characters.
    public static func toCyrillic(_ text: String, limit: Int = maximumCandidates) -> [String] {
        latinToCyrillic.candidates(for: text, limit: min(limit, maximumCandidates))
    }

    /// Costs: 0 for the usual spelling, then rarer ones. Based on common practice (passport, BGN/PCGN, GOST and
    /// informal "translit") rather than on one standard.
    static let cyrillicToLatin = TransliterationScheme(
        letters: "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        vowels: "аеёиоуыэюя",
        rows: [
            ("а", .anywhere, [("a", 0)]),
            ("б", .anywhere, [("b", 0)]),
            ("в", .anywhere, [("v", 0), ("w", 6)]),
            ("г", .anywhere, [("g", 0)]),
            ("д", .anywhere, [("d", 0)]),
            ("е", .anywhere, [("e", 0), ("ye", 5)]),
            ("е", .wordStart, [("ye", 2)]),
            ("е", .afterVowel, [("ye", 2)]),
            ("ё", .anywhere, [("e", 0), ("yo", 1), ("jo", 5)]),
            ("ж", .anywhere, [("zh", 0), ("j", 3), ("z", 8)]),
            ("з", .anywhere, [("z", 0)]),
            ("и", .anywhere, [("i", 0), ("y", 8)]),
            ("й", .anywhere, [("y", 0), ("i", 3), ("j", 4)]),
            ("ий", .wordEnd, [("y", 1), ("i", 3), ("ij", 5)]),
            ("ый", .wordEnd, [("y", 0), ("iy", 2)]),
            ("к", .anywhere, [("k", 0), ("c", 8)]),
            ("кс", .anywhere, [("x", 4)]),
            ("л", .anywhere, [("l", 0)]),
            ("м", .anywhere, [("m", 0)]),
            ("н", .anywhere, [("n", 0)]),
            ("о", .anywhere, [("o", 0)]),
            ("п", .anywhere, [("p", 0)]),
            ("р", .anywhere, [("r", 0)]),
            ("с", .anywhere, [("s", 0)]),
            ("сч", .anywhere, [("shch", 3)]),
            ("т", .anywhere, [("t", 0)]),
            ("у", .anywhere, [("u", 0)]),
            ("ф", .anywhere, [("f", 0), ("ph", 8)]),
            ("х", .anywhere, [("kh", 0), ("h", 2), ("x", 5)]),
            ("ц", .anywhere, [("ts", 0), ("c", 1), ("tz", 5)]),
            ("ч", .anywhere, [("ch", 0), ("tch", 8)]),
            ("ш", .anywhere, [("sh", 0)]),
            ("щ", .anywhere, [("sch", 0), ("shch", 1), ("sh", 5)]),
            ("ъ", .notBeforeVowel, [("", 0)]),
            ("ъе", .anywhere, [("ye", 0), ("e", 2)]),
            ("ъё", .anywhere, [("yo", 0), ("ye", 3)]),
            ("ъя", .anywhere, [("ya", 0)]),
            ("ъю", .anywhere, [("yu", 0)]),
            ("ы", .anywhere, [("y", 0), ("i", 4)]),
            ("ь", .notBeforeVowel, [("", 0)]),
            ("ье", .anywhere, [("ye", 0), ("e", 2), ("ie", 4)]),
            ("ьё", .anywhere, [("yo", 0), ("ye", 3)]),
            ("ьи", .anywhere, [("yi", 0), ("i", 2)]),
            ("ьо", .anywhere, [("yo", 0), ("o", 2)]),
            ("ью", .anywhere, [("yu", 0), ("iu", 4)]),
            ("ья", .anywhere, [("ya", 0), ("ia", 4)]),
            ("ьа", .anywhere, [("a", 0)]),
            ("ьу", .anywhere, [("u", 0)]),
            ("ьы", .anywhere, [("y", 0)]),
            ("ьэ", .anywhere, [("e", 0)]),
            ("ъа", .anywhere, [("a", 0)]),
            ("ъи", .anywhere, [("i", 0)]),
            ("ъо", .anywhere, [("o", 0)]),
            ("ъу", .anywhere, [("u", 0)]),
            ("ъы", .anywhere, [("y", 0)]),
            ("ъэ", .anywhere, [("e", 0)]),
            ("э", .anywhere, [("e", 0)]),
            ("ю", .anywhere, [("yu", 0), ("iu", 3), ("ju", 4), ("u", 8)]),
            ("я", .anywhere, [("ya", 0), ("ia", 3), ("ja", 4)]),
        ]
    )

    static let latinToCyrillic = TransliterationScheme(
        letters: "abcdefghijklmnopqrstuvwxyz'’",
        vowels: "aeiouy",
        ending: .init(after: ["л", "н", "т", "с", "з", "д", "р", "м"], suffix: "ь", cost: 3),
        rows: [
            ("a", .anywhere, [("а", 0)]),
            ("b", .anywhere, [("б", 0)]),
            ("c", .anywhere, [("ц", 2), ("к", 3), ("с", 4)]),
            ("ch", .anywhere, [("ч", 0)]),
            ("ck", .anywhere, [("к", 1)]),
            ("d", .anywhere, [("д", 0)]),
            ("e", .anywhere, [("е", 0), ("э", 4)]),
            ("e", .wordStart, [("э", 2)]),
            ("f", .anywhere, [("ф", 0)]),
            ("g", .anywhere, [("г", 0)]),
            ("gh", .anywhere, [("г", 3)]),
            ("h", .anywhere, [("х", 3)]),
            ("i", .anywhere, [("и", 0), ("ы", 8)]),
            ("i", .afterVowel, [("й", 2)]),
            ("ia", .anywhere, [("я", 3)]),
            ("iu", .anywhere, [("ю", 3)]),
            ("j", .anywhere, [("ж", 2), ("й", 3), ("дж", 5)]),
            ("ja", .anywhere, [("я", 1)]),
            ("je", .anywhere, [("е", 2)]),
            ("jo", .anywhere, [("е", 2)]),
            ("ju", .anywhere, [("ю", 1)]),
            ("k", .anywhere, [("к", 0)]),
            ("kh", .anywhere, [("х", 0)]),
            ("l", .anywhere, [("л", 0)]),
            ("m", .anywhere, [("м", 0)]),
            ("n", .anywhere, [("н", 0)]),
            ("o", .anywhere, [("о", 0)]),
            ("p", .anywhere, [("п", 0)]),
            ("ph", .anywhere, [("ф", 3)]),
            ("q", .anywhere, [("к", 2)]),
            ("r", .anywhere, [("р", 0)]),
            ("s", .anywhere, [("с", 0)]),
            ("sh", .anywhere, [("ш", 0)]),
            ("shch", .anywhere, [("щ", 0)]),
            ("sch", .anywhere, [("щ", 1)]),
            ("t", .anywhere, [("т", 0)]),
            ("ts", .anywhere, [("ц", 0)]),
            ("tz", .anywhere, [("ц", 1)]),
            ("tch", .anywhere, [("ч", 2)]),
            ("u", .anywhere, [("у", 0), ("ю", 5)]),
            ("v", .anywhere, [("в", 0)]),
            ("w", .anywhere, [("в", 1)]),
            ("x", .anywhere, [("кс", 1), ("х", 2)]),
            ("y", .anywhere, [("й", 3), ("и", 4)]),
            ("y", .notWordStart, [("ы", 1)]),
            ("y", .afterVowel, [("й", 0)]),
            ("y", .wordEnd, [("ий", 0), ("и", 1), ("ый", 2)]),
            ("ya", .anywhere, [("я", 0)]),
            ("ya", .afterConsonant, [("ья", 2)]),
            ("ye", .anywhere, [("е", 1), ("э", 4)]),
            ("ye", .wordStart, [("е", 0)]),
            ("ye", .afterConsonant, [("ье", 0)]),
            ("yo", .anywhere, [("е", 0), ("йо", 2)]),
            ("yu", .anywhere, [("ю", 0)]),
            ("yu", .afterConsonant, [("ью", 2)]),
            ("z", .anywhere, [("з", 0)]),
            ("zh", .anywhere, [("ж", 0)]),
            ("'", .anywhere, [("ь", 0)]),
            ("’", .anywhere, [("ь", 0)]),
        ]
    )
}
