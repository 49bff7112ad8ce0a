/// The four-byte tag in an index file's header that says which structure the body holds.
struct FileKind: Sendable, Hashable, CustomStringConvertible {
    /// The tag, four ASCII bytes.
    let tag: [UInt8]

    init(_ tag: StaticString) {
        precondition(tag.utf8CodeUnitCount == 4, "a file kind tag is four ASCII bytes")
        self.tag = Array(UnsafeBufferPointer(start: tag.utf8Start, count: 4))
    }

    init?(bytes: [UInt8]) {
        guard bytes.count == 4 else { return nil }
        tag = bytes
    }

    var description: String {
        String(decoding: tag.map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    static let meta = FileKind("META")
    static let terms = FileKind("TERM")
    static let postings = FileKind("POST")
    static let positions = FileKind("POSN")
    static let fieldLengths = FileKind("NORM")
    static let storedFields = FileKind("STOR")
    static let columns = FileKind("COLS")
    static let typos = FileKind("TYPO")
}
