import Foundation
import KinoCatalog

/// The film sites the extractor knows by their URLs; every other site is `other`.
enum FilmSite: Equatable {
    case kinopoisk
    case imdb
    case letterboxd
    case wikipedia
    case other

    init(_ url: URL) {
        let host = url.host?.lowercased() ?? ""
        func isHost(_ domain: String) -> Bool { host == domain || host.hasSuffix("." + domain) }
        if isHost("kinopoisk.ru") {
            self = .kinopoisk
        } else if isHost("imdb.com") {
            self = .imdb
        } else if isHost("letterboxd.com") {
            self = .letterboxd
        } else if isHost("wikipedia.org") {
            self = .wikipedia
        } else {
            self = .other
        }
    }

    /// Where the site's own ratings go in the catalog; nil for sites whose ratings the catalog does not keep.
    var ratingSource: RatingSource? {
        switch self {
        case .kinopoisk: .kinopoisk
        case .imdb: .imdb
        case .letterboxd, .wikipedia, .other: nil
        }
    }

    /// What a page is by its URL alone; nil when the URL does not say (Wikipedia articles, unknown sites).
    func kind(of url: URL) -> PageKind? {
        let parts = url.path.split(separator: "/").map(String.init)
        let first = parts.first ?? ""
        switch self {
        case .kinopoisk:
            if ["film", "series"].contains(first), parts.count >= 2, Int(parts[1]) != nil {
                if parts.count == 2 { return .film }
                return parts[2] == "cast" ? .cast : .other
            }
            if first == "name" { return .person }
            if ["lists", "top", "popular", "s", "index.php"].contains(first) { return .list }
            return parts.isEmpty ? .list : .other
        case .imdb:
            if first == "title", parts.count >= 2, parts[1].hasPrefix("tt") { return parts.count == 2 ? .film : .other }
            if first == "name" { return .person }
            if ["find", "chart", "search", "list"].contains(first) { return .list }
            return .other
        case .letterboxd:
            if first == "film", parts.count == 2 { return .film }
            if first == "film" { return .other }
            if ["films", "list", "lists"].contains(first) || parts.dropFirst().first == "list" { return .list }
            if ["director", "actor", "writer", "producer", "composer", "cinematography"].contains(first) { return .person }
            return nil
        case .wikipedia, .other:
            return nil
        }
    }

    /// The film id a URL of the site carries: Kinopoisk `/film/77443/`, IMDb `/title/tt1486217/`, TMDB `/movie/603`.
    static func filmID(in url: URL) -> (namespace: ExternalIDNamespace, value: String)? {
        let host = url.host?.lowercased() ?? ""
        let parts = url.path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        if host.hasSuffix("kinopoisk.ru"), ["film", "series"].contains(parts[0]) {
            let value = ExternalID(.kinopoisk, parts[1]).value
            return value.isEmpty ? nil : (.kinopoisk, value)
        }
        if host.hasSuffix("imdb.com"), parts[0] == "title" {
            let value = ExternalID(.imdb, parts[1]).value
            return value.isEmpty ? nil : (.imdb, value)
        }
        if host.hasSuffix("themoviedb.org"), ["movie", "tv"].contains(parts[0]) {
            let digits = parts[1].prefix { $0.isASCII && $0.isNumber }
            let value = ExternalID(.tmdb, String(digits)).value
            return value.isEmpty ? nil : (.tmdb, value)
        }
        return nil
    }

    /// The Kinopoisk person id of a `kinopoisk.ru/name/ID/` URL.
    static func kinopoiskPersonID(in url: URL) -> Int? {
        guard url.host?.lowercased().hasSuffix("kinopoisk.ru") == true else { return nil }
        let parts = url.path.split(separator: "/")
        guard parts.count >= 2, parts[0] == "name", let id = Int(parts[1]), id > 0 else { return nil }
        return id
    }
}
