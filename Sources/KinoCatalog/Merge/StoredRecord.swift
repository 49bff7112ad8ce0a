/// A source record as the catalog keeps it: linked to its film, with the rule that linked it and its content hash.
public struct StoredRecord: Hashable, Codable, Sendable {
    public var record: SourceRecord
    public var filmID: Int
    public var rule: MergeRule
    public var hash: String

    public init(record: SourceRecord, filmID: Int, rule: MergeRule, hash: String) {
        self.record = record
        self.filmID = filmID
        self.rule = rule
        self.hash = hash
    }

    enum CodingKeys: String, CodingKey {
        case record, filmID = "film_id", rule, hash
    }
}
