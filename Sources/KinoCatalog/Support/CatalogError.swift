/// Why a catalog operation failed: an import, a store, a snapshot. The message names what was wrong (a file and
/// line, a URL, a schema version); the code says what kind of failure it was, for callers that map failures to
/// exit codes or HTTP statuses. Nothing of a failed write is stored.
public struct CatalogError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        // Imports and snapshots.
        /// A path does not exist or cannot be read.
        case unreadable
        /// A file cannot be written.
        case unwritable
        /// A row or record is malformed and the import was asked to stop on the first one.
        case malformedRecord
        /// A file has the name or shape of a dataset but not its columns.
        case unexpectedLayout
        /// None of the given paths holds a known dataset.
        case nothingToImport
        /// A snapshot is truncated or is not a Kino catalog snapshot.
        case corruptSnapshot
        /// A snapshot was written by a newer Kino.
        case snapshotTooNew
        /// A snapshot loads into an empty catalog only.
        case catalogNotEmpty

        // Stores.
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
