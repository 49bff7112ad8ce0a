/// Something wrong with one row or record of a dataset, named by file and line (or record).
public struct ImportIssue: Hashable, Codable, Sendable, CustomStringConvertible {
    /// `file:line`, or `file#record` for JSON.
    public var origin: String
    public var message: String

    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(origin): \(message)" }
}

/// What an import did, per source.
public struct SourceReport: Codable, Sendable {
    public var source: Source
    public var files: [String] = []
    /// Records read from the files (after duplicates inside the source collapsed: see ``duplicatesCollapsed``).
    public var recordsRead = 0
    public var duplicatesCollapsed = 0
    /// Rows or records rejected whole, with the reason.
    public var rejected: [ImportIssue] = []
    /// Fields dropped from otherwise good records (an unparsable rating, an unknown genre word), with the reason.
    public var warnings: [ImportIssue] = []
    public var filmsCreated = 0
    public var filmsMerged = 0
    public var recordsUpdated = 0
    public var recordsUnchanged = 0

    public init(source: Source) { self.source = source }
}

/// What `kino import` did.
public struct ImportReport: Codable, Sendable {
    public var sources: [SourceReport] = []
    /// Files under the given paths that are not a known dataset.
    public var skippedFiles: [String] = []
    public var externalRatingsImported = 0
    public var externalTagsImported = 0
    public var externalRatingsUnchanged = false

    public init() {}

    public var totalRejected: Int { sources.reduce(0) { $0 + $1.rejected.count } }
}
