internal import CICU

extension Tokenizer {
    /// Analyses `text`, calling `body` for every token in order.
    mutating func analyze(_ text: String, stemming: Bool, _ body: (RawToken) -> Void) {
        var text = text
        text.withUTF8 { all in
            analyze(utf8: all, stemming: stemming, body)
        }
    }

    /// The same over valid UTF-8. A word of one keyboard alphabet, between punctuation or not, is read without
    /// word breaking or Unicode normalization (``withPlainWord(_:trimming:stemming:_:)``).
    mutating func analyze(utf8 all: UnsafeBufferPointer<UInt8>, stemming: Bool, _ body: (RawToken) -> Void) {
        if withPlainWord(all, trimming: true, stemming: stemming, body) != nil { return }
        analyzeFully(utf8: all, stemming: stemming, body)
    }

    /// ``analyze(utf8:stemming:_:)`` through word breaking and normalization, whatever the text.
    mutating func analyzeFully(utf8 all: UnsafeBufferPointer<UInt8>, stemming: Bool, _ body: (RawToken) -> Void) {
        var position = 0
        var offset = 0
        while offset < all.count {
            let end = Self.chunkEnd(of: all, from: offset)
            analyzeChunk(UnsafeBufferPointer(rebasing: all[offset..<end]), at: offset, stemming: stemming,
                         position: &position, body)
            offset = end
        }
    }

    /// Where the chunk starting at `start` ends: after the last whitespace in its second half, or else at the last
    /// scalar boundary (a hostile input without spaces may then have a word cut in two).
    static func chunkEnd(of all: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let limit = start + chunkBytes
        guard limit < all.count else { return all.count }
        var index = limit - 1
        while index > start + chunkBytes / 2 {
            switch all[index] {
            case 0x20, 0x0A, 0x0D, 0x09: return index + 1
            default: index -= 1
            }
        }
        var end = limit
        while end > start + 1, all[end] & 0xC0 == 0x80 {
            end -= 1
        }
        return end
    }

    private mutating func analyzeChunk(_ chunk: UnsafeBufferPointer<UInt8>, at chunkOffset: Int, stemming: Bool,
                                       position: inout Int, _ body: (RawToken) -> Void) {
        let unitCount = transcode(chunk)
        findSegments(unitCount: unitCount)

        var cursor = Cursor()
        var index = 0
        while index < segmentCount {
            var last = index
            while last + 1 < segmentCount, joinable(segments.base[last], segments.base[last + 1]) {
                last += 1
            }
            pieceCount = 0
            if last == index {
                let segment = segments.base[index]
                if isElision(segment) {
                    addElisionPieces(segment)
                    emitGroup(chunk, at: chunkOffset, cursor: &cursor, stemming: stemming, position: &position, body)
                } else {
                    emitWord(Int(segment.start), Int(segment.end), chunk, at: chunkOffset, cursor: &cursor,
                             stemming: stemming, position: &position, body)
                }
            } else if last - index < Self.maximumCompoundParts {
                for member in index...last {
                    let segment = segments.base[member]
                    var piece = Piece(start16: Int(segment.start), end16: Int(segment.end))
                    piece.plusBefore = member > index && units.base[Int(segment.start) - 1] == 0x2B
                    appendPiece(piece)
                }
                emitGroup(chunk, at: chunkOffset, cursor: &cursor, stemming: stemming, position: &position, body)
            } else {
                for member in index...last {
                    let segment = segments.base[member]
                    emitWord(Int(segment.start), Int(segment.end), chunk, at: chunkOffset, cursor: &cursor,
                             stemming: stemming, position: &position, body)
                }
            }
            index = last + 1
        }
    }

    /// Adds a piece to the current word group, which never has more than ``maximumCompoundParts``.
    private mutating func appendPiece(_ piece: Piece) {
        pieces.base[pieceCount] = piece
        pieceCount += 1
    }

