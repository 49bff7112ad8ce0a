import Testing
@testable import KinoIndex

struct ByteViewTests {
    @Test func readsOutsideTheWindowReturnNil() {
        let view = ByteView([1, 2, 3, 4, 5])
        #expect(view.u32(at: 1) == 0x0504_0302)
        #expect(view.u32(at: 2) == nil)
        #expect(view.u8(at: -1) == nil)
        #expect(view.u64(at: 0) == nil)
        #expect(view.slice(at: 3, length: 3) == nil)
        #expect(view.slice(at: Int.max, length: 1) == nil)
        #expect(view.bytes(at: 4, length: 1) == [5])
    }

    @Test func varintsRoundTripAndRefuseOverrun() {
        var writer = ByteWriter()
        let values: [UInt64] = [0, 1, 127, 128, 300, UInt64(UInt32.max), .max]
        for value in values {
            writer.appendVarint(value)
        }
        let view = ByteView(writer.bytes)
        var offset = 0
        for value in values {
            #expect(view.varint(at: &offset) == value)
        }
        #expect(offset == view.count)
        var truncated = 0
        #expect(ByteView([0x80, 0x80]).varint(at: &truncated) == nil)
        var overlong = 0
        #expect(ByteView([UInt8](repeating: 0xFF, count: 11)).varint(at: &overlong) == nil)
    }

    /// Values of every width, packed after a few bytes of something else and read back one by one and all together,
    /// also where the window ends right after them (the last values then cannot be read eight bytes at a time).
    @Test(arguments: 0...32)
    func packedIntegersRoundTrip(bits: Int) throws {
        var random = SplitMix64(seed: UInt64(bits))
        let mask = bits == 32 ? UInt32.max : UInt32(1) << UInt32(bits) - 1
        for count in [1, 2, 7, 64, 127, 128] {
            let values = (0..<count).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) & mask }
            var writer = ByteWriter()
            writer.append(contentsOf: [9, 9, 9])
            writer.appendPacked(values, bits: bits)
            #expect(writer.count == 3 + (count * bits + 7) / 8)
            for trailing in [0, 3, 16] {
                let view = ByteView(writer.bytes + Array(repeating: 0xFF, count: trailing))
                #expect((0..<count).map { view.packed(at: 3, index: $0, bits: bits) } == values)
                var unpacked: [UInt32] = []
                #expect(view.unpack(at: 3, count: count, bits: bits, adding: 5, into: &unpacked))
                #expect(unpacked == values.map { $0 &+ 5 }, "\(count) values, \(trailing) bytes after")
            }
            let short = ByteView(Array(writer.bytes.dropLast()))
            var unpacked: [UInt32] = []
            #expect(bits == 0 || !short.unpack(at: 3, count: count, bits: bits, adding: 0, into: &unpacked))
            // The last value's highest bit is in the last byte.
            #expect(bits == 0 || short.packed(at: 3, index: count - 1, bits: bits) == nil)
        }
        #expect(ByteView([1, 2]).packed(at: 0, index: 0, bits: 33) == nil)
        #expect(ByteView([1, 2]).packed(at: 0, index: -1, bits: 3) == nil)
    }
}
