internal import CICU

extension Tokenizer {
    /// Appends the normalized UTF-8 form of `units[start..<end]` to `bytes` and returns the scripts it has.
    ///
    /// Words of plain ASCII and basic Cyrillic (almost all real text) take a fast path without ICU; anything else
    /// goes through NFKC case folding, Latin diacritic removal and NFC.
    mutating func normalize(_ start: Int, _ end: Int) -> ScriptFlags {
        let mark = byteCount
        if let flags = normalizeSimple(start, end) {
            return flags
        }
        byteCount = mark
        return normalizeWithICU(start, end)
    }

    /// The fast path: ASCII letters and digits, Cyrillic А–я, Ё/ё and apostrophes. Returns nil at the first other
    /// character, leaving partial output for the caller to drop.
    private mutating func normalizeSimple(_ start: Int, _ end: Int) -> ScriptFlags? {
        bytes.reserve(byteCount + 2 * (end - start), preserving: byteCount)
        let out = bytes.base
        var count = byteCount
        var flags = ScriptFlags()
        for index in start..<end {
            let unit = units.base[index]
            if unit < 0x80 {
                switch unit {
                case 0x41...0x5A:
                    out[count] = UInt8(unit | 0x20)
                    count += 1
                    flags.insert(.latin)
                case 0x61...0x7A:
                    out[count] = UInt8(unit)
                    count += 1
                    flags.insert(.latin)
                case 0x30...0x39:
                    out[count] = UInt8(unit)
                    count += 1
                    flags.insert(.digits)
                case 0x27:
                    continue
                default:
                    // Connectors ICU keeps inside words and numbers: "3.14", "u.s.a", "snake_case".
                    out[count] = UInt8(unit)
                    count += 1
                }
            } else if unit >= 0x0410, unit <= 0x044F {
                let lower = unit <= 0x042F ? unit + 0x20 : unit
                out[count] = UInt8(0xC0 | lower >> 6)
                out[count + 1] = UInt8(0x80 | lower & 0x3F)
                count += 2
                flags.insert(.cyrillic)
            } else if unit == 0x0401 || unit == 0x0451 {
                out[count] = 0xD0
                out[count + 1] = 0xB5
                count += 2
                flags.insert(.cyrillic)
            } else if unit == 0x2019 {
                continue
            } else {
                return nil
            }
        }
        byteCount = count
        return flags
    }

    /// The general path through ICU: NFKC_Casefold (case folding, compatibility forms, default ignorables removed),
    /// then NFD to drop combining marks on Latin letters and the diaeresis of "ё", then NFC to recompose "й" and the
    /// rest, then a final pass for apostrophes and Latin letters that have no decomposition ("ø", "ł", "æ").
    private mutating func normalizeWithICU(_ start: Int, _ end: Int) -> ScriptFlags {
        let folded = icuNormalize(nfkcCasefold, units.base + start, end - start, into: &normalizationA)
        let decomposed = icuNormalize(nfd, normalizationA.base, folded, into: &normalizationB)
        let filtered = dropMarks(count: decomposed)
        let composed = icuNormalize(nfc, normalizationA.base, filtered, into: &normalizationB)
        return appendFinal(count: composed)
    }

    private func icuNormalize(_ normalizer: OpaquePointer, _ source: UnsafePointer<UInt16>, _ count: Int,
                              into buffer: inout ScratchBuffer<UInt16>) -> Int {
        guard count > 0 else { return 0 }
        buffer.reserve(count * 2 + 16)
        var status: Int32 = 0
        var length = kino_unorm2_normalize(normalizer, source, Int32(count), buffer.base, Int32(buffer.capacity),
                                           &status)
        if status == KINO_U_BUFFER_OVERFLOW_ERROR {
            buffer.reserve(Int(length) + 16)
            status = 0
            length = kino_unorm2_normalize(normalizer, source, Int32(count), buffer.base, Int32(buffer.capacity),
                                           &status)
        }
        guard status <= 0, length >= 0 else { return 0 }
        return Int(length)
    }