    /// Converts a chunk of valid UTF-8 to UTF-16 in `units`; returns the number of code units.
    private mutating func transcode(_ chunk: UnsafeBufferPointer<UInt8>) -> Int {
        units.reserve(chunk.count + 1)
        let out = units.base
        var input = 0
        var output = 0
        let count = chunk.count
        while input < count, chunk[input] < 0x80 {
            out[input] = UInt16(chunk[input])
            input += 1
        }
        output = input
        asciiPrefix = input
        while input < count {
            let lead = chunk[input]
            if lead < 0x80 {
                out[output] = UInt16(lead)
                input += 1
                output += 1
            } else if lead < 0xE0, input + 1 < count {
                out[output] = UInt16(lead & 0x1F) << 6 | UInt16(chunk[input + 1] & 0x3F)
                input += 2
                output += 1
            } else if lead < 0xF0, input + 2 < count {
                out[output] = UInt16(lead & 0x0F) << 12 | UInt16(chunk[input + 1] & 0x3F) << 6
                    | UInt16(chunk[input + 2] & 0x3F)
                input += 3
                output += 1
            } else if input + 3 < count {
                let scalar = UInt32(lead & 0x07) << 18 | UInt32(chunk[input + 1] & 0x3F) << 12
                    | UInt32(chunk[input + 2] & 0x3F) << 6 | UInt32(chunk[input + 3] & 0x3F)
                let offset = scalar &- 0x10000
                out[output] = UInt16(truncatingIfNeeded: 0xD800 + (offset >> 10))
                out[output + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (offset & 0x3FF))
                input += 4
                output += 2
            } else {
                // Unreachable for the valid UTF-8 a String holds; kept so a truncated sequence cannot overrun.
                out[output] = 0xFFFD
                input = count
                output += 1
            }
        }
        return output
    }

    /// Runs the ICU word break iterator over `units` and keeps the segments that are words or numbers.
    private mutating func findSegments(unitCount: Int) {
        segmentCount = 0
        var status: Int32 = 0
        kino_ubrk_set_text(breaker, units.base, Int32(unitCount), &status)
        guard status <= 0 else { return }
        var start = kino_ubrk_first(breaker)
        while true {
            let end = kino_ubrk_next(breaker)
            if end < 0 { break }
            let rule = kino_ubrk_rule_status(breaker)
            if rule >= KINO_UBRK_WORD_NONE_LIMIT {
                segments.reserve(segmentCount + 1, preserving: segmentCount)
                segments.base[segmentCount] = Segment(start: start, end: end,
                                                      isNumber: rule < KINO_UBRK_WORD_NUMBER_LIMIT)
                segmentCount += 1
            }
            start = end
        }
    }

    /// Whether two segments form one compound: a hyphen between them with no space ("Человек-паук", "Ту-154",
    /// but not "1941-1945"), or a plus between two numbers ("1+1").
    private func joinable(_ left: Segment, _ right: Segment) -> Bool {
        guard right.start == left.end + 1 else { return false }
        switch units.base[Int(left.end)] {
        case 0x2D, 0x2010, 0x2011: return !(left.isNumber && right.isNumber)
        case 0x2B: return left.isNumber && right.isNumber
        default: return false
        }
    }

    /// Whether a segment is an elision like "O'Brien" or "d'Artagnan": one letter, an apostrophe and a word of at
    /// least three letters. It is then taken as a compound of two pieces.
    private func isElision(_ segment: Segment) -> Bool {
        let start = Int(segment.start)
        return Int(segment.end) - start >= 5 && Self.isApostrophe(units.base[start + 1])
            && Self.isSimpleLetter(units.base[start])
    }

    private mutating func addElisionPieces(_ segment: Segment) {
        let start = Int(segment.start)
        appendPiece(Piece(start16: start, end16: start + 1))
        appendPiece(Piece(start16: start + 2, end16: Int(segment.end)))
    }

    static func isApostrophe(_ unit: UInt16) -> Bool {
        unit == 0x27 || unit == 0x2019
    }

