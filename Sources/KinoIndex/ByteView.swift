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
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var position = offset
        while true {
            guard shift < 64, let byte = u8(at: position) else { return nil }
            position += 1
            let payload = UInt64(byte & 0x7F)
            if shift == 63 && payload > 1 { return nil }
            result |= payload << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        offset = position
        return result
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
