/// A zero-copy view of a term dictionary written by ``TermDictionarySerializer``.
///
/// Lookups by key are seeks: binary-search the block heads for the last block whose first key is not above the
/// target, then decode that block's entries up to the first key not below it (``entries(from:)``). An exact lookup
/// takes one seek, prefix enumeration walks forward from one, and a fuzzy lookup seeks past the runs of keys that
/// cannot match. The trailer and the block index are validated at open; a block whose entries do not
/// decode ends an iteration early and makes lookups miss rather than trap.
public struct TermDictionaryReader: Sendable {
    private let body: ByteView
    private let name: String
    /// The number of terms.
    public let count: Int
    private let blockSize: Int
    private let blockCount: Int
    private let indexOffset: Int
    private let keysOffset: Int

    init(file: MappedFile) throws(IndexError) {
        body = file.body
        name = file.name
        let trailer = TermDictionarySerializer.trailerSize
        guard body.count >= trailer else {
            throw IndexError(.corrupt, "\(name): body of \(body.count) bytes has no room for the trailer")
        }
        var cursor = ByteCursor(body, offset: body.count - trailer, file: name)
        let termCount = try cursor.u64("term count")
        let blockSize = Int(try cursor.u32("block size"))
        let blockCount = Int(try cursor.u32("block count"))
        let indexOffset = try cursor.u64("index offset")
        let keysOffset = try cursor.u64("keys offset")
        let end = UInt64(body.count - trailer)
        guard blockSize > 0, termCount <= UInt64(Int32.max),
              UInt64(blockCount) == (termCount + UInt64(blockSize) - 1) / UInt64(blockSize),
              indexOffset <= end, keysOffset <= end,
              keysOffset - min(keysOffset, indexOffset) == UInt64(blockCount) * 16, indexOffset <= keysOffset
        else {
            throw IndexError(.corrupt, "\(name): inconsistent trailer (\(termCount) terms, \(blockCount) blocks)")
        }
        count = Int(termCount)
        self.blockSize = blockSize
        self.blockCount = blockCount
        self.indexOffset = Int(indexOffset)
        self.keysOffset = Int(keysOffset)
        var previousBlock: UInt64 = 0
        for block in 0..<blockCount {
            let entry = self.indexOffset + block * 16
            guard let offset = body.u64(at: entry), let keyOffset = body.u32(at: entry + 8),
                  let keyLength = body.u32(at: entry + 12),
                  offset < indexOffset, block == 0 ? offset == 0 : offset > previousBlock,
                  body.contains(offset: self.keysOffset + Int(keyOffset), length: Int(keyLength)),
                  self.keysOffset + Int(keyOffset) + Int(keyLength) <= Int(end)
            else {
                throw IndexError(.corrupt, "\(name): block index entry \(block) out of range")
            }
            previousBlock = offset
        }
    }

    /// The term info of exactly `key`, or nil.
    func termInfo(exact key: [UInt8]) -> TermInfo? {
        var iterator = entries(from: key)
        guard let entry = iterator.next(), entry.key == key else { return nil }
        return entry.info
    }

    /// The entries from the first one whose key is not below `key`, in sorted order.
    func entries(from key: [UInt8]) -> Entries {
        var iterator = Entries(reader: self, block: 0)
        iterator.seek(to: key)
        return iterator
    }

    /// The key and info of the term with this ordinal (its rank in sorted order), or nil.
    func term(at ordinal: Int) -> (key: [UInt8], info: TermInfo)? {
        guard ordinal >= 0, ordinal < count else { return nil }
        var iterator = Entries(reader: self, block: ordinal / blockSize)
        for _ in 0..<(ordinal % blockSize) {
            guard iterator.next() != nil else { return nil }
        }
        return iterator.next()
    }

    /// Every term whose key starts with `prefix`, in sorted order, read lazily.
    func terms(prefix: [UInt8]) -> TermRange {
        TermRange(prefix: prefix, entries: entries(from: prefix))
    }

