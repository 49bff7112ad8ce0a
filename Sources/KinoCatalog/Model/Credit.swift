/// What a person did on a film.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case director
    case writer
    case actor
    case producer
    case composer
    case cinematographer
    case editor
    case designer
    case voice
    /// The source lists the person without saying what they did (Kinopoisk list records).
    case crew

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Maps a source's profession word (`director`, `режиссеры`, `актеры`, `actor`, ...) to a role.
    package static func lookup(_ word: String) -> Role? {
        switch word.lowercased() {
        case "director", "directors", "режиссер", "режиссеры", "режиссёр", "режиссёры": .director
        case "writer", "writers", "сценарист", "сценаристы": .writer
        case "actor", "actors", "актер", "актеры", "актёр", "актёры", "star", "stars": .actor
        case "producer", "producers", "продюсер", "продюсеры": .producer
        case "composer", "composers", "композитор", "композиторы": .composer
        case "operator", "operators", "cinematographer", "оператор", "операторы": .cinematographer
        case "editor", "editors", "монтажер", "монтажеры", "монтажёр", "монтажёры": .editor
        case "designer", "designers", "художник", "художники": .designer
        case "voice_actor", "voice actor", "voice_actors", "актер дубляжа", "актеры дубляжа", "актёры дубляжа": .voice
        default: nil
        }
    }
}

/// One person's part in a film as a source record states it, before people are identified across sources.
public struct SourceCredit: Hashable, Codable, Sendable {
    public var nameRU: String?
    public var nameEN: String?
    public var kinopoiskID: Int?
    public var role: Role
    public var character: String?

    public init(nameRU: String? = nil, nameEN: String? = nil, kinopoiskID: Int? = nil, role: Role, character: String? = nil) {
        self.nameRU = nameRU
        self.nameEN = nameEN
        self.kinopoiskID = kinopoiskID
        self.role = role
        self.character = character
    }

    enum CodingKeys: String, CodingKey {
        case nameRU = "name_ru", nameEN = "name_en", kinopoiskID = "kinopoisk_id", role, character
    }
}

/// A person's part in a merged film, linked to the catalog's ``Person``.
public struct Credit: Hashable, Codable, Sendable {
    public var personID: Int
    public var name: String
    public var nameEN: String?
    public var role: Role
    public var character: String?

    enum CodingKeys: String, CodingKey {
        case personID = "person_id", name, nameEN = "name_en", role, character
    }
}
