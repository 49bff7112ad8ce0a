/// Every term of a segment's dictionary by its text, in memory: one hash look-up finds the term's entries in all
/// fields, where the dictionary needs a binary search and a block decode per field.
///
/// Built once when a segment opens, from one sequential pass over the dictionary (the dictionary of a segment never
/// changes). A query word is typically looked up in five or six fields, several times per search (whether a
/// reading is a known word, the weights, "did you mean"), so the table is where a search's term look-ups go.
///
/// The layout is flat and made for look-ups that find their data cold: each distinct text is one record of 32-bit
/// words — its length and number of entries, its UTF-8, then its entry in every field — so that a found term costs
/// its slot and a cache line or two of its record, not a line per field. An open-addressing table of slots points
/// to the records. The entries are also kept in the dictionary's order, for cursors. A damaged dictionary whose
/// entries stop decoding leaves the table with the entries read up to there.
final class TermTable: @unchecked Sendable {
    /// A term's entry in one field.
    struct Entry: Sendable {
        let field: FieldID
        let info: TermInfo
        /// Where the entry's text's record starts in `records`.
        fileprivate let record: Int32
    }

    /// Every entry, in the dictionary's order (by field, then term bytes).
    private let entries: [Entry]
    /// Each entry's key (its field's two bytes, then its text) as a big-endian number of its first eight bytes,
    /// zero-padded: a binary search compares these and reads the texts only where they are equal.
    private let keyPrefixes: [UInt64]
    /// Every ``sampleInterval``th of `keyPrefixes`, from the first: small enough to stay in cache, it narrows a
    /// fresh seek to a few lines of `keyPrefixes` before the binary search reads them.
    private let sampledKeyPrefixes: [UInt64]
    private static let sampleInterval = 64
    /// The records of the distinct texts, back to back. A record is a word with the text's UTF-8 length in its low
    /// half and its number of entries in its high half, the UTF-8 zero-padded to whole words, then per entry
    /// ``Record/entryWords`` words (see ``Record``). Owned by the table, written once in `init` and never changed
    /// (hence `@unchecked Sendable`): reads go through the pointer without retaining an array.
    private let records: UnsafeBufferPointer<UInt32>
    /// Per slot, a record's start in `records` plus one in the low half and the high half of its text's hash in the
    /// high half, or 0 for an empty slot; a probe reads a record only when the hash halves agree. The count is a
    /// power of two, at least twice the number of texts (the dictionary iterator never yields more entries than the
    /// dictionary's count).
    private let slots: [UInt64]
    /// A Bloom filter of the texts (two bits each, at least eight bits per text): most texts that are not in the
    /// dictionary, such as transliteration guesses, are told apart here, in a table small enough to stay in cache,
    /// without probing `slots`. A text's two bits are in one word, so a check reads one cache line.
    private let filter: [UInt64]

    /// How an entry is written in a record: its field and whether it has positions, its document frequency, and its
    /// postings and positions offsets as two words each, low word first.
    private enum Record {
        static let entryWords = 6
        static let hasPositions: UInt32 = 1 << 16

        static func append(_ field: FieldID, _ info: TermInfo, to records: inout [UInt32]) {
            records.append(UInt32(field.rawValue) | (info.positionsOffset == nil ? 0 : hasPositions))
            records.append(info.docFrequency)
            let positions = info.positionsOffset ?? 0
            records.append(UInt32(truncatingIfNeeded: info.postingsOffset))
            records.append(UInt32(truncatingIfNeeded: info.postingsOffset >> 32))
            records.append(UInt32(truncatingIfNeeded: positions))
            records.append(UInt32(truncatingIfNeeded: positions >> 32))
        }

        static func field(at entry: UnsafePointer<UInt32>) -> FieldID {
            FieldID(UInt16(truncatingIfNeeded: entry[0]))
        }

