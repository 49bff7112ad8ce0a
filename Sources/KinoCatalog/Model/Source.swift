import Foundation

/// A dataset or site that contributes source records to the catalog.
///
/// The order of the cases is the merge priority: when two records of one film disagree on a field, the record of the
/// earlier source wins (see ``FilmBuilder``). Records are also merged in this order, so films are first created from
/// the sources richest in external ids.
public enum Source: String, CaseIterable, Codable, Sendable, Comparable {
    case kinopoiskFull = "kinopoisk-full"
    case tmdb
    case movielens
    case kinopoiskList = "kinopoisk-list"
    case kinopoiskUnofficial = "kinopoisk-unofficial"
    case kinopoiskHD = "kinopoisk-hd"
    case kinopoisk400 = "kinopoisk-400"
    case imdbTop = "imdb-top"
    case mkrf
    case scraped

    public static func < (lhs: Source, rhs: Source) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The external-id namespace in which this source's own record ids live, if any.
    public var idNamespace: ExternalIDNamespace? {
        switch self {
        case .kinopoiskFull, .kinopoiskList, .kinopoiskUnofficial, .kinopoiskHD, .kinopoisk400: .kinopoisk
        case .tmdb: .tmdb
        case .movielens: .movielens
        case .mkrf: .mkrf
        case .imdbTop, .scraped: nil
        }
    }
}

/// The namespaces of external film ids the catalog keeps.
public enum ExternalIDNamespace: String, CaseIterable, Codable, Sendable, Comparable, CodingKeyRepresentable {
    case kinopoisk
    case imdb
    case tmdb
    case movielens
    case mkrf

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Whether two different ids in this namespace mean two different films. A film can hold several distribution
    /// certificates (`mkrf`), but only one id of every other namespace.
    public var isUnique: Bool { self != .mkrf }
}

/// A reference to one film by an external id, as `kino catalog get tmdb:19995` takes it.
public struct ExternalID: Hashable, Codable, Sendable, CustomStringConvertible {
    public var namespace: ExternalIDNamespace
    public var value: String

    public init(_ namespace: ExternalIDNamespace, _ value: String) {
        self.namespace = namespace
        self.value = ExternalID.canonical(namespace, value)
    }

    /// Parses `namespace:value`; nil when the namespace is unknown or the value empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":"),
              let namespace = ExternalIDNamespace(rawValue: text[..<colon].lowercased())
        else { return nil }
        let value = String(text[text.index(after: colon)...])
        guard !ExternalID.canonical(namespace, value).isEmpty else { return nil }
        self.init(namespace, value)
    }

    public var description: String { "\(namespace.rawValue):\(value)" }

    /// IMDb ids are written `tt` and at least seven digits; numeric ids lose leading zeros and spaces.
    static func canonical(_ namespace: ExternalIDNamespace, _ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        switch namespace {
        case .imdb:
            let digits = trimmed.lowercased().hasPrefix("tt") ? String(trimmed.dropFirst(2)) : trimmed
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits) else { return "" }
            let text = String(number)
            return "tt" + String(repeating: "0", count: max(0, 7 - text.count)) + text
        case .kinopoisk, .tmdb, .movielens:
            guard let number = Int(trimmed), number > 0 else { return "" }
            return String(number)
        case .mkrf:
            return trimmed
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
