/// A token as the analysis loop produces it: views of the workspace's buffers, valid only inside the callback
/// that receives it; the original text is where ``utf8Range`` says. ``Analyzer`` turns it into a ``Token`` or a term.
struct RawToken {
    var normalized: UnsafeBufferPointer<UInt8>
    var stem: UnsafeBufferPointer<UInt8>
    var script: Script
    var position: Int
    var kind: Token.Kind
    var utf8Range: Range<Int>
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether two byte ranges hold the same bytes.
    func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        if baseAddress == other.baseAddress { return true }
        for index in 0..<count where self[index] != other[index] {
            return false
        }
        return true
    }
}
