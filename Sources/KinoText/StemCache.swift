/// A small direct-mapped cache from normalized words to their stems.
///
/// Word frequencies in real text are skewed ("the", "and", "и", "в" make up a large share of all tokens), so most
/// tokens find their stem here instead of running a Snowball stemmer. Each slot is one 64-byte cache line holding a
/// word and its stem of at most 31 bytes each; a colliding word simply replaces the previous one.
struct StemCache {
    static let slotCount = 4096
    static let slotSize = 64
    static let maximumLength = 31

    private var storage: UnsafeMutablePointer<UInt8>?

    /// The cached stem of `word`, valid until the next ``store(_:stem:)``.
    mutating func lookup(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard word.count <= Self.maximumLength, let storage else { return nil }
        let slot = storage + Self.slot(of: word) * Self.slotSize
        guard Int(slot[0]) == word.count else { return nil }
        for index in 0..<word.count where slot[2 + index] != word[index] {
            return nil
        }
        return UnsafeBufferPointer(start: slot + 2 + Self.maximumLength, count: Int(slot[1]))
    }

    /// Remembers the stem of `word`, if both are short enough.
    mutating func store(_ word: UnsafeBufferPointer<UInt8>, stem: UnsafeBufferPointer<UInt8>) {
        guard word.count <= Self.maximumLength, stem.count <= Self.maximumLength, !word.isEmpty else { return }
        let storage = self.storage ?? makeStorage()
        let slot = storage + Self.slot(of: word) * Self.slotSize
        slot[0] = UInt8(word.count)
        slot[1] = UInt8(stem.count)
        for index in 0..<word.count {
            slot[2 + index] = word[index]
        }
        for index in 0..<stem.count {
            slot[2 + Self.maximumLength + index] = stem[index]
        }
    }

    func free() {
        storage?.deallocate()
    }

    private mutating func makeStorage() -> UnsafeMutablePointer<UInt8> {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.slotCount * Self.slotSize)
        storage.initialize(repeating: 0, count: Self.slotCount * Self.slotSize)
        self.storage = storage
        return storage
    }

    /// FNV-1a, then the top bits of a multiplicative hash.
    private static func slot(of word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return Int((hash &* 0x9E37_79B1) >> 20) & (slotCount - 1)
    }
}
