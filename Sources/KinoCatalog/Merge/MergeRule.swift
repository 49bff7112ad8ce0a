/// Why a source record belongs to its film.
public enum MergeRule: Hashable, Codable, Sendable, CustomStringConvertible, RawRepresentable {
    /// The record made a new film: nothing in the catalog matched it.
    case new
    /// The film already had an external id the record has.
    case externalID(ExternalIDNamespace)
    /// A title agreed (in either script), the years are at most one apart, and they share a director.
    case titleYearDirector
    /// A title and the year agreed, and exactly one film matched; one side names no director.
    case titleYear

    public init?(rawValue: String) {
        switch rawValue {
        case "new": self = .new
        case "title-year-director": self = .titleYearDirector
        case "title-year": self = .titleYear
        default:
            guard rawValue.hasPrefix("external-id:"),
                  let namespace = ExternalIDNamespace(rawValue: String(rawValue.dropFirst("external-id:".count)))
            else { return nil }
            self = .externalID(namespace)
        }
    }

    public var rawValue: String {
        switch self {
        case .new: "new"
        case .externalID(let namespace): "external-id:\(namespace.rawValue)"
        case .titleYearDirector: "title-year-director"
        case .titleYear: "title-year"
        }
    }

    public var description: String {
        switch self {
        case .new: "no film matched: a new film"
        case .externalID(let namespace): "same \(namespace.rawValue) id"
        case .titleYearDirector: "same title, year ±1 and a shared director"
        case .titleYear: "same title and year, the only candidate"
        }
    }
}