    private static func isSimpleLetter(_ unit: UInt16) -> Bool {
        (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A || (unit >= 0x0410 && unit <= 0x044F)
    }

    /// Normalizes and emits a plain word (the common case, kept apart from compounds for speed).
    private mutating func emitWord(_ start16: Int, _ end16: Int, _ chunk: UnsafeBufferPointer<UInt8>,
                                   at chunkOffset: Int, cursor: inout Cursor, stemming: Bool, position: inout Int,
                                   _ body: (RawToken) -> Void) {
        guard end16 - start16 <= Self.maximumTokenUnits else { return }
        advance(&cursor, to: start16)
        let start8 = cursor.utf8
        advance(&cursor, to: end16)
        let end8 = cursor.utf8
        byteCount = 0
        let flags = normalize(start16, end16)
        guard byteCount > 0 else { return }
        let text = UnsafeBufferPointer(rebasing: chunk[start8..<end8])
        let range = chunkOffset + start8..<chunkOffset + end8
        emit(normalized: UnsafeBufferPointer(start: bytes.base, count: byteCount), flags: flags, kind: .word,
             position: position, range: range, stemming: stemming, body)
        if let value = RomanNumeral.value(ofUppercase: text) {
            var digits = String(value)
            digits.withUTF8 { digits in
                body(RawToken(normalized: digits, stem: digits, script: .digits, position: position,
                              kind: .numeralValue, utf8Range: range))
            }
        }
        position += 1
    }

    /// Normalizes the pieces of one word group and emits its tokens: the joined compound first when the group has
    /// several valid pieces, then each piece.
    private mutating func emitGroup(_ chunk: UnsafeBufferPointer<UInt8>, at chunkOffset: Int, cursor: inout Cursor,
                                    stemming: Bool, position: inout Int, _ body: (RawToken) -> Void) {
        byteCount = 0
        var allValid = true
        var flags = ScriptFlags()
        for index in 0..<pieceCount {
            var piece = pieces.base[index]
            advance(&cursor, to: piece.start16)
            piece.start8 = cursor.utf8
            advance(&cursor, to: piece.end16)
            piece.end8 = cursor.utf8
            if piece.plusBefore {
                bytes.reserve(byteCount + 1, preserving: byteCount)
                bytes.base[byteCount] = 0x2B
                byteCount += 1
            }
            piece.normalizedStart = byteCount
            if piece.end16 - piece.start16 <= Self.maximumTokenUnits {
                piece.flags = normalize(piece.start16, piece.end16)
            }
            piece.normalizedEnd = byteCount
            piece.isValid = piece.normalizedEnd > piece.normalizedStart
            allValid = allValid && piece.isValid
            flags.formUnion(piece.flags)
            pieces.base[index] = piece
        }

        let isCompound = pieceCount > 1 && allValid
        if isCompound {
            let first = pieces.base[0]
            let last = pieces.base[pieceCount - 1]
            emit(normalized: UnsafeBufferPointer(start: bytes.base + first.normalizedStart,
                                                 count: last.normalizedEnd - first.normalizedStart),
                 flags: flags, kind: .compound, position: position,
                 range: chunkOffset + first.start8..<chunkOffset + last.end8, stemming: stemming, body)
        }
        for index in 0..<pieceCount {
            let piece = pieces.base[index]
            guard piece.isValid else { continue }
            let text = UnsafeBufferPointer(rebasing: chunk[piece.start8..<piece.end8])
            let normalized = UnsafeBufferPointer(start: bytes.base + piece.normalizedStart,
                                                 count: piece.normalizedEnd - piece.normalizedStart)
            let range = chunkOffset + piece.start8..<chunkOffset + piece.end8
            emit(normalized: normalized, flags: piece.flags, kind: isCompound ? .compoundPart : .word,
                 position: position, range: range, stemming: stemming, body)
            if !isCompound, let value = RomanNumeral.value(ofUppercase: text) {
                var digits = String(value)
                digits.withUTF8 { digits in
                    body(RawToken(normalized: digits, stem: digits, script: .digits, position: position,
                                  kind: .numeralValue, utf8Range: range))
                }
            }
            position += 1
        }
    }

    private mutating func emit(normalized: UnsafeBufferPointer<UInt8>, flags: ScriptFlags, kind: Token.Kind,
                               position: Int, range: Range<Int>, stemming: Bool, _ body: (RawToken) -> Void) {
        let script = flags.script
        if stemming, let stemmer = stemmer(for: script) {
            if let stem = stemCache.lookup(normalized) {
                body(RawToken(normalized: normalized, stem: stem, script: script, position: position,
                              kind: kind, utf8Range: range))
                return
            }
            stemmer.withStem(of: normalized) { stem in
                stemCache.store(normalized, stem: stem)
                body(RawToken(normalized: normalized, stem: stem, script: script, position: position,
                              kind: kind, utf8Range: range))
            }
        } else {
            body(RawToken(normalized: normalized, stem: normalized, script: script, position: position,
                          kind: kind, utf8Range: range))
        }
    }

    /// A position in the current chunk, in UTF-16 and UTF-8 code units at once.
    struct Cursor {
        var utf16 = 0
        var utf8 = 0
    }

    /// Moves the cursor forward to a code point boundary, keeping the UTF-8 offset in step.
    private func advance(_ cursor: inout Cursor, to target: Int) {
        if target <= asciiPrefix {
            cursor = Cursor(utf16: target, utf8: target)
            return
        }
        let base = units.base
        while cursor.utf16 < target {
            let unit = base[cursor.utf16]
            if unit < 0x80 {
                cursor.utf8 += 1
                cursor.utf16 += 1
            } else if unit < 0x800 {
                cursor.utf8 += 2
                cursor.utf16 += 1
            } else if unit & 0xFC00 == 0xD800 {
                cursor.utf8 += 4
                cursor.utf16 += 2
            } else {
                cursor.utf8 += 3
                cursor.utf16 += 1
            }
        }
    }
}
