/// A bounds-checked, zero-copy window onto immutable bytes (a mapped index file or a heap copy).
///
/// Every accessor takes an offset relative to the window and returns nil when the read would leave it, so an offset
/// read from disk can never make a reader trap or read foreign memory. Integers are little-endian.
struct ByteView: @unchecked Sendable {
    private let storage: ByteStorage
    private let start: Int
    /// The number of bytes in the window.
    let count: Int

    /// A view over all of `storage`.
    init(storage: ByteStorage) {
        self.storage = storage
        start = 0
        count = storage.count
    }

    /// A view over a heap copy of `bytes`.
    init(_ bytes: [UInt8]) {
        self.init(storage: ByteStorage(copying: bytes))
    }

    private init(storage: ByteStorage, start: Int, count: Int) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// Whether `length` bytes starting at `offset` lie inside the window.
    func contains(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= count && length <= count - offset
    }

    /// The sub-window of `length` bytes at `offset`, or nil if it does not fit.
    func slice(at offset: Int, length: Int) -> ByteView? {
        guard contains(offset: offset, length: length) else { return nil }
        return ByteView(storage: storage, start: start + offset, count: length)
    }

    /// The sub-window from `offset` to the end, or nil if `offset` is outside.
    func slice(from offset: Int) -> ByteView? {
        slice(at: offset, length: count - offset)
    }

    func u8(at offset: Int) -> UInt8? {
        guard contains(offset: offset, length: 1) else { return nil }
        return storage.base.load(fromByteOffset: start + offset, as: UInt8.self)
    }

    func u16(at offset: Int) -> UInt16? {
        guard contains(offset: offset, length: 2) else { return nil }
        return UInt16(littleEndian: storage.base.loadUnaligned(fromByteOffset: start + offset, as: UInt16.self))
    }

    func u32(at offset: Int) -> UInt32? {
        guard contains(offset: offset, length: 4) else { return nil }
        return UInt32(littleEndian: storage.base.loadUnaligned(fromByteOffset: start + offset, as: UInt32.self))
    }

    func u64(at offset: Int) -> UInt64? {
        guard contains(offset: offset, length: 8) else { return nil }
        return UInt64(littleEndian: storage.base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self))
    }

    /// Reads the LEB128 varint at `offset` and moves `offset` past it; nil if it runs off the end or exceeds 64 bits.
    func varint(at offset: inout Int) -> UInt64? {
        guard offset >= 0, offset <= count else { return nil }
        return withUnsafeBytes { bytes in
            var reader = VarintReader(bytes, offset: offset)
            let value = reader.next()
            offset = reader.offset
            return value
        }
    }

    /// The `index`th of the integers of `bits` bits (at most 32) packed from `offset`, least significant bits first
    /// (as ``ByteWriter/appendPacked(_:bits:)`` writes them), or nil if its bytes lie outside the window. Values of
    /// 0 bits are 0 and read nothing.
    func packed(at offset: Int, index: Int, bits: Int) -> UInt32? {
        guard bits > 0 else { return 0 }
        guard bits <= 32, index >= 0, offset >= 0 else { return nil }
        let (bit, overflow) = index.multipliedReportingOverflow(by: bits)
        guard !overflow, offset <= count else { return nil }
        let byte = offset &+ bit >> 3
        let shift = UInt64(bit & 7)
        let mask = UInt64(1) << UInt64(bits) - 1
        // Eight bytes hold any value (at most 32 bits from a bit offset of at most 7): one load when they fit.
        if byte <= count - 8 {
            let word = UInt64(littleEndian: storage.base.loadUnaligned(fromByteOffset: start + byte, as: UInt64.self))
            return UInt32(truncatingIfNeeded: word >> shift & mask)
        }
        let length = (Int(shift) + bits + 7) >> 3
        guard contains(offset: byte, length: length) else { return nil }
        var word: UInt64 = 0
        for index in 0..<length {
            word |= UInt64(storage.base.load(fromByteOffset: start + byte + index, as: UInt8.self)) << UInt64(8 * index)
        }
        return UInt32(truncatingIfNeeded: word >> shift & mask)
    }

    /// Appends the first `count` integers of `bits` bits (at most 32) packed from `offset`, each plus `base`
    /// (wrapping), to `values`; false (and nothing appended) if their bytes lie outside the window.
    func unpack(at offset: Int, count: Int, bits: Int, adding base: UInt32, into values: inout [UInt32]) -> Bool {
        guard (0...32).contains(bits), count >= 0, count <= Int.max / 32,
              contains(offset: offset, length: (count * bits + 7) / 8) else { return false }
        guard bits > 0 else {
            values.append(contentsOf: repeatElement(base, count: count))
            return true
        }
        let mask = UInt64(1) << UInt64(bits) - 1
        // Values whose first byte has seven more after it in the window are read with one load each.
        let room = self.count - 8 - offset
        let fast = room < 0 ? 0 : min(count, (room * 8 + 7) / bits + 1)
        withUnsafeBytes { bytes in
            var bit = 0
            for _ in 0..<fast {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + bit >> 3, as: UInt64.self))
                values.append(UInt32(truncatingIfNeeded: word >> UInt64(bit & 7) & mask) &+ base)
                bit += bits
            }
        }
        for index in fast..<count {
            guard let value = packed(at: offset, index: index, bits: bits) else { return false }
            values.append(value &+ base)
        }
        return true
    }

    /// A copy of `length` bytes at `offset`, or nil if they do not fit.
    func bytes(at offset: Int, length: Int) -> [UInt8]? {
        guard contains(offset: offset, length: length) else { return nil }
        return [UInt8](withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + length)]) })
    }

    /// Appends `length` bytes at `offset` to `array` without an intermediate copy; false (and nothing appended) if
    /// they do not fit.
    func append(at offset: Int, length: Int, to array: inout [UInt8]) -> Bool {
        guard contains(offset: offset, length: length) else { return false }
        array.append(contentsOf: UnsafeRawBufferPointer(start: storage.base + start + offset, count: length))
        return true
    }

    /// A copy of the whole window.
    func array() -> [UInt8] {
        withUnsafeBytes { [UInt8]($0) }
    }

    /// Calls `body` with the window's raw bytes; the pointer must not escape.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base + start, count: count))
    }
}

/// Reads LEB128 varints one after another from raw bytes, checking each byte against the end: the inner loop of
/// decoding a postings block.
struct VarintReader {
    private let bytes: UnsafeRawBufferPointer
    /// The offset of the next varint; unchanged by a read that fails.
    private(set) var offset: Int

    /// A reader from `offset`, which must lie within `bytes` or at its end.
    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// The next varint, or nil if it runs off the end or exceeds 64 bits.
    mutating func next() -> UInt64? {
        var position = offset
        // Most deltas and frequencies take one byte.
        if position < bytes.count, bytes[position] < 0x80 {
            offset = position + 1
            return UInt64(bytes[position])
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            let payload = UInt64(byte & 0x7F)
            if shift == 63 && payload > 1 { return nil }
            result |= payload << shift
            if byte & 0x80 == 0 {
                offset = position
                return result
            }
            shift += 7
            if shift >= 64 { return nil }
        }
        return nil
    }
}
