/// Why an import failed as a whole. Nothing of a failed import is stored.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// A path given to the import does not exist or cannot be read.
        case unreadable
        /// A row or record is malformed and the import was asked to stop on the first one.
        case malformedRecord
        /// A file has the name or shape of a dataset but not its columns.
        case unexpectedLayout
        /// None of the given paths holds a known dataset.
        case nothingToImport
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
