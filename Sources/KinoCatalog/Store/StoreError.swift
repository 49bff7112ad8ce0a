/// Why the store refused to open or to write.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// The database was written by a newer Kino than this one.
        case schemaTooNew
        /// The database URL is not one Kino understands.
        case invalidURL
        /// The database cannot be reached or opened.
        case unavailable
        /// A stored document cannot be read back.
        case corruptDocument
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
