/// Walks a segment's dictionary entries in key order (field, then term bytes) and seeks: over the term file's
/// blocks (``TermDictionaryReader/Entries``) or over the segment's in-memory ``TermTable``.
protocol TermCursor: IteratorProtocol<(key: [UInt8], info: TermInfo)> {
    /// Moves to the first entry whose key is not below `target`: the next call of `next()` returns it (or nil when
    /// every key is below `target`).
    mutating func seek(to target: [UInt8])

    /// How many entries the cursor has read, seeks included: the work a walk did.
    var decodedCount: Int { get }

    /// Moves to the next entry as `next()` does and returns its info, leaving its key in the cursor
    /// (``withKey(_:)``) instead of handing over a copy.
    mutating func advance() -> TermInfo?

    /// Calls `body` with the key of the entry `advance()` last moved to, valid only inside `body`.
    func withKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
}

extension TermCursor {
    mutating func advance() -> TermInfo? {
        next()?.info
    }
}
