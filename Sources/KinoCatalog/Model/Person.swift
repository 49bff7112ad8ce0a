/// A person of the catalog: directors, writers, actors and the rest, named in Russian and/or English.
public struct Person: Hashable, Codable, Sendable {
    public var id: Int
    public var nameRU: String?
    public var nameEN: String?
    public var kinopoiskID: Int?

    public init(id: Int, nameRU: String?, nameEN: String?, kinopoiskID: Int?) {
        self.id = id
        self.nameRU = nameRU
        self.nameEN = nameEN
        self.kinopoiskID = kinopoiskID
    }

    /// The name to show: Russian when known, else English.
    public var displayName: String { nameRU ?? nameEN ?? "" }

    enum CodingKeys: String, CodingKey {
        case id, nameRU = "name_ru", nameEN = "name_en", kinopoiskID = "kinopoisk_id"
    }
}
