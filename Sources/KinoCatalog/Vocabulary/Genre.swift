import Foundation

/// A canonical genre of the catalog, with Russian and English labels.
///
/// The set is the union of what the sources express: Kinopoisk's 32 Russian genres
/// (which also cover every IMDb genre), TMDB's and MovieLens's English genres, and TMDB's
/// "TV Movie". Where two sources name the same genre differently they are merged (Mystery =
/// детектив, Romance = мелодрама, Animation = мультфильм, Children = детский). Cases are declared
/// in alphabetical order of their English label; `<` follows declaration order.
///
/// The raw value (the case name) is the stable storage form.
public enum Genre: String, CaseIterable, Codable, Sendable, Comparable {
    case action
    case adult
    case adventure
    case animation
    case anime
    case biography
    case ceremony
    case comedy
    case concert
    case crime
    case documentary
    case drama
    case family
    case fantasy
    case filmNoir
    case gameShow
    case history
    case horror
    case kids
    case music
    case musical
    case mystery
    case news
    case realityTV
    case romance
    case scienceFiction
    case short
    case sport
    case talkShow
    case thriller
    case tvMovie
    case war
    case western
}

extension Genre {
    /// The Russian label, as Kinopoisk writes it (lower case), e.g. "боевик".
    public var labelRU: String {
        switch self {
        case .action: "боевик"
        case .adult: "для взрослых"
        case .adventure: "приключения"
        case .animation: "мультфильм"
        case .anime: "аниме"
        case .biography: "биография"
        case .ceremony: "церемония"
        case .comedy: "комедия"
        case .concert: "концерт"
        case .crime: "криминал"
        case .documentary: "документальный"
        case .drama: "драма"
        case .family: "семейный"
        case .fantasy: "фэнтези"
        case .filmNoir: "фильм-нуар"
        case .gameShow: "игра"
        case .history: "история"
        case .horror: "ужасы"
        case .kids: "детский"
        case .music: "музыка"
        case .musical: "мюзикл"
        case .mystery: "детектив"
        case .news: "новости"
        case .realityTV: "реальное ТВ"
        case .romance: "мелодрама"
        case .scienceFiction: "фантастика"
        case .short: "короткометражка"
        case .sport: "спорт"
        case .talkShow: "ток-шоу"
        case .thriller: "триллер"
        case .tvMovie: "телефильм"
        case .war: "военный"
        case .western: "вестерн"
        }
    }

    /// The English label, e.g. "Action".
    public var labelEN: String {
        switch self {
        case .action: "Action"
        case .adult: "Adult"
        case .adventure: "Adventure"
        case .animation: "Animation"
        case .anime: "Anime"
        case .biography: "Biography"
        case .ceremony: "Ceremony"
        case .comedy: "Comedy"
        case .concert: "Concert"
        case .crime: "Crime"
        case .documentary: "Documentary"
        case .drama: "Drama"
        case .family: "Family"
        case .fantasy: "Fantasy"
        case .filmNoir: "Film Noir"
        case .gameShow: "Game Show"
        case .history: "History"
        case .horror: "Horror"
        case .kids: "Children"
        case .music: "Music"
        case .musical: "Musical"
        case .mystery: "Mystery"
        case .news: "News"
        case .realityTV: "Reality TV"
        case .romance: "Romance"
        case .scienceFiction: "Science Fiction"
        case .short: "Short"
        case .sport: "Sport"
        case .talkShow: "Talk Show"
        case .thriller: "Thriller"
        case .tvMovie: "TV Movie"
        case .war: "War"
        case .western: "Western"
        }
    }

    public static func < (lhs: Genre, rhs: Genre) -> Bool {
        order[lhs]! < order[rhs]!
    }

