/// What kind of work a catalog entry is.
public enum FilmType: String, CaseIterable, Codable, Sendable {
    case film
    case series
    case animated
    case documentary
    case short

    public var labelRU: String {
        switch self {
        case .film: "фильм"
        case .series: "сериал"
        case .animated: "мультфильм"
        case .documentary: "документальный"
        case .short: "короткометражка"
        }
    }

    public var labelEN: String {
        switch self {
        case .film: "Film"
        case .series: "Series"
        case .animated: "Animated"
        case .documentary: "Documentary"
        case .short: "Short"
        }
    }

    /// Whether two records of these types can describe the same work: a series never merges with a film.
    func isCompatible(with other: FilmType) -> Bool {
        (self == .series) == (other == .series)
    }
}
