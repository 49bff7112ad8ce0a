/// Why building, opening or searching the film index failed. The message names the file or value at fault.
public struct SearchError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case unreadable
        case unwritable
        /// An index file or `CURRENT` failed validation.
        case corruptIndex
        /// There is no index generation yet.
        case noIndex
        case invalidArgument
        /// The film or person asked for is not in the index.
        case notFound
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
