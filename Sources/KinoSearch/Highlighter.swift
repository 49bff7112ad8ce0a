import Foundation
import KinoText

/// Marks the words of a film's title and description that the query matched, as HTML-escaped text with
/// `<mark>…</mark>` around each match; the description is cut to a snippet around its first match.
///
/// A class: the closures of one search's highlighting then share it instead of copying its lists.
final class Highlighter {
    // The query's strings are kept as they are (compared by their UTF-8: comparing Cyrillic `String`s normalizes
    // them), which makes no copy of each.
    /// Stems any reading of a query word matched exactly.
    private let stems: [String]
    /// Normalized prefixes of the word being typed.
    private let prefixes: [String]
    /// The normalized words of ``stems``: a plain word of a text that is one of them has one of the stems, which
    /// spares analysing it.
    private let words: [String]
    /// The stems and prefixes that no other one of them starts: where any of them occurs, one of these does.
    private let needles: [String]
    /// The same of what every word a stem or prefix matches starts with.
    private let wordStartNeedles: [String]
    /// Whether every one of ``wordStartNeedles`` is letters and digits only, so that a run of text can be checked
    /// for them with its punctuation left out (see ``lettersHaveNeedle(_:)``).
    private let needlesAreLetters: Bool
    private let analyzer: Analyzer
    private let enabled: Bool
    /// The snippet's length around the first match, in characters.
    static let snippetLength = 160
    /// How much of a long text, in UTF-8 bytes, a snippet is looked for in.
    static let snippetSource = 1500

