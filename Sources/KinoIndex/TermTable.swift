/// Every term of a segment's dictionary by its text, in memory: one hash look-up finds the term's entries in all
/// fields, where the dictionary needs a binary search and a block decode per field.
///
/// Built once when a segment opens, from one sequential pass over the dictionary (the dictionary of a segment never
/// changes). A query word is typically looked up in five or six fields, several times per search (whether a
/// reading is a known word, the weights, "did you mean"), so the table is where a search's term look-ups go.
///
/// The layout is flat: the distinct term texts back to back in one byte array, an open-addressing table of
/// indexes into them, and each text's entries chained through one array. A damaged dictionary whose entries stop
/// decoding leaves the table with the entries read up to there.
final class TermTable: Sendable {
    /// A term's entry in one field.
    struct Entry: Sendable {
        let field: FieldID
        let info: TermInfo
        /// The next entry of the same text, or -1.
        let next: Int32
        /// The entry's text, in `texts`.
        let text: Int32
    }

    /// One distinct term text.
    private struct Text {
        let offset: Int32
        let length: Int32
        var firstEntry: Int32
    }

    private let bytes: [UInt8]
    private let texts: [Text]
    /// Every entry, in the dictionary's order (by field, then term bytes).
    private let entries: [Entry]
    /// Each entry's key (its field's two bytes, then its text) as a big-endian number of its first eight bytes,
    /// zero-padded: a binary search compares these and reads the texts only where they are equal.
    private let keyPrefixes: [UInt64]
    /// Per slot, an index into `texts` plus one in the low half and the high half of its text's hash in the high
    /// half, or 0 for an empty slot; a probe reads a text only when the hash halves agree. The count is a power of
    /// two, at least twice the number of texts (the dictionary iterator never yields more entries than the
    /// dictionary's count).
    private let slots: [UInt64]
    /// A Bloom filter of the texts (two bits each, at least eight bits per text): most texts that are not in the
    /// dictionary, such as transliteration guesses, are told apart here, in a table small enough to stay in cache,
    /// without probing `slots`.
    private let filter: [UInt64]

    /// Reads every entry of `dictionary` in order.
    init(_ dictionary: TermDictionaryReader) {
        var bytes: [UInt8] = []
        var texts: [Text] = []
        var entries: [Entry] = []
        entries.reserveCapacity(dictionary.count)
        texts.reserveCapacity(dictionary.count)
        bytes.reserveCapacity(dictionary.count * 8)
        var slotCount = 16
        while slotCount < dictionary.count * 2 {
            slotCount *= 2
        }
        var slots = [UInt64](repeating: 0, count: slotCount)
        // Sized for the entries, of which the texts are at most as many: at least eight bits per text.
        var filterBits = 1 << 16
        while filterBits < dictionary.count * 8 {
            filterBits *= 2
        }
        var filter = [UInt64](repeating: 0, count: filterBits / 64)
        var keyPrefixes: [UInt64] = []
        keyPrefixes.reserveCapacity(dictionary.count)
        var iterator = dictionary.entries(from: [])
        while let (key, info) = iterator.next() {
            guard key.count >= 2 else { continue }
            let field = FieldID(UInt16(key[0]) << 8 | UInt16(key[1]))
            let found = key.withUnsafeBytes { key in
                let term = UnsafeRawBufferPointer(rebasing: key[2...])
                return Self.find(term, bytes: bytes, texts: texts, slots: slots)
            }
            let text: Int
            switch found {
            case .found(let index):
                text = index
            case .empty(let slot, let hash):
                text = texts.count
                slots[slot] = (hash >> 32) << 32 | UInt64(text + 1)
                let (first, second) = Self.filterBits(of: hash, mask: filterBits - 1)
                filter[first >> 6] |= 1 << UInt64(first & 63)
                filter[second >> 6] |= 1 << UInt64(second & 63)
                texts.append(Text(offset: Int32(bytes.count), length: Int32(key.count - 2), firstEntry: -1))
                bytes.append(contentsOf: key[2...])
            }
            entries.append(Entry(field: field, info: info, next: texts[text].firstEntry, text: Int32(text)))
            keyPrefixes.append(Self.keyPrefix(key))
            texts[text].firstEntry = Int32(entries.count - 1)
        }
        self.bytes = bytes
        self.texts = texts
        self.entries = entries
        self.slots = slots
        self.keyPrefixes = keyPrefixes
        self.filter = filter
    }