    private static let order: [Genre: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// Maps one genre word of any source ("боевик", "Action", "Sci-Fi", "Science Fiction",
    /// "фантастика", "Film-Noir", "мультфильм", "для взрослых", "Children", "Musical", "TV Movie",
    /// "реальное ТВ", ...) to the canonical genre; nil when unknown or ignored.
    /// Case-insensitive, trims whitespace, ё→е; hyphens, underscores and spaces are equivalent
    /// ("Sci-Fi" = "sci fi", "ток шоу" = "ток-шоу").
    public static func lookup(_ word: String) -> Genre? {
        aliases[normalize(word)]
    }

    /// Words that sources use but that carry no genre; lookup returns nil for them and importers
    /// skip them silently:
    /// - MovieLens "(no genres listed)";
    /// - MovieLens "IMAX" (a projection format, not a genre);
    /// - TMDB "Foreign" (means "not American", says nothing about the genre);
    /// - the empty word (what "драма," or "Drama||Crime" splits into).
    public static func isIgnored(_ word: String) -> Bool {
        ignored.contains(normalize(word))
    }

    /// The lookup key: lower case, ё→е, every dash, hyphen and underscore a space, runs of
    /// whitespace one space, trimmed.
    static func normalize(_ word: String) -> String {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        var pendingSpace = false
        for raw in word.lowercased() {
            let ch: Character = raw == "ё" ? "е" : raw
            switch ch {
            case "-", "_", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}":
                pendingSpace = true
            default:
                if ch.isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace, !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(ch)
                }
            }
        }
        return out
    }

    private static let ignored: Set<String> = Set(
        ["", "(no genres listed)", "no genres listed", "imax", "foreign"].map(normalize))

    /// Every spelling a source uses (or plausibly uses), grouped by canonical genre.
    /// The canonical Russian and English labels and the raw value are added automatically.
    private static let aliasGroups: [(Genre, [String])] = [
        // Kinopoisk "боевик"; TMDB/MovieLens/IMDb "Action".
        (.action, ["боевик", "боевики", "Action", "action film"]),
        // Kinopoisk "для взрослых"; IMDb "Adult".
        (.adult, ["для взрослых", "Adult", "Adults"]),
        // Kinopoisk "приключения"; "Adventure" everywhere else.
        (.adventure, ["приключения", "приключенческий", "Adventure", "Adventures"]),
        // Kinopoisk "мультфильм"; "Animation" in TMDB/MovieLens/IMDb.
        (.animation, ["мультфильм", "мультфильмы", "мультипликация", "анимация", "анимационный",
                      "Animation", "Animated", "cartoon", "cartoons"]),
        // Kinopoisk "аниме" (kept apart from animation, as Kinopoisk does).
        (.anime, ["аниме", "Anime"]),
        // Kinopoisk "биография"; IMDb "Biography".
        (.biography, ["биография", "биографический", "Biography", "Biographical", "biopic"]),
        // Kinopoisk "церемония" (award ceremonies and the like).
        (.ceremony, ["церемония", "церемонии", "Ceremony", "award show", "awards show"]),
        (.comedy, ["комедия", "комедии", "Comedy", "comedies"]),
        // Kinopoisk "концерт".
        (.concert, ["концерт", "концерты", "Concert", "concert film"]),
        // Kinopoisk "криминал"; "Crime" elsewhere.
        (.crime, ["криминал", "криминальный", "Crime"]),
        (.documentary, ["документальный", "документальный фильм", "документалистика",
                        "Documentary", "documentaries"]),
        (.drama, ["драма", "драмы", "Drama"]),
        // Kinopoisk "семейный"; TMDB/IMDb "Family".
        (.family, ["семейный", "семейное", "Family"]),
        (.fantasy, ["фэнтези", "фентези", "Fantasy"]),
        // Kinopoisk "фильм-нуар"; MovieLens/IMDb "Film-Noir".
        (.filmNoir, ["фильм-нуар", "нуар", "Film-Noir", "Film Noir", "noir"]),
        // Kinopoisk "игра" (TV game shows); IMDb "Game-Show".
        (.gameShow, ["игра", "игровое шоу", "телевикторина", "Game-Show", "Game Show", "Gameshow"]),
        // Kinopoisk "история"; TMDB/IMDb "History".
        (.history, ["история", "исторический", "History", "Historical"]),
        // Kinopoisk "ужасы"; "Horror" elsewhere.
        (.horror, ["ужасы", "ужас", "фильм ужасов", "Horror"]),
        // Kinopoisk "детский"; MovieLens "Children"; TMDB (TV) "Kids". Kept apart from family,
        // because Kinopoisk has both "детский" and "семейный".
        (.kids, ["детский", "детские", "детский фильм", "Children", "Children's", "Childrens", "Kids"]),
        // Kinopoisk "музыка"; TMDB/IMDb "Music".
        (.music, ["музыка", "музыкальный", "Music"]),
        // Kinopoisk "мюзикл"; MovieLens/IMDb "Musical".
        (.musical, ["мюзикл", "мюзиклы", "Musical", "Musicals"]),
        // Kinopoisk "детектив"; TMDB/MovieLens/IMDb "Mystery" (Kinopoisk files the same films there).
        (.mystery, ["детектив", "детективы", "Mystery", "Detective"]),
        // Kinopoisk "новости"; IMDb/TMDB (TV) "News".
        (.news, ["новости", "News"]),
        // Kinopoisk "реальное ТВ"; IMDb "Reality-TV"; TMDB (TV) "Reality".
        (.realityTV, ["реальное ТВ", "реалити-шоу", "реалити", "Reality-TV", "Reality TV", "Reality"]),
        // Kinopoisk "мелодрама"; "Romance" elsewhere.
        (.romance, ["мелодрама", "мелодрамы", "романтика", "Romance", "Romantic", "Melodrama"]),
        // Kinopoisk "фантастика"; TMDB "Science Fiction"; MovieLens/IMDb "Sci-Fi".
        (.scienceFiction, ["фантастика", "научная фантастика", "научно-фантастический",
                           "Science Fiction", "Sci-Fi", "SciFi", "SF"]),
        // Kinopoisk "короткометражка"; IMDb "Short".
        (.short, ["короткометражка", "короткометражный", "короткометражный фильм",
                  "Short", "Short Film"]),
        // Kinopoisk "спорт"; IMDb "Sport".
        (.sport, ["спорт", "спортивный", "Sport", "Sports"]),
        // Kinopoisk "ток-шоу"; IMDb "Talk-Show"; TMDB (TV) "Talk".
        (.talkShow, ["ток-шоу", "Talk-Show", "Talk Show", "Talk"]),
        (.thriller, ["триллер", "триллеры", "Thriller"]),
        // TMDB "TV Movie" (a made-for-TV film; Kinopoisk has no such genre).
        (.tvMovie, ["телефильм", "телевизионный фильм", "TV Movie", "TV Film", "Made-for-TV",
                    "Made for TV Movie"]),
        // Kinopoisk "военный"; "War" elsewhere.
        (.war, ["военный", "военные", "война", "War"]),
        (.western, ["вестерн", "вестерны", "Western", "Westerns"]),
    ]

    /// Normalized alias → genre, built once. Conflicting aliases are a programming error and
    /// are reported by `aliasConflicts` (checked by the tests); the first mapping wins.
    private static let aliasTable: (map: [String: Genre], conflicts: [String]) = {
        var map: [String: Genre] = [:]
        var conflicts: [String] = []
        func add(_ alias: String, _ genre: Genre) {
            let key = normalize(alias)
            guard !key.isEmpty else { return }
            if let existing = map[key] {
                if existing != genre { conflicts.append("\(alias): \(existing) vs \(genre)") }
            } else {
                map[key] = genre
            }
        }
        for genre in allCases {
            add(genre.rawValue, genre)
            add(genre.labelRU, genre)
            add(genre.labelEN, genre)
        }
        for (genre, words) in aliasGroups {
            for word in words { add(word, genre) }
        }
        for word in ignored where map[word] != nil {
            conflicts.append("\(word): both ignored and mapped to \(map[word]!)")
        }
        return (map, conflicts)
    }()

    static var aliases: [String: Genre] { aliasTable.map }

    /// Aliases that were mapped to two genres (should be empty).
    static var aliasConflicts: [String] { aliasTable.conflicts }
}