    /// `isIndexed` says whether a stem is in the index: one that is not is the stem of no word of the texts (a
    /// keyboard-layout reading that is no word), and is not looked for.
    init(plan: QueryPlan, analyzer: Analyzer, enabled: Bool, isIndexed: (String) -> Bool = { _ in true }) {
        let readings = plan.words.reduce(0) { $0 + $1.readings.count }
        var stems: [String] = []
        stems.reserveCapacity(readings + 1)
        var prefixes: [String] = []
        var words: [String] = []
        words.reserveCapacity(readings)
        for word in plan.words {
            for reading in word.readings {
                for (term, normalized) in zip(reading.terms, reading.words) where isIndexed(term) {
                    stems.append(term)
                    words.append(normalized)
                }
                if let prefix = reading.prefix { prefixes.append(prefix) }
            }
        }
        if let year = plan.year { stems.append(String(year)) }
        Self.sortUnique(&stems)
        Self.sortUnique(&prefixes)
        Self.sortUnique(&words)
        self.stems = stems
        self.prefixes = prefixes
        self.words = words
        var needles = stems + prefixes
        Self.keepShortest(&needles)
        self.needles = needles
        // An English stem may end otherwise than its word ("citi" of "city", "hope" of "hoping"); a Russian stem is
        // always the start of its word.
        var wordStartNeedles = prefixes
        wordStartNeedles.reserveCapacity(prefixes.count + stems.count)
        for stem in stems {
            wordStartNeedles.append(stem.utf8.allSatisfy { $0 < 0x80 } ? Self.wordStart(ofEnglishStem: stem) : stem)
        }
        Self.keepShortest(&wordStartNeedles)
        self.wordStartNeedles = wordStartNeedles
        needlesAreLetters = wordStartNeedles.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(Self.isLetterByte) }
        self.analyzer = analyzer
        self.enabled = enabled && !plan.isEmpty
    }

    func highlight(_ film: IndexedFilm) -> SearchResponse.Highlight {
        guard enabled else { return SearchResponse.Highlight() }
        var result = SearchResponse.Highlight(title: mark(film.title, snippet: false))
        // The original title is often the title itself.
        if let original = film.originalTitle {
            result.originalTitle = original.utf8.elementsEqual(film.title.utf8) ? result.title
                : mark(original, snippet: false)
        }
        if let description = film.description {
            result.description = mark(description, snippet: true)
        }
        return result
    }

    /// What every English word with this stem starts with: the stem without the letters Porter2 may have written
    /// otherwise than the word. It turns a final "y" into "i" ("citi" of "city", "earli" of "early"), adds an "e"
    /// where it removed "-ing" or "-ed" ("hope" of "hoping") or rewrote a suffix ("relate" of "relational",
    /// "valence" of "valency"), writes "-bility" as "-bl" ("capabl" of "capabilities"), and spells a few words
    /// apart ("die" of "dying", "sky" of "skies"); everything else it only cuts off. Checked against the whole
    /// Snowball vocabulary.
    static func wordStart(ofEnglishStem stem: String) -> String {
        let bytes = stem.utf8
        var unstable = 0
        if let apart = spelledApart.first(where: { $0.stem.utf8.elementsEqual(bytes) }) {
            unstable = apart.unstable
        } else if let last = bytes.last, last == UInt8(ascii: "i") || last == UInt8(ascii: "e")
                    || last == UInt8(ascii: "l") && bytes.dropLast().last == UInt8(ascii: "b") {
            unstable = 1
        }
        return unstable == 0 ? stem : String(decoding: bytes.prefix(max(1, bytes.count - unstable)), as: UTF8.self)
    }

    /// Porter2's stems of words it spells apart, with how many of their last letters differ from a word's.
    private static let spelledApart: [(stem: String, unstable: Int)] = [("die", 2), ("lie", 2), ("tie", 2), ("sky", 1)]

    /// The text with its matched words marked, or nil when nothing in it matched.
    ///
    /// Only the text from the word where a query stem or prefix first occurs is analysed (no word before it can
    /// match), and for a snippet first only a window after it, as far as a snippet from there can reach; the rest
    /// only when the snippet would need it. `analysingAll` analyses all of it, as a check of these shortcuts.
    func mark(_ text: String, snippet: Bool, analysingAll: Bool = false) -> String? {
        var text = text
        return text.withUTF8 { all in
            // A snippet comes from the start of a long text: analysing all of it would cost more than the search.
            let length = snippet && all.count > Self.snippetSource
                ? Self.boundary(all, near: Self.snippetSource, forward: false) : all.count
            return mark(UnsafeBufferPointer(rebasing: all[..<length]), snippet: snippet, analysingAll: analysingAll)
        }
    }

    /// ``mark(_:snippet:analysingAll:)`` of a text's UTF-8, cut at a space or at its end.
    private func mark(_ utf8: UnsafeBufferPointer<UInt8>, snippet: Bool, analysingAll: Bool) -> String? {
        // Folding keeps every character's length in bytes, so offsets in the folded text are offsets in `utf8`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(utf8.count, 1)) { buffer in
            let folded = Self.fold(utf8, into: buffer) ? UnsafeBufferPointer(rebasing: buffer[..<utf8.count]) : nil
            return mark(utf8, folded: folded, snippet: snippet, analysingAll: analysingAll)
        }
    }

    /// ``mark(_:snippet:analysingAll:)`` of a text's UTF-8 and its folded form (nil when the text has characters
    /// folding cannot handle, which may then match anywhere).
    private func mark(_ utf8: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>?, snippet: Bool,
                      analysingAll: Bool) -> String? {
        guard let occurrence = folded.map(firstOccurrence(in:)) ?? 0 else { return nil }
        let cut = snippet && utf8.count > Self.snippetLength * 2
        // A snippet is a window of about snippetLength characters (UTF-8 bytes ≤ 2 per Cyrillic letter) from a little
        // before the first match, cut at spaces.
        func window(_ first: Int) -> Range<Int> {
            guard cut else { return 0..<utf8.count }
            let start = Self.boundary(utf8, near: max(0, first - Self.snippetLength / 2), forward: false)
            return start..<Self.boundary(utf8, near: min(utf8.count, start + Self.snippetLength * 2), forward: true)
        }
        let from = analysingAll ? 0 : Self.boundary(utf8, near: occurrence, forward: false)
        var to = utf8.count
        if cut, !analysingAll {
            to = Self.boundary(utf8, near: min(utf8.count, occurrence + Self.snippetLength * 3), forward: true)
        }
        // With the folded text, only the words where a needle starts are analysed (a word that matches starts with
        // a query stem or prefix); `analysingAll` analyses every word.
        let candidates = analysingAll ? nil : folded
        var matched = matches(utf8, in: from..<to, folded: candidates)
        if to < utf8.count, matched.first.map({ window($0.lowerBound).upperBound > to }) ?? true {
            matched = matches(utf8, in: from..<utf8.count, folded: candidates)
        }
        guard let first = matched.first else { return nil }
        let shown = window(first.lowerBound)
        let (start, end) = (shown.lowerBound, shown.upperBound)
        // The marked text is measured, then written straight into the string's storage.
        let shownMatches = matched.lazy.filter { $0.lowerBound >= start && $0.upperBound <= end }
        func write(_ output: inout HTMLWriter) {
            if start > 0 { output.append(Self.ellipsis) }
            var position = start
            for range in shownMatches where range.lowerBound >= position {
                output.appendEscaped(utf8[position..<range.lowerBound])
                output.append(Self.markOpen)
                output.appendEscaped(utf8[range])
                output.append(Self.markClose)
                position = range.upperBound
            }
            output.appendEscaped(utf8[position..<end])
            if end < utf8.count { output.append(Self.ellipsis) }
        }
        var measure = HTMLWriter(into: nil)
        write(&measure)
        return String(unsafeUninitializedCapacity: measure.count) { storage in
            var output = HTMLWriter(into: storage)
            write(&output)
            return output.count
        }
    }

    /// Keeps those of `texts` that no other one starts, in order: where any of `texts` occurs, one of these does.
    private static func keepShortest(_ texts: inout [String]) {
        sortUnique(&texts)
        var kept = 0
        for index in texts.indices where kept == 0 || !texts[index].utf8.starts(with: texts[kept - 1].utf8) {
            texts.swapAt(kept, index)
            kept += 1
        }
        texts.removeLast(texts.count - kept)
    }

    /// Sorts `texts` in byte order and removes repeats.
    private static func sortUnique(_ texts: inout [String]) {
        texts.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var kept = 0
        for index in texts.indices where kept == 0 || !texts[index].utf8.elementsEqual(texts[kept - 1].utf8) {
            texts.swapAt(kept, index)
            kept += 1
        }
        texts.removeLast(texts.count - kept)
    }

    private static let ellipsis = Array("…".utf8)
    private static let markOpen = Array("<mark>".utf8)
    private static let markClose = Array("</mark>".utf8)

    /// The byte ranges of the words in `range` of `utf8` that match a query stem or prefix; `range` starts and
    /// ends at a space or at an end of the text, so its words are those of the whole text. Given the folded text,
    /// only the runs between whitespace where a needle starts a word are analysed; the analyzer never joins
    /// across whitespace, so their tokens are those it finds in the whole text.
    private func matches(_ utf8: UnsafeBufferPointer<UInt8>, in range: Range<Int>,
                         folded: UnsafeBufferPointer<UInt8>?) -> [Range<Int>] {
        var found: [Range<Int>] = []
        func analyse(_ part: Range<Int>) {
            analyzer.forEachToken(inUTF8: UnsafeBufferPointer(rebasing: utf8[part])) { token in
                guard token.kind != .numeralValue,
                      stems.contains(where: { token.stem.elementsEqual($0.utf8) })
                        || prefixes.contains(where: { token.normalized.starts(with: $0.utf8) }) else { return }
                found.append((token.utf8Range.lowerBound + part.lowerBound)..<(token.utf8Range.upperBound + part.lowerBound))
            }
        }
        guard let folded, !wordStartNeedles.contains(where: { $0.isEmpty }) else {
            analyse(range)
            return found
        }
        var starts: [Int] = []
        for needle in wordStartNeedles {
            Self.forEachWordStart(of: needle, in: folded, range: range) { position in
                var start = position
                while start > range.lowerBound, !Self.isWhitespace(utf8[start - 1]) {
                    start -= 1
                }
                starts.append(start)
            }
        }
        starts.sort()
        // Runs with a hyphen or an apostrophe are analysed too: their compounds ("хипхоп" of "хип-хопа",
        // "sulloceano" of "sull'oceano") are found in no folded text.
        var start = range.lowerBound
        var next = 0
        while start < range.upperBound {
            var end = start
            var joined = false
            while end < range.upperBound, !Self.isWhitespace(utf8[end]) {
                joined = joined || Self.isJoiner(utf8, at: end)
                end += 1
            }
            while next < starts.count, starts[next] < start {
                next += 1
            }
            if next < starts.count && starts[next] == start, !joined,
               let word = Analyzer.plainWord(inUTF8: UnsafeBufferPointer(rebasing: utf8[start..<end])) {
                // A plain word is its folded letters: one of the query's words, or one starting with the prefix
                // being typed, matches without analysis; any other may still have a query stem.
                let range = (start + word.lowerBound)..<(start + word.upperBound)
                let normalized = folded[range]
                if words.contains(where: { $0.utf8.elementsEqual(normalized) })
                    || prefixes.contains(where: { normalized.starts(with: $0.utf8) }) {
                    found.append(range)
                } else {
                    analyse(start..<end)
                }
            } else if next < starts.count && starts[next] == start
                        || joined && (!needlesAreLetters || lettersHaveNeedle(folded[start..<end])) {
                analyse(start..<end)
            }
            start = end + 1
        }
        return found
    }

    /// Whether one of ``wordStartNeedles`` (letters and digits only) occurs in the letters and digits of a run of
    /// folded text, its other bytes left out. Every token analysis finds in the run has its letters and digits one
    /// after another there (a compound is its parts without the joiners, and a folded text has no letters that
    /// normalization would change), and a token that matches starts with a needle: a run without one needs no
    /// analysis. Most runs with an apostrophe or a hyphen ("it's", "well-known") are passed over so.
    private func lettersHaveNeedle(_ run: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: run.count) { letters in
            var count = 0
            for byte in run where Self.isLetterByte(byte) {
                letters[count] = byte
                count += 1
            }
            let kept = UnsafeBufferPointer(rebasing: letters[..<count])
            return wordStartNeedles.contains { needle in
                Self.find(needle, in: kept, from: 0, before: count - needle.utf8.count + 1) != nil
            }
        }
    }

    /// Whether a byte of folded text belongs to a letter or a digit: ASCII ones, and both bytes of a Cyrillic letter
    /// (the only characters of two or more bytes that folding keeps).
    private static func isLetterByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x61...0x7A, 0x80...: true
        default: false
        }
    }

    /// Whether the character at `index` of `utf8` may join two words into one compound: a hyphen (-, ‐, ‑), an
    /// apostrophe (', ’) or a plus.
    private static func isJoiner(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch utf8[index] {
        case 0x2D, 0x27, 0x2B: true
        case 0xE2: index + 2 < utf8.count && utf8[index + 1] == 0x80 && [0x90, 0x91, 0x99].contains(utf8[index + 2])
        default: false
        }
    }

    /// Calls `body` with each place where `needle` occurs in `range` of `folded` at the start of a word: after no
    /// letter or digit.
    private static func forEachWordStart(of needle: String, in folded: UnsafeBufferPointer<UInt8>,
                                         range: Range<Int>, _ body: (Int) -> Void) {
        var position = range.lowerBound
        while let found = find(needle, in: folded, from: position, before: range.upperBound - needle.utf8.count + 1) {
            if found == 0 || !isWordByte(folded[found - 1]) { body(found) }
            position = found + 1
        }
    }

    /// The first place at or after `start` and before `limit` where `needle` (not empty) occurs in `haystack`.
    /// Found through `memchr` on one byte of the needle: the second of a Cyrillic letter, whose first byte is that of
    /// half the alphabet.
    private static func find(_ needle: String, in haystack: UnsafeBufferPointer<UInt8>, from start: Int,
                             before limit: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { needle in find(needle, in: haystack, from: start, before: limit) }
    }

    /// ``find(_:in:from:before:)`` of a needle's UTF-8.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                             from start: Int, before limit: Int) -> Int? {
        guard let base = haystack.baseAddress, start < limit, limit + needle.count - 1 <= haystack.count else {
            return nil
        }
        let anchor = needle.count > 1 && needle[0] >= 0x80 ? 1 : 0
        var position = start
        while position < limit {
            guard let hit = memchr(base + position + anchor, Int32(needle[anchor]), limit - position) else {
                return nil
            }
            let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(base + found, needle.baseAddress!, needle.count) == 0 { return found }
            position = found + 1
        }
        return nil
    }

    /// Whether a byte of folded text is part of a letter or digit: ASCII ones, and the second bytes of Cyrillic
    /// letters (the only two-byte characters folding keeps).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x61...0x7A, 0x80...0xBF: true
        default: false
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The offset of the first place where a query stem or prefix occurs in a folded text (lower-cased, "ё" as "е",
    /// punctuation as spaces), or nil when none does: a stem is a prefix of its words, so a word that matches
    /// starts with one.
    func firstOccurrence(in folded: UnsafeBufferPointer<UInt8>) -> Int? {
        var first: Int?
        for needle in needles {
            if let offset = Self.offset(of: needle, in: folded, before: first ?? folded.count) {
                first = offset
            }
        }
        return first
    }

    /// Writes `text` lower-cased, "ё" as "е" and punctuation as spaces into `folded`, byte for byte; false when a
    /// character would need the analyzer.
    static func fold(_ text: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = text.count
        while index < count {
            // Eight ASCII bytes at a time, their capitals lowered together.
            if index + 8 <= count {
                let eight = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if eight & 0x8080_8080_8080_8080 == 0 {
                    UnsafeMutableRawPointer(folded.baseAddress! + index).storeBytes(
                        of: eight | Self.capitals(eight) >> 2, as: UInt64.self)
                    index += 8
                    continue
                }
            }
            let byte = text[index]
            switch byte {
            case 0x41...0x5A:
                folded[index] = byte + 0x20
                index += 1
            case 0x00...0x7F:
                folded[index] = byte
                index += 1
            case 0xD0, 0xD1:
                guard index + 1 < count else { return false }
                let second = text[index + 1]
                let pair: (UInt8, UInt8)
                switch (byte, second) {
                case (0xD0, 0x90...0x9F): pair = (0xD0, second + 0x20)  // А–П → а–п
                case (0xD0, 0xA0...0xAF): pair = (0xD1, second - 0x20)  // Р–Я → р–я
                case (0xD0, 0x81), (0xD1, 0x91): pair = (0xD0, 0xB5)  // Ё, ё → е
                case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): pair = (byte, second)
                default: return false
                }
                folded[index] = pair.0
                folded[index + 1] = pair.1
                index += 2
            case 0xC2:
                // Latin-1 punctuation (« », no-break space); its letters and digits (ª, µ, º, ², ¼) are analysed.
                guard index + 1 < count else { return false }
                switch text[index + 1] {
                case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return false
                case 0x80...0xBF: break
                default: return false
                }
                folded[index] = 0x20
                folded[index + 1] = 0x20
                index += 2
            case 0xE2:
                // General punctuation, U+2000–U+206F (— … “ ”): no letters or digits, even after NFKC.
                guard index + 2 < count else { return false }
                let (second, third) = (text[index + 1], text[index + 2])
                guard (0x80...0xBF).contains(third), second == 0x80 || second == 0x81 && third < 0xB0 else { return false }
                folded[index] = 0x20
                folded[index + 1] = 0x20
                folded[index + 2] = 0x20
                index += 3
            default:
                // Accented Latin, other scripts: leave it to the analyzer.
                return false
            }
        }
        return true
    }

    /// The high bit of each byte of eight ASCII bytes that is a capital A–Z. No byte's sum carries into the next:
    /// each is at most 0x7F + 0x3F.
    private static func capitals(_ eight: UInt64) -> UInt64 {
        let atLeastA = eight &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = eight &+ 0x2525_2525_2525_2525
        return atLeastA & ~pastZ & 0x8080_8080_8080_8080
    }

    /// Where `needle` first occurs in `haystack`, if it starts before `limit`.
    private static func offset(of needle: String, in haystack: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
        guard !needle.isEmpty else { return 0 }
        return find(needle, in: haystack, from: 0, before: min(limit, haystack.count - needle.utf8.count + 1))
    }

    /// The index of the nearest space at or around `index` (or the text's end), never inside a UTF-8 sequence.
    private static func boundary(_ utf8: UnsafeBufferPointer<UInt8>, near index: Int, forward: Bool) -> Int {
        var position = index
        while position > 0, position < utf8.count, utf8[position] != 0x20 {
            position += forward ? 1 : -1
        }
        return position
    }
}

/// Writes UTF-8 into a string's storage, or only counts the bytes when it has none: the same calls measure a
/// marked text and then write it.
private struct HTMLWriter {
    private let storage: UnsafeMutableBufferPointer<UInt8>?
    private(set) var count = 0

    init(into storage: UnsafeMutableBufferPointer<UInt8>?) {
        self.storage = storage
    }

    mutating func append(_ bytes: [UInt8]) {
        if let storage {
            for (offset, byte) in bytes.enumerated() { storage[count + offset] = byte }
        }
        count += bytes.count
    }

    /// Appends `bytes` with the characters HTML gives meaning to as entities.
    mutating func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        for byte in bytes {
            if let entity = Self.entity(of: byte) {
                append(entity)
            } else {
                storage?[count] = byte
                count += 1
            }
        }
    }

    /// The entity that stands for `byte` in HTML text, for the characters HTML gives meaning to.
    private static func entity(of byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "<"): Self.lessThan
        case UInt8(ascii: ">"): Self.greaterThan
        case UInt8(ascii: "&"): Self.ampersand
        case UInt8(ascii: "\""): Self.quote
        case UInt8(ascii: "'"): Self.apostrophe
        default: nil
        }
    }

    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let ampersand = Array("&amp;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)
}