    /// The first eight bytes of `key` as a big-endian number, zero-padded: if one key's number is below another's,
    /// so is the key.
    static func keyPrefix(_ key: [UInt8]) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<8 {
            prefix = prefix << 8 | UInt64(index < key.count ? key[index] : 0)
        }
        return prefix
    }

    /// The entry of `term` in `field`, or nil.
    func termInfo(field: FieldID, term: String) -> TermInfo? {
        var entry = firstEntry(of: term)
        while entry >= 0 {
            let current = entries[Int(entry)]
            if current.field == field { return current.info }
            entry = current.next
        }
        return nil
    }

    /// The entries of `term` in every field that has it, in no particular order.
    func entries(of term: String) -> Entries {
        Entries(table: self, position: firstEntry(of: term))
    }

    /// A term's entries, one per field.
    struct Entries: Sequence, IteratorProtocol {
        fileprivate let table: TermTable
        fileprivate var position: Int32

        mutating func next() -> Entry? {
            guard position >= 0 else { return nil }
            let entry = table.entries[Int(position)]
            position = entry.next
            return entry
        }
    }

    /// The `count` entries whose keys start with `prefix` (a field's two bytes, then the start of a term) with the
    /// highest document frequencies, ties in dictionary order, most frequent first: their terms and infos. Only
    /// the chosen entries' terms become strings.
    func mostFrequent(withPrefix prefix: [UInt8], count: Int) -> [(term: String, info: TermInfo)] {
        guard count > 0 else { return [] }
        var cursor = cursor()
        cursor.seek(to: prefix)
        let start = cursor.ordinal
        var end = entries.count
        if let successor = TermKey.successor(of: prefix[...]) {
            cursor.seek(to: successor)
            end = cursor.ordinal
        }
        // The best so far, most frequent first; a later entry with an equal frequency goes after the earlier ones.
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        for ordinal in start..<max(start, end) {
            let frequency = entries[ordinal].info.docFrequency
            if best.count == count, frequency <= entries[best[count - 1]].info.docFrequency { continue }
            var place = best.count
            while place > 0, entries[best[place - 1]].info.docFrequency < frequency {
                place -= 1
            }
            best.insert(ordinal, at: place)
            if best.count > count { best.removeLast() }
        }
        return best.map { ordinal in
            let entry = entries[ordinal]
            let text = texts[Int(entry.text)]
            let term = String(decoding: bytes[Int(text.offset)..<Int(text.offset + text.length)], as: UTF8.self)
            return (term, entry.info)
        }
    }

    /// A cursor over the entries in the dictionary's order, on the first one.
    func cursor() -> Cursor {
        Cursor(table: self)
    }

    /// Walks the entries in the dictionary's order and seeks by binary search, with nothing to decode.
    struct Cursor: TermCursor {
        fileprivate let table: TermTable
        /// The position of the entry `next()` returns, in the dictionary's order.
        private(set) var ordinal = 0
        private var key: [UInt8] = []
        private(set) var decodedCount = 0

        fileprivate init(table: TermTable) {
            self.table = table
        }

        mutating func next() -> (key: [UInt8], info: TermInfo)? {
            advance().map { (key, $0) }
        }

        func withKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            key.withUnsafeBufferPointer(body)
        }

        mutating func advance() -> TermInfo? {
            guard ordinal < table.entries.count else { return nil }
            let entry = table.entries[ordinal]
            let text = table.texts[Int(entry.text)]
            key.removeAll(keepingCapacity: true)
            key.append(UInt8(entry.field.rawValue >> 8))
            key.append(UInt8(truncatingIfNeeded: entry.field.rawValue))
            table.bytes.withUnsafeBufferPointer { bytes in
                key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(text.offset)..<Int(text.offset + text.length)]))
            }
            ordinal += 1
            decodedCount += 1
            return entry.info
        }

        mutating func seek(to target: [UInt8]) {
            let targetPrefix = TermTable.keyPrefix(target)
            var low = 0
            var high = table.entries.count
            if ordinal > 0, ordinal <= high, table.precedes(ordinal: ordinal - 1, target, targetPrefix: targetPrefix) {
                // A walk's seeks are short hops forward: gallop from where the cursor stands, then halve. Every
                // entry below `low` precedes the target.
                low = ordinal
                var step = 1
                while true {
                    let probe = low + step - 1
                    guard probe < high else { break }
                    guard table.precedes(ordinal: probe, target, targetPrefix: targetPrefix) else {
                        high = probe
                        break
                    }
                    low = probe + 1
                    step *= 2
                }
            }
            while low < high {
                let middle = (low + high) / 2
                if table.precedes(ordinal: middle, target, targetPrefix: targetPrefix) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            ordinal = low
        }
    }

    /// Whether the key of the entry at `ordinal` (its field's two bytes, then its text) sorts before `target`,
    /// byte by byte; `targetPrefix` is ``keyPrefix(_:)`` of `target`.
    private func precedes(ordinal: Int, _ target: [UInt8], targetPrefix: UInt64) -> Bool {
        let prefix = keyPrefixes[ordinal]
        if prefix != targetPrefix { return prefix < targetPrefix }
        let entry = entries[ordinal]
        let high = UInt8(entry.field.rawValue >> 8)
        let low = UInt8(truncatingIfNeeded: entry.field.rawValue)
        // A target that is a prefix of the key sorts first.
        guard let first = target.first else { return false }
        if high != first { return high < first }
        guard target.count > 1 else { return false }
        if low != target[1] { return low < target[1] }
        let text = texts[Int(entry.text)]
        return bytes.withUnsafeBytes { bytes in
            target.withUnsafeBytes { target in
                TermKey.precedes(UnsafeRawBufferPointer(rebasing: bytes[Int(text.offset)..<Int(text.offset + text.length)]),
                                 UnsafeRawBufferPointer(rebasing: target[2...]))
            }
        }
    }

    private func firstEntry(of term: String) -> Int32 {
        var term = term
        return term.withUTF8 { utf8 in
            let term = UnsafeRawBufferPointer(utf8)
            let hash = XXHash64.hash(term)
            let mask = filter.count * 64 - 1
            let (first, second) = Self.filterBits(of: hash, mask: mask)
            guard filter[first >> 6] & (1 << UInt64(first & 63)) != 0,
                  filter[second >> 6] & (1 << UInt64(second & 63)) != 0 else { return -1 }
            switch Self.find(term, hash: hash, bytes: bytes, texts: texts, slots: slots) {
            case .found(let text): return texts[text].firstEntry
            case .empty: return -1
            }
        }
    }

    /// The two filter bits of a text with this hash; other bits of the hash than those that choose its slot.
    private static func filterBits(of hash: UInt64, mask: Int) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash >> 24) & mask, Int(truncatingIfNeeded: hash >> 40) & mask)
    }

    private enum Probe {
        case found(Int)
        /// The empty slot where the text would go, and its hash.
        case empty(Int, UInt64)
    }

    /// The text equal to `term`, or the empty slot where it would go.
    private static func find(_ term: UnsafeRawBufferPointer, hash: UInt64? = nil, bytes: [UInt8], texts: [Text],
                             slots: [UInt64]) -> Probe {
        let mask = slots.count - 1
        let hash = hash ?? XXHash64.hash(term)
        let hashHalf = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBytes { stored in
            while true {
                let value = slots[slot]
                if value == 0 { return .empty(slot, hash) }
                if UInt32(truncatingIfNeeded: value >> 32) == hashHalf {
                    let index = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                    let text = texts[index]
                    let start = Int(text.offset)
                    if Int(text.length) == term.count, term.elementsEqual(stored[start..<(start + term.count)]) {
                        return .found(index)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
