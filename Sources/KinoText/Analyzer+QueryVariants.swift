extension Analyzer {
    /// What a query should try for one word (or a short phrase) of user input, most likely first: the text as typed;
    /// the text in the other keyboard layout ("vfnhbwf" → "матрица", "ыефк цфкы" → "star wars"); and up to
    /// ``Transliteration/maximumCandidates`` transliterations ("brat" → "брат", "matrica" → "матрица").
    ///
    /// Pass raw input with its punctuation, before analysis: in the wrong layout "," is "б" (",hfn" → "брат").
    /// Latin text is transliterated from its normalized form, Cyrillic text as typed (so "ё" can become "yo").
    /// Layout conversion and transliteration apply only to text in one alphabet; layout conversion also needs every
    /// letter to be on the keyboard ("Amélie" is only transliterated). A layout rewrite that cannot be a
    /// word (it starts with "ь", "ъ" or "ы", or has no vowel in four letters or more) is left out, as are variants
    /// whose normalized tokens repeat an earlier variant's, and variants without tokens.
    ///
    /// `keepsTransliteration` sees each transliteration before it is analysed: a search can skip, without analysing
    /// them, guesses that are words it does not know (see ``isNormalizedWord(_:)``). Those it rejects are left out,
    /// but for the likeliest, which is kept for its spelling (a search may correct typos in it) without stems: its
    /// tokens' stems are their normalized forms, and ``Variant/isStemmed`` is false.
    public func queryVariants(_ word: String, keepsTransliteration: (String) -> Bool = { _ in true }) -> [Variant] {
        // A word has its reading as typed, in the other layout, and a few transliterations.
        var variants: [Variant] = []
        variants.reserveCapacity(2 + Transliteration.maximumCandidates)

        func add(_ kind: Variant.Kind, _ text: String, rank: Int) {
            var stemmed = true
            if kind == .transliteration, !keepsTransliteration(text) {
                guard rank == 0 else { return }
                stemmed = false
            }
            let tokens = stemmed ? self.tokens(text) : Self.unstemmedTokens(ofNormalizedWord: text)
            guard !tokens.isEmpty, !variants.contains(where: { Self.sameWords($0.tokens, tokens) }) else { return }
            variants.append(Variant(kind: kind, text: text, rank: rank, tokens: tokens, isStemmed: stemmed))
        }

        add(.original, word, rank: 0)
        let alphabet = Alphabet(of: word)
        switch alphabet {
        case .latin(let keyboardOnly):
            let rekeyed = KeyboardLayout.toCyrillic(word)
            if keyboardOnly,
               Alphabet.looksLikeWords(rekeyed, vowels: Alphabet.cyrillicVowels,
                                       forbiddenStarts: Alphabet.cyrillicForbiddenStarts) {
                add(.keyboardLayout, rekeyed, rank: 0)
            }
            // Diacritics and apostrophes go first: "Amélie" is read as "amelie". The word as typed was analysed
            // first, so its normalized form is that of its tokens (see `normalize(_:)`).
            var normalized = ""
            for token in variants.first?.tokens ?? [] where token.kind == .word || token.kind == .compound {
                if !normalized.isEmpty { normalized += " " }
                normalized += token.normalized
            }
            for (rank, candidate) in Transliteration.toCyrillic(normalized).enumerated() {
                add(.transliteration, candidate, rank: rank)
            }
        case .cyrillic(let keyboardOnly):
            let rekeyed = KeyboardLayout.toLatin(word)
            if keyboardOnly, Alphabet.looksLikeWords(rekeyed, vowels: Alphabet.latinVowels, forbiddenStarts: []) {
                add(.keyboardLayout, rekeyed, rank: 0)
            }
            for (rank, candidate) in Transliteration.toLatin(word).enumerated() {
                add(.transliteration, candidate, rank: rank)
            }
        case .none, .both:
            break
        }
        return variants
    }

    /// Whether two lists of tokens have the same normalized words, compared as bytes: comparing Cyrillic `String`s
    /// normalizes them.
    private static func sameWords(_ lhs: [Token], _ rhs: [Token]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.normalized.utf8.elementsEqual($1.normalized.utf8) }
    }

    /// The tokens of `text` without stems. A rejected transliteration is a normalized word (see
    /// ``isNormalizedWord(_:)``), whose one token is the word itself: it is made without analysis, which would give
    /// the same (a test checks it).
    static func unstemmedTokens(ofNormalizedWord text: String) -> [Token] {
        let latin = text.utf8.allSatisfy { $0 < 0x80 }
        guard text.utf8.count <= Tokenizer.maximumTokenUnits, isNormalizedWord(text),
              latin || text.utf8.allSatisfy({ $0 >= 0x80 }) else {
            return Analyzer(stemming: false).tokens(text)
        }
        let script: Script = latin ? .latin : .cyrillic
        return [Token(text: text[...], normalized: text, stem: text, script: script, position: 0, kind: .word,
                      utf8Range: 0..<text.utf8.count)]
    }

    /// Whether `text` is one word that analysis leaves as it is: lower-case letters a–z, or а–я without "ё" (what
    /// transliteration makes). Such a text is its own normalized form, one token.
    public static func isNormalizedWord(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            (0x61...0x7A).contains(scalar.value) || (0x0430...0x044F).contains(scalar.value)
        }
    }
}

