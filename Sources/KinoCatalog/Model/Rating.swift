import Foundation

/// Where a rating comes from.
public enum RatingSource: String, CaseIterable, Codable, Sendable, Comparable, CodingKeyRepresentable {
    case kinopoisk
    case imdb
    case tmdb
    case movielens
    case metacritic

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The best possible value on this source's scale.
    public var scale: Double {
        switch self {
        case .kinopoisk, .imdb, .tmdb: 10
        case .movielens: 5
        case .metacritic: 100
        }
    }
}

/// One source's rating of a film, on that source's own scale (see ``RatingSource/scale``).
public struct Rating: Hashable, Codable, Sendable {
    public var source: RatingSource
    public var value: Double
    public var votes: Int?

    public init(source: RatingSource, value: Double, votes: Int?) {
        self.source = source
        self.value = value
        self.votes = votes
    }
}

/// An amount of money in a currency (ISO 4217 code, e.g. `USD`, `RUB`).
public struct Money: Hashable, Codable, Sendable {
    public var amount: Double
    public var currency: String

    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Reads the currency marks that sources write (`$`, `€`, `₽`, `руб.`) as ISO codes.
    static func currencyCode(_ mark: String?) -> String {
        switch mark?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "$", "usd", nil, "": "USD"
        case "€", "eur": "EUR"
        case "₽", "rub", "руб", "руб.", "р.": "RUB"
        case "£", "gbp": "GBP"
        case let other?: other.uppercased()
        }
    }
}
