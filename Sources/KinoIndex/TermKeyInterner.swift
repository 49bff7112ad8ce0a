#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers the term keys of a segment being built in the order they are first seen, and finds a key's number from a
/// field and the term's bytes without building the key: the keys live one after another in one byte array, and an
/// open-addressing table of their numbers is probed by hash.
struct TermKeyInterner {
    /// Key `n` is `bytes[ends[n - 1]..<ends[n]]` (from 0 for the first): the field's two bytes, then the term's.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Key number + 1 in each slot, 0 in an empty one; the count is a power of two at least twice the keys.
    private var slots: [Int32] = Array(repeating: 0, count: 1 << 12)

    /// The number of keys seen.
    var count: Int { ends.count }

    /// The number of the key of `term` in `field`, numbered now if it is new.
    mutating func number(field: FieldID, term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(field: field, term: term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if hashes[stored - 1] == hash && holds(stored - 1, field: field, term: term) {
                return stored - 1
            }
            slot = (slot + 1) & mask
        }
        let number = ends.count
        bytes.append(UInt8(field.rawValue >> 8))
        bytes.append(UInt8(truncatingIfNeeded: field.rawValue))
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if ends.count * 2 > slots.count {
            grow()
        }
        return number
    }

    /// The key numbered `number`: the field's two bytes, then the term's.
    func key(_ number: Int) -> [UInt8] {
        Array(bytes[range(of: number)])
    }

    /// Every key number, ordered by the keys' bytes.
    func numbersInKeyOrder() -> [Int] {
        bytes.withUnsafeBufferPointer { all in
            (0..<count).sorted { lhs, rhs in
                let left = UnsafeBufferPointer(rebasing: all[range(of: lhs)])
                let right = UnsafeBufferPointer(rebasing: all[range(of: rhs)])
                let common = min(left.count, right.count)
                if common > 0 {
                    let order = memcmp(left.baseAddress!, right.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    private func range(of number: Int) -> Range<Int> {
        (number == 0 ? 0 : ends[number - 1])..<ends[number]
    }

    private func holds(_ number: Int, field: FieldID, term: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: number)
        guard range.count == term.count + 2 else { return false }
        return bytes.withUnsafeBufferPointer { all in
            all[range.lowerBound] == UInt8(field.rawValue >> 8)
                && all[range.lowerBound + 1] == UInt8(truncatingIfNeeded: field.rawValue)
                && (term.isEmpty || memcmp(all.baseAddress! + range.lowerBound + 2, term.baseAddress!, term.count) == 0)
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 {
                slot = (slot + 1) & mask
            }
            larger[slot] = Int32(number + 1)
        }
        slots = larger
    }

    /// FNV-1a over the field's two bytes and the term's, with a final mix so the low bits used for the slot depend
    /// on every byte.
    private static func hash(field: FieldID, term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        hash = (hash ^ UInt64(field.rawValue >> 8)) &* 0x0000_0100_0000_01B3
        hash = (hash ^ UInt64(field.rawValue & 0xFF)) &* 0x0000_0100_0000_01B3
        for byte in term {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
