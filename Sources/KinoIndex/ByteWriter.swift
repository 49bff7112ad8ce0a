/// An append-only byte buffer with little-endian integers and LEB128 varints: what every serializer writes into.
struct ByteWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    mutating func reserve(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append<S: Sequence>(contentsOf other: S) where S.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    mutating func appendU16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendU32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func appendU64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Appends `value` as an unsigned LEB128 varint (7 bits a byte, high bit set on all but the last).
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends `values` packed `bits` bits each (at most 32), least significant bits first, in
    /// `(values.count * bits + 7) / 8` bytes; bits above `bits` are dropped.
    mutating func appendPacked<C: Collection<UInt32>>(_ values: C, bits: Int) {
        precondition((0...32).contains(bits), "values are packed in 0 to 32 bits")
        guard bits > 0 else { return }
        let mask = UInt64(1) << UInt64(bits) - 1
        var pending: UInt64 = 0
        var pendingBits = 0
        for value in values {
            pending |= (UInt64(value) & mask) << UInt64(pendingBits)
            pendingBits += bits
            while pendingBits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: pending))
                pending >>= 8
                pendingBits -= 8
            }
        }
        if pendingBits > 0 {
            bytes.append(UInt8(truncatingIfNeeded: pending))
        }
    }

    /// Appends a varint length followed by the bytes.
    mutating func appendLengthPrefixed(_ data: [UInt8]) {
        appendVarint(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    /// Overwrites four bytes at `offset` (which must already be written) with `value`.
    mutating func setU32(_ value: UInt32, at offset: Int) {
        for index in 0..<4 {
            bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt32(8 * index))
        }
    }

    /// Overwrites the byte at `offset` (which must already be written).
    mutating func setByte(_ value: UInt8, at offset: Int) {
        bytes[offset] = value
    }
}