/// Which of the two alphabets a query word uses, and whether all its letters are on the keyboard (A–Z, or
/// А–Я and Ё).
private enum Alphabet {
    case none
    case latin(keyboardOnly: Bool)
    case cyrillic(keyboardOnly: Bool)
    case both

    init(of text: String) {
        var latin = false
        var cyrillic = false
        var offKeyboard = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A:
                latin = true
            case 0x0410...0x044F, 0x0401, 0x0451:
                cyrillic = true
            case 0x0400...0x04FF:
                cyrillic = true
                offKeyboard = true
            case 0x00...0x7F:
                break
            case 0x00C0...0x024F where scalar.properties.isAlphabetic:
                latin = true
                offKeyboard = true
            default:
                offKeyboard = offKeyboard || scalar.properties.isAlphabetic
            }
        }
        switch (latin, cyrillic) {
        case (true, true): self = .both
        case (true, false): self = .latin(keyboardOnly: !offKeyboard)
        case (false, true): self = .cyrillic(keyboardOnly: !offKeyboard)
        case (false, false): self = .none
        }
    }

    // Short lists: finding a scalar among a few costs less than hashing it.
    static let cyrillicVowels = Array("аеёиоуыэюя".unicodeScalars)
    static let cyrillicForbiddenStarts = Array("ьъы".unicodeScalars)
    static let latinVowels = Array("aeiouy".unicodeScalars)

    /// A cheap check that every run of letters in `text` could be a word: it does not start with one of
    /// `forbiddenStarts`, and a run of four letters or more has a vowel.
    static func looksLikeWords(_ text: String, vowels: [Unicode.Scalar],
                               forbiddenStarts forbidden: [Unicode.Scalar]) -> Bool {
        var length = 0
        var hasVowel = false
        // Letters of the two keyboards are known to be letters without Unicode's tables.
        for scalar in Unicode.Scalar.lowercased(text) {
            if scalar.isKeyboardLetter || !Unicode.Scalar.isKeyboardCharacter(scalar) && scalar.properties.isAlphabetic {
                if length == 0, forbidden.contains(scalar) { return false }
                length += 1
                hasVowel = hasVowel || vowels.contains(scalar)
            } else {
                if length >= 4, !hasVowel { return false }
                length = 0
                hasVowel = false
            }
        }
        return length < 4 || hasVowel
    }
}

extension Unicode.Scalar {
    /// ASCII, or a Cyrillic letter of the Russian keyboard (А–я, Ё, ё).
    static func isKeyboardCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0x0410...0x044F).contains(scalar.value) || scalar.value == 0x0401 || scalar.value == 0x0451
    }

    /// A letter among ``isKeyboardCharacter(_:)``.
    var isKeyboardLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x0410...0x044F, 0x0401, 0x0451: true
        default: false
        }
    }

    /// The scalars of `text.lowercased()`; text of keyboard characters is lower-cased by table, without
    /// Unicode's case mappings.
    static func lowercased(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.allSatisfy(isKeyboardCharacter)
            ? Array(text.unicodeScalars.lazy.map { $0.keyboardLowercase }) : Array(text.lowercased().unicodeScalars)
    }

    /// The lower case of a ``isKeyboardCharacter(_:)`` scalar, as `String.lowercased()` makes it.
    private var keyboardLowercase: Unicode.Scalar {
        switch value {
        case 0x41...0x5A, 0x0410...0x042F: Unicode.Scalar(value + 0x20)!
        case 0x0401: "ё"
        default: self
        }
    }
}
