/// Everything one import (or snapshot load) writes, applied in one transaction.
public struct CatalogChanges: Sendable {
    public var films: [Film] = []
    public var records: [StoredRecord] = []
    public var people: [Person] = []
    /// Replaces the external ratings set of MovieLens when not nil.
    public var externalRatings: [ExternalRating]?
    /// Replaces the external tags of MovieLens when not nil.
    public var externalTags: [ExternalTag]?
    public var fingerprints: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool {
        films.isEmpty && records.isEmpty && people.isEmpty && externalRatings == nil && externalTags == nil && fingerprints.isEmpty
    }
}
