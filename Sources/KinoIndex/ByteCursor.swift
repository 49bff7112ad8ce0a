/// Sequential reads over a ``ByteView`` that throw a ``IndexError/Code/corrupt`` error naming the file when the
/// bytes run out: used to parse small, structured regions (file trailers, the segment meta).
struct ByteCursor {
    let view: ByteView
    /// The next offset to read.
    var offset: Int
    /// The file name used in error messages.
    let file: String

    init(_ view: ByteView, offset: Int = 0, file: String) {
        self.view = view
        self.offset = offset
        self.file = file
    }

    var isAtEnd: Bool { offset >= view.count }

    func failure(_ what: String) -> IndexError {
        IndexError(.corrupt, "\(file): \(what) at offset \(offset) runs past the end of the data")
    }

    mutating func u8(_ what: String) throws(IndexError) -> UInt8 {
        guard let value = view.u8(at: offset) else { throw failure(what) }
        offset += 1
        return value
    }

    mutating func u16(_ what: String) throws(IndexError) -> UInt16 {
        guard let value = view.u16(at: offset) else { throw failure(what) }
        offset += 2
        return value
    }

    mutating func u32(_ what: String) throws(IndexError) -> UInt32 {
        guard let value = view.u32(at: offset) else { throw failure(what) }
        offset += 4
        return value
    }

    mutating func u64(_ what: String) throws(IndexError) -> UInt64 {
        guard let value = view.u64(at: offset) else { throw failure(what) }
        offset += 8
        return value
    }

    mutating func varint(_ what: String) throws(IndexError) -> UInt64 {
        guard let value = view.varint(at: &offset) else { throw failure(what) }
        return value
    }

    /// A varint that must fit in an `Int` no larger than `limit`.
    mutating func count(_ what: String, atMost limit: Int) throws(IndexError) -> Int {
        let value = try varint(what)
        guard value <= UInt64(limit) else {
            throw IndexError(.corrupt, "\(file): \(what) \(value) exceeds \(limit)")
        }
        return Int(value)
    }

    mutating func bytes(_ what: String, length: Int) throws(IndexError) -> [UInt8] {
        guard let value = view.bytes(at: offset, length: length) else { throw failure(what) }
        offset += length
        return value
    }

    mutating func lengthPrefixed(_ what: String) throws(IndexError) -> [UInt8] {
        let length = try count("\(what) length", atMost: view.count)
        return try bytes(what, length: length)
    }
}