    /// Copies the decomposed text from `normalizationB` to `normalizationA` without the nonspacing marks that
    /// follow a Latin letter ("é" → "e") and without the diaeresis on "е" ("ё" → "е"). Cyrillic "й" keeps its breve.
    private mutating func dropMarks(count: Int) -> Int {
        normalizationA.reserve(count + 1)
        let source = normalizationB.base
        let out = normalizationA.base
        var written = 0
        var index = 0
        var baseIsLatin = false
        var baseIsIe = false
        while index < count {
            let (scalar, length) = Self.decodeUTF16(source, at: index, count: count)
            if kino_u_char_type(Int32(bitPattern: scalar)) == KINO_U_NON_SPACING_MARK {
                if baseIsLatin || (baseIsIe && scalar == 0x0308) {
                    index += length
                    continue
                }
            } else {
                baseIsLatin = Self.isLatin(scalar)
                baseIsIe = scalar == 0x0435
            }
            for offset in 0..<length {
                out[written + offset] = source[index + offset]
            }
            written += length
            index += length
        }
        return written
    }

    /// Appends the composed text in `normalizationB` to `bytes` as UTF-8, folding what NFKC leaves alone.
    private mutating func appendFinal(count: Int) -> ScriptFlags {
        bytes.reserve(byteCount + count * 3 + 8, preserving: byteCount)
        let source = normalizationB.base
        var flags = ScriptFlags()
        var index = 0
        while index < count {
            let (scalar, length) = Self.decodeUTF16(source, at: index, count: count)
            index += length
            switch scalar {
            case 0x27, 0x2018, 0x2019, 0x02BC:
                continue
            case 0x0451:
                appendUTF8(0x0435)
            case 0x00F8:
                appendUTF8(0x6F)  // ø
            case 0x0111, 0x00F0:
                appendUTF8(0x64)  // đ, ð
            case 0x0127:
                appendUTF8(0x68)  // ħ
            case 0x0131:
                appendUTF8(0x69)  // dotless ı
            case 0x0142:
                appendUTF8(0x6C)  // ł
            case 0x0167:
                appendUTF8(0x74)  // ŧ
            case 0x00E6:
                appendUTF8(0x61)  // æ
                appendUTF8(0x65)
            case 0x0153:
                appendUTF8(0x6F)  // œ
                appendUTF8(0x65)
            case 0x00FE:
                appendUTF8(0x74)  // þ
                appendUTF8(0x68)
            case 0x13A0...0x13EF:
                // Case folding maps Cherokee to its upper-case letters; index the lower-case ones.
                appendUTF8(scalar - 0x13A0 + 0xAB70)
            case 0x13F0...0x13F5:
                appendUTF8(scalar + 8)
            default:
                appendUTF8(scalar)
            }
            flags.formUnion(Self.scriptFlags(of: scalar))
        }
        return flags
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        let out = bytes.base + byteCount
        switch scalar {
        case ..<0x80:
            out[0] = UInt8(scalar)
            byteCount += 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            byteCount += 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            byteCount += 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            byteCount += 4
        }
    }

    /// Decodes one code point; a lone surrogate (which ICU never produces from valid input) becomes U+FFFD.
    static func decodeUTF16(_ units: UnsafePointer<UInt16>, at index: Int, count: Int) -> (UInt32, Int) {
        let unit = UInt32(units[index])
        if unit & 0xFC00 == 0xD800, index + 1 < count {
            let trail = UInt32(units[index + 1])
            if trail & 0xFC00 == 0xDC00 {
                return (0x10000 + ((unit - 0xD800) << 10) + (trail - 0xDC00), 2)
            }
        }
        if unit & 0xF800 == 0xD800 {
            return (0xFFFD, 1)
        }
        return (unit, 1)
    }

    static func isLatin(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x1D00...0x1D7F,
             0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06:
            return true
        default:
            return false
        }
    }

    static func isCyrillic(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            return true
        default:
            return false
        }
    }

    private static func scriptFlags(of scalar: UInt32) -> ScriptFlags {
        if scalar < 0x80 {
            switch scalar {
            case 0x30...0x39: return .digits
            case 0x61...0x7A: return .latin
            default: return []
            }
        }
        if isCyrillic(scalar) { return .cyrillic }
        switch kino_u_char_type(Int32(bitPattern: scalar)) {
        case 1...5:
            return isLatin(scalar) ? .latin : .otherLetters
        case 9...11:
            return .digits
        default:
            return []
        }
    }
}