        static func info(at entry: UnsafePointer<UInt32>) -> TermInfo {
            let postings = UInt64(entry[2]) | UInt64(entry[3]) << 32
            let positions = UInt64(entry[4]) | UInt64(entry[5]) << 32
            return TermInfo(docFrequency: entry[1], postingsOffset: postings,
                            positionsOffset: entry[0] & hasPositions == 0 ? nil : positions)
        }

        /// The number of words of the UTF-8 of a text of `length` bytes.
        static func textWords(_ length: Int) -> Int {
            (length + 3) / 4
        }
    }

    /// The most bytes of a text, and the most entries of one text.
    private static let maximumRecordCount = 0xFFFF

    /// Reads every entry of `dictionary` in order.
    init(_ dictionary: TermDictionaryReader) {
        // First the distinct texts, each with its entries chained, as the dictionary gives them field by field.
        var bytes: [UInt8] = []
        var texts: [(offset: Int32, length: Int32, lastEntry: Int32, entryCount: Int32)] = []
        var previousOfText: [Int32] = []
        var textOfEntry: [Int32] = []
        var fields: [FieldID] = []
        var infos: [TermInfo] = []
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
            // A record holds a text of up to 65,535 bytes in up to 65,535 fields; only a damaged dictionary has more.
            guard key.count - 2 <= Self.maximumRecordCount else { break }
            let field = FieldID(UInt16(key[0]) << 8 | UInt16(key[1]))
            let hash = key.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[2...])) }
            let mask = slotCount - 1
            let hashHalf = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & mask
            var text = -1
            while slots[slot] != 0 {
                let candidate = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
                let stored = texts[candidate]
                if slots[slot] >> 32 == hashHalf, Int(stored.length) == key.count - 2,
                   bytes[Int(stored.offset)..<Int(stored.offset + stored.length)].elementsEqual(key[2...]) {
                    text = candidate
                    break
                }
                slot = (slot + 1) & mask
            }
            if text < 0 {
                text = texts.count
                slots[slot] = hashHalf << 32 | UInt64(text + 1)
                let (word, bits) = Self.filterBits(of: hash, wordCount: filter.count)
                filter[word] |= bits
                texts.append((Int32(bytes.count), Int32(key.count - 2), -1, 0))
                bytes.append(contentsOf: key[2...])
            }
            guard texts[text].entryCount < Self.maximumRecordCount else { break }
            texts[text].entryCount += 1
            previousOfText.append(texts[text].lastEntry)
            texts[text].lastEntry = Int32(fields.count)
            textOfEntry.append(Int32(text))
            fields.append(field)
            infos.append(info)
            keyPrefixes.append(Self.keyPrefix(key))
        }

        // Then a record per text, its entries in the dictionary's order.
        var records: [UInt32] = []
        records.reserveCapacity(texts.count * 2 + bytes.count / 4 + fields.count * Record.entryWords)
        var recordOfText: [Int32] = []
        recordOfText.reserveCapacity(texts.count)
        var chain: [Int32] = []
        for text in texts {
            recordOfText.append(Int32(records.count))
            chain.removeAll(keepingCapacity: true)
            var entry = text.lastEntry
            while entry >= 0 {
                chain.append(entry)
                entry = previousOfText[Int(entry)]
            }
            records.append(UInt32(text.length) | UInt32(chain.count) << 16)
            let textStart = records.count
            records.append(contentsOf: repeatElement(0, count: Record.textWords(Int(text.length))))
            records.withUnsafeMutableBytes { words in
                for index in 0..<Int(text.length) {
                    words[textStart * 4 + index] = bytes[Int(text.offset) + index]
                }
            }
            for entry in chain.reversed() {
                Record.append(fields[Int(entry)], infos[Int(entry)], to: &records)
            }
        }
        for slot in slots.indices where slots[slot] != 0 {
            let text = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
            slots[slot] = (slots[slot] >> 32) << 32 | UInt64(recordOfText[text] + 1)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(fields.count)
        for index in fields.indices {
            entries.append(Entry(field: fields[index], info: infos[index],
                                 record: recordOfText[Int(textOfEntry[index])]))
        }
        self.entries = entries
        let owned = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(records.count, 1))
        _ = owned.initialize(from: records)
        self.records = UnsafeBufferPointer(rebasing: owned[..<records.count])
        self.slots = slots
        self.keyPrefixes = keyPrefixes
        sampledKeyPrefixes = stride(from: 0, to: keyPrefixes.count, by: Self.sampleInterval).map { keyPrefixes[$0] }
        self.filter = filter
    }

    deinit {
        UnsafeMutableBufferPointer(mutating: records).deallocate()
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
        guard let record = record(of: term) else { return nil }
        let (first, count) = Self.entries(ofRecord: record, in: records)
        for index in 0..<count {
            let entry = records.baseAddress! + first + index * Record.entryWords
            if Record.field(at: entry) == field { return Record.info(at: entry) }
        }
        return nil
    }

    /// The entries of `term` in every field that has it, in the dictionary's order of fields.
    func entries(of term: String) -> Entries {
        guard let record = record(of: term) else { return Entries(table: self, position: 0, end: 0, record: 0) }
        let (first, count) = Self.entries(ofRecord: record, in: records)
        return Entries(table: self, position: first, end: first + count * Record.entryWords, record: Int32(record))
    }

    /// A term's entries, one per field.
    struct Entries: Sequence, IteratorProtocol {
        fileprivate let table: TermTable
        fileprivate var position: Int
        fileprivate let end: Int
        fileprivate let record: Int32

        mutating func next() -> Entry? {
            guard position < end else { return nil }
            defer { position += Record.entryWords }
            let entry = table.records.baseAddress! + position
            return Entry(field: Record.field(at: entry), info: Record.info(at: entry), record: record)
        }
    }

    /// Where the entries of the record at `record` start in `records`, and how many there are.
    private static func entries(ofRecord record: Int, in records: UnsafeBufferPointer<UInt32>) -> (Int, Int) {
        let header = records[record]
        return (record + 1 + Record.textWords(Int(header & 0xFFFF)), Int(header >> 16))
    }

    /// The field, the info and the text's UTF-8 of the entry at `ordinal` in the dictionary's order, given to `body`;
    /// nil past the last entry.
    func withEntry<Result>(at ordinal: Int, _ body: (FieldID, TermInfo, UnsafeRawBufferPointer) -> Result) -> Result? {
        guard ordinal >= 0, ordinal < entries.count else { return nil }
        let entry = entries[ordinal]
        return withText(ofRecord: entry.record) { body(entry.field, entry.info, $0) }
    }

    /// The UTF-8 of the text of the record at `record`.
    private func withText<Result>(ofRecord record: Int32, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let words = UnsafeRawBufferPointer(records)
        let length = Int(words.load(fromByteOffset: Int(record) * 4, as: UInt32.self) & 0xFFFF)
        let start = (Int(record) + 1) * 4
        return body(UnsafeRawBufferPointer(rebasing: words[start..<(start + length)]))
    }

    /// The `count` entries whose keys start with `prefix` (a field's two bytes, then the start of a term) with the
    /// highest document frequencies, ties in dictionary order, most frequent first: their terms and infos. Only
    /// the chosen entries' terms become strings.
    func mostFrequent(withPrefix prefix: [UInt8], count: Int) -> [(term: String, info: TermInfo)] {
        guard count > 0 else { return [] }
        var cursor = cursor()
        cursor.seek(to: prefix)
        // The best so far, most frequent first; a later entry with an equal frequency goes after the earlier ones.
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        // The entries with the prefix follow one another from the first: walked until one lacks it, which for most
        // prefixes is at once (a second binary search for the end would cost more). Every key from the cursor on
        // sorts at or after the prefix, so one whose first eight bytes are at most the prefix's followed by 0xFF
        // bytes starts with the prefix's first eight: the walk reads the texts only of prefixes longer than that.
        let head = Self.keyPrefix(prefix)
        let last = prefix.count >= 8 ? head : head | UInt64.max >> (8 * prefix.count)
        for ordinal in cursor.ordinal..<entries.count {
            guard keyPrefixes[ordinal] <= last else { break }
            if prefix.count > 8, !keyStarts(ordinal: ordinal, with: prefix) { break }
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
            let term = withText(ofRecord: entry.record) { String(decoding: $0, as: UTF8.self) }
            return (term, entry.info)
        }
    }

    /// Whether the key of the entry at `ordinal` (its field's two bytes, then its text) starts with `prefix`, which
    /// has both bytes of a field.
    private func keyStarts(ordinal: Int, with prefix: [UInt8]) -> Bool {
        let entry = entries[ordinal]
        guard entry.field.rawValue == UInt16(prefix[0]) << 8 | UInt16(prefix[1]) else { return false }
        return withText(ofRecord: entry.record) { text in
            text.count >= prefix.count - 2 && text.prefix(prefix.count - 2).elementsEqual(prefix[2...])
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
            key.removeAll(keepingCapacity: true)
            key.append(UInt8(entry.field.rawValue >> 8))
            key.append(UInt8(truncatingIfNeeded: entry.field.rawValue))
            table.withText(ofRecord: entry.record) { text in
                key.append(contentsOf: text)
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
            } else {
                (low, high) = table.narrow(to: targetPrefix)
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

    /// The ordinals between which the first entry whose key does not precede a target with this key prefix lies, by
    /// the sampled prefixes: a sampled entry with a smaller prefix precedes the target, one with a larger prefix
    /// does not.
    private func narrow(to targetPrefix: UInt64) -> (Int, Int) {
        var (low, high) = (0, sampledKeyPrefixes.count)
        while low < high {
            let middle = (low + high) / 2
            if sampledKeyPrefixes[middle] < targetPrefix { low = middle + 1 } else { high = middle }
        }
        let smaller = low
        high = sampledKeyPrefixes.count
        while low < high {
            let middle = (low + high) / 2
            if sampledKeyPrefixes[middle] <= targetPrefix { low = middle + 1 } else { high = middle }
        }
        let start = smaller > 0 ? (smaller - 1) * Self.sampleInterval + 1 : 0
        let end = low < sampledKeyPrefixes.count ? low * Self.sampleInterval : entries.count
        return (min(start, end), end)
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
        return withText(ofRecord: entry.record) { text in
            target.withUnsafeBytes { target in
                TermKey.precedes(text, UnsafeRawBufferPointer(rebasing: target[2...]))
            }
        }
    }

    /// Where the record of `term` starts in `records`, or nil when no field has the term.
    private func record(of term: String) -> Int? {
        var term = term
        return term.withUTF8 { utf8 in
            let term = UnsafeRawBufferPointer(utf8)
            let hash = XXHash64.hash(term)
            let (word, bits) = Self.filterBits(of: hash, wordCount: filter.count)
            guard filter[word] & bits == bits else { return nil }
            let slotMask = slots.count - 1
            let hashHalf = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & slotMask
            let words = UnsafeRawBufferPointer(records)
            while true {
                let value = slots[slot]
                if value == 0 { return nil }
                if value >> 32 == hashHalf {
                    let record = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                    let length = Int(words.load(fromByteOffset: record * 4, as: UInt32.self) & 0xFFFF)
                    let start = (record + 1) * 4
                    if length == term.count, term.elementsEqual(words[start..<(start + length)]) {
                        return record
                    }
                }
                slot = (slot + 1) & slotMask
            }
        }
    }

    /// The word of the filter a text with this hash sets bits in, and those two bits; other bits of the hash than
    /// those that choose its slot. `wordCount` is a power of two.
    private static func filterBits(of hash: UInt64, wordCount: Int) -> (Int, UInt64) {
        let word = Int(truncatingIfNeeded: hash >> 24) & (wordCount - 1)
        return (word, 1 << (hash >> 52 & 63) | 1 << (hash >> 58))
    }
}
