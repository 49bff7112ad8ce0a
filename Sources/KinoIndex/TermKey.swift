#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The byte key of a term in the dictionary: the field id as two big-endian bytes, then the term's UTF-8. Keys sort
/// by field first, so one field's terms form one contiguous, sorted range.
enum TermKey {
    static func make(field: FieldID, term: String) -> [UInt8] {
        var key: [UInt8] = [UInt8(field.rawValue >> 8), UInt8(truncatingIfNeeded: field.rawValue)]
        key.append(contentsOf: term.utf8)
        return key
    }

    /// The field and term of a key, or nil if the key is shorter than a field id.
    static func split(_ key: [UInt8]) -> (field: FieldID, term: String)? {
        guard key.count >= 2 else { return nil }
        let field = FieldID(UInt16(key[0]) << 8 | UInt16(key[1]))
        return (field, String(decoding: key[2...], as: UTF8.self))
    }

    /// The smallest byte string above every string that starts with `prefix`, or nil if there is none (all bytes
    /// 0xFF).
    static func successor(of prefix: ArraySlice<UInt8>) -> [UInt8]? {
        var bytes = Array(prefix)
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return bytes
            }
            bytes.removeLast()
        }
        return nil
    }

    /// Whether `lhs` sorts before `rhs`, byte by byte.
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBytes { lhs in rhs.withUnsafeBytes { rhs in precedes(lhs, rhs) } }
    }

    /// Whether `lhs` sorts before `rhs`, byte by byte (`memcmp` on their common length, then the shorter first).
    static func precedes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        let common = min(lhs.count, rhs.count)
        let order = common == 0 ? 0 : memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
        return order != 0 ? order < 0 : lhs.count < rhs.count
    }
}
