/// A token as the analysis loop produces it: views of the workspace's buffers, valid only inside the callback
/// that receives it; the original text is where ``utf8Range`` says. ``Analyzer`` turns it into a ``Token`` or a term,
/// or hands it over as it is (``Analyzer/forEachToken(in:_:)``).
public struct RawToken {
    /// The normalized form's UTF-8.
    public let normalized: UnsafeBufferPointer<UInt8>
    /// The stem's UTF-8 (the normalized form's when stemming is off).
    public let stem: UnsafeBufferPointer<UInt8>
    public let script: Script
    /// The word position, as ``Token/position``.
    public let position: Int
    public let kind: Token.Kind
    /// Where the token is in the analysed text, in UTF-8 bytes.
    public let utf8Range: Range<Int>
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

