/// The one error type of the index engine: what went wrong, in which file.
///
/// Opening a segment validates every file's header, footer and checksum and every offset read from disk; anything
/// that does not add up is refused with one of these, and the message names the file ("postings.kix: checksum
/// mismatch ...").
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// The file is shorter than its header, footer or stated body length: it was cut short or is empty.
        case truncated
        /// The file does not start (or end) with the index magic: it is not an index file.
        case badMagic
        /// The file was written by a format version this build cannot read.
        case unsupportedVersion
        /// The bytes do not match the checksum in the footer.
        case checksumMismatch
        /// The bytes are well-formed on the outside but something inside does not add up.
        case corrupt
        /// The operating system refused a file operation.
        case io
        /// The caller passed something the index cannot take (an unknown field, a wrong column type).
        case invalidArgument
        /// The index folder has no generation yet: there is no `CURRENT`.
        case noIndex
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, starting with the file name where there is one.
    public var message: String

    /// Makes an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "IndexError(\(code)): \(message)" }
}