    /// The index of the last block whose first key is not above `key`, or nil if `key` precedes every term.
    /// `from` is a block whose first key is known not to be above `key`: the search gallops forward from it (a walk's
    /// seeks land near where it stands) before it halves.
    private func lastBlock(notAbove key: [UInt8], from start: Int? = nil) -> Int? {
        var low = 0
        var high = blockCount
        if let start, start < blockCount {
            var lastGood = start
            var step = 1
            while true {
                let probe = lastGood + step
                guard probe < blockCount, compareFirstKey(of: probe, with: key) <= 0 else {
                    high = min(probe, blockCount)
                    break
                }
                lastGood = probe
                step *= 2
            }
            // The first key of `lastGood` is not above `key`; block `high` (if any) starts above it.
            low = lastGood + 1
        }
        while low < high {
            let middle = (low + high) / 2
            if compareFirstKey(of: middle, with: key) <= 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : low - 1
    }

    /// The sign of (first key of `block`) − `key` in byte order.
    private func compareFirstKey(of block: Int, with key: [UInt8]) -> Int {
        let entry = indexOffset + block * 16
        let offset = keysOffset + Int(body.u32(at: entry + 8) ?? 0)
        let length = Int(body.u32(at: entry + 12) ?? 0)
        return body.withUnsafeBytes { bytes in
            key.withUnsafeBytes { other in
                let shared = min(length, other.count)
                for index in 0..<shared {
                    let lhs = bytes[offset + index]
                    let rhs = other[index]
                    if lhs != rhs { return lhs < rhs ? -1 : 1 }
                }
                return length == other.count ? 0 : (length < other.count ? -1 : 1)
            }
        }
    }

    /// Walks the dictionary's entries in order, and seeks.
    ///
    /// Keys are prefix-compressed within a block, so an entry decodes only after the ones before it in its block:
    /// a seek into another block starts decoding at that block's head, and a seek inside the current block goes on
    /// from where the iterator stands.
    struct Entries: TermCursor {
        private let reader: TermDictionaryReader
        private var block = 0
        private var indexInBlock = 0
        private var ordinal = 0
        private var offset = 0
        private var key: [UInt8] = []
        /// The info of an entry a seek decoded (its key is `key`), returned by the next call of `next()`.
        private var pending: TermInfo?
        /// How many entries the iterator has decoded, seeks included: the work a walk did.
        private(set) var decodedCount = 0

        init(reader: TermDictionaryReader, block: Int) {
            self.reader = reader
            moveToHead(of: block)
        }

        private mutating func moveToHead(of block: Int) {
            self.block = block
            indexInBlock = 0
            ordinal = block * reader.blockSize
            offset = Int(reader.body.u64(at: reader.indexOffset + block * 16) ?? UInt64(reader.indexOffset))
            key.removeAll(keepingCapacity: true)
            pending = nil
        }

        /// Moves to the first entry whose key is not below `target`: the next call of `next()` returns it (or nil
        /// when every key is below `target`).
        mutating func seek(to target: [UInt8]) {
            // A target ahead in the current block (the common case of a walk's short hops) needs no binary search.
            let ahead = indexInBlock > 0 && TermKey.precedes(key, target)
                && (block + 1 >= reader.blockCount || reader.compareFirstKey(of: block + 1, with: target) > 0)
            if !ahead {
                let fromCurrent = indexInBlock > 0 && TermKey.precedes(key, target) ? block : nil
                let targetBlock = reader.lastBlock(notAbove: target, from: fromCurrent) ?? 0
                if targetBlock != block || !TermKey.precedes(key, target) {
                    moveToHead(of: targetBlock)
                }
            }
            pending = nil
            while let entry = next() {
                if !TermKey.precedes(entry.key, target) {
                    pending = entry.info
                    return
                }
            }
        }

        mutating func next() -> (key: [UInt8], info: TermInfo)? {
            if let info = pending {
                pending = nil
                return (key, info)
            }
            guard ordinal < reader.count, block < reader.blockCount else { return nil }
            if indexInBlock == reader.blockSize {
                guard block + 1 < reader.blockCount,
                      reader.body.u64(at: reader.indexOffset + (block + 1) * 16) != nil else { return stop() }
                moveToHead(of: block + 1)
            }
            let body = reader.body
            var position = offset
            guard let shared = body.varint(at: &position), let suffix = body.varint(at: &position),
                  shared <= UInt64(key.count), indexInBlock > 0 || shared == 0,
                  position <= reader.indexOffset, suffix <= UInt64(reader.indexOffset - position)
            else { return stop() }
            key.removeSubrange(Int(shared)...)
            guard body.append(at: position, length: Int(suffix), to: &key) else { return stop() }
            position += Int(suffix)
            guard let frequency = body.varint(at: &position), frequency <= UInt64(UInt32.max),
                  let postings = body.varint(at: &position), let positions = body.varint(at: &position),
                  position <= reader.indexOffset
            else { return stop() }
            offset = position
            indexInBlock += 1
            ordinal += 1
            decodedCount += 1
            let info = TermInfo(docFrequency: UInt32(frequency), postingsOffset: postings,
                                positionsOffset: positions == 0 ? nil : positions - 1)
            return (key, info)
        }

        func withKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            key.withUnsafeBufferPointer(body)
        }

        private mutating func stop() -> (key: [UInt8], info: TermInfo)? {
            ordinal = reader.count
            return nil
        }
    }

    /// The terms sharing a prefix, as a lazy sequence of (key, info) in sorted order.
    struct TermRange: Sequence, IteratorProtocol {
        let prefix: [UInt8]
        private var entries: Entries
        private var done = false

        init(prefix: [UInt8], entries: Entries) {
            self.prefix = prefix
            self.entries = entries
        }

        mutating func next() -> (key: [UInt8], info: TermInfo)? {
            guard !done else { return nil }
            guard let entry = entries.next(), entry.key.starts(with: prefix) else {
                done = true
                return nil
            }
            return entry
        }
    }
}
