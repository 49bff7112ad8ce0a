import Testing
import KinoText

/// Random and hostile input with a fixed seed: analysis never crashes or hangs, and its invariants hold.
struct FuzzTests {
    /// SplitMix64: small, fast and the same on every machine, so failures repeat.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Characters that stress word breaking and normalization.
    static let pool: [Unicode.Scalar] = {
        let visible: String = "aZ09 -'’‐‑–—+.,:;!?«»\"()[]_/\\\t\n\r"
            + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЙ"
            + "éÉøßæœıİŁ東京한국ไทยΣσςⅫⅣ²½①ＡＺ０９ﬁﷺ"
            + "👍🏽👨‍👩‍👧🇷🇺ᏣᎳᎩعربىעברית"
        let invisible: [Unicode.Scalar] = [
            "\u{0301}", "\u{0308}", "\u{0306}", "\u{0483}", "\u{20DD}",  // combining marks
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}",  // zero-width and format
            "\u{0000}", "\u{0007}", "\u{001B}", "\u{007F}", "\u{0085}", "\u{2028}", "\u{2029}",  // controls
            "\u{202E}", "\u{FFFD}", "\u{FFFF}", "\u{E000}", "\u{10FFFF}", "\u{1D400}",  // odd code points
        ]
        return Array(visible.unicodeScalars) + invisible
    }()

    static func randomText(length: Int, using generator: inout SeededGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            if Int.random(in: 0..<8, using: &generator) == 0 {
                let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            } else {
                scalars.append(pool[Int.random(in: 0..<pool.count, using: &generator)])
            }
        }
        return String(scalars)
    }

    static func randomBytes(count: Int, using generator: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The invariants every analysis must keep; checked by hand and reported once per input, since megabyte inputs
    /// have hundreds of thousands of tokens.
    static func checkInvariants(of text: String, analyzer: Analyzer = Analyzer()) {
        let tokens = analyzer.tokens(text)
        #expect(firstViolation(in: tokens, of: text) == nil)
        #expect(analyzer.terms(text) == tokens.map(\.stem))
    }

    static func firstViolation(in tokens: [Token], of text: String) -> String? {
        let bytes = Array(text.utf8)
        var previous: Token?
        for token in tokens {
            let description = "token \(token.position) \(token.normalized.debugDescription)"
            if token.normalized.isEmpty || token.stem.isEmpty || token.text.isEmpty {
                return "\(description) is empty"
            }
            if token.normalized != token.normalized.lowercased() {
                return "\(description) has upper case"
            }
            if token.normalized.contains("ё") {
                return "\(description) has ё"
            }
            if token.utf8Range.lowerBound < 0 || token.utf8Range.upperBound > bytes.count
                || String(decoding: bytes[token.utf8Range], as: UTF8.self) != token.text {
                return "\(description) has a wrong range \(token.utf8Range)"
            }
            if let previous {
                if token.position < previous.position {
                    return "\(description) goes back from position \(previous.position)"
                }
                if (token.kind == .word || token.kind == .compound) && token.position == previous.position {
                    return "\(description) repeats position \(previous.position)"
                }
            }
            previous = token
        }
        return nil
    }

    @Test func randomTextKeepsInvariants() {
        var generator = SeededGenerator(state: 0x4B49_4E4F)
        for _ in 0..<2_000 {
            let text = Self.randomText(length: Int.random(in: 0..<120, using: &generator), using: &generator)
            Self.checkInvariants(of: text)
            Self.checkInvariants(of: text, analyzer: Analyzer(stemming: false))
        }
    }

    @Test func invalidUTF8AndLoneSurrogatesAreRepairedNotFatal() {
        var generator = SeededGenerator(state: 7)
        let hostile: [[UInt8]] = [
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF, 0x41], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80], [0xFF, 0xFE],
            [0xD0], [0xE2, 0x80], Array("Матрица".utf8.dropLast()), [0xF0, 0x9F, 0x98],
        ]
        for bytes in hostile + (0..<500).map({ _ in
            Self.randomBytes(count: Int.random(in: 0..<200, using: &generator), using: &generator)
        }) {
            Self.checkInvariants(of: String(decoding: bytes, as: UTF8.self))
        }
        let loneSurrogates: [UInt16] = [0xD800, 0x41, 0xDC00, 0x0431, 0xDBFF]
        Self.checkInvariants(of: String(decoding: loneSurrogates, as: UTF16.self))
    }

    @Test func megabyteInputsFinish() {
        var generator = SeededGenerator(state: 1_000_000)
        let megabyte = 1 << 20
        let inputs = [
            String(decoding: Self.randomBytes(count: megabyte, using: &generator), as: UTF8.self),
            Self.randomText(length: megabyte / 3, using: &generator),
            String(repeating: "а", count: megabyte / 2),
            String(repeating: "a-", count: megabyte / 2),
            String(repeating: "1+", count: megabyte / 2),
            "e" + String(repeating: "\u{0301}", count: megabyte / 2),
            String(repeating: "\u{200B}", count: megabyte / 3),
            String(repeating: "Ёлки-палки O'Neil ", count: megabyte / 20),
        ]
        for text in inputs {
            Self.checkInvariants(of: text)
        }
    }

    @Test func queryFeaturesSurviveRandomInput() {
        var generator = SeededGenerator(state: 42)
        let analyzer = Analyzer()
        for _ in 0..<500 {
            let text = Self.randomText(length: Int.random(in: 0..<40, using: &generator), using: &generator)
            #expect(Transliteration.toLatin(text).count <= Transliteration.maximumCandidates)
            #expect(Transliteration.toCyrillic(text).count <= Transliteration.maximumCandidates)
            _ = KeyboardLayout.toLatin(KeyboardLayout.toCyrillic(text))
            #expect(analyzer.queryVariants(text).count <= 2 + Transliteration.maximumCandidates)
        }
    }
}
