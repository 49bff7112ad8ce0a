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

/// A token as ``Analyzer/forEachToken(in:_:)`` hands it over: the bytes of its normalized form and of its stem (the
/// normalized form's when stemming is off), valid only inside the call.
public struct TokenView {
    public let normalized: UnsafeBufferPointer<UInt8>
    public let stem: UnsafeBufferPointer<UInt8>
    /// The word position, as ``Token/position``.
    public let position: Int
    public let kind: Token.Kind
    /// Where the token is in the analysed text, in UTF-8 bytes.
    public let utf8Range: Range<Int>
}
