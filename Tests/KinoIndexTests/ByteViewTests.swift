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
}
