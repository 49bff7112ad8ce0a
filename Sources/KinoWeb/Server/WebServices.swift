import Foundation
import KinoCatalog
import KinoSearch
import Metrics

/// What the routes share: the catalog, the served index, and the search metrics.
public struct WebServices: Sendable {
    public let store: any CatalogStore
    public let index: ServedIndex
    /// Answers to repeated requests on the served generation.
    let cache = ResponseCache()
    let caching: Bool
    private let searchTimer = Timer(label: "kino_search_duration", preferredDisplayUnit: .seconds)

    /// `caching`: whether repeated searches, suggestions and pages are answered from memory (see ``ResponseCache``).
    public init(store: any CatalogStore, index: ServedIndex, caching: Bool = true) {
        self.store = store
        self.index = index
        self.caching = caching
    }

    /// The cache key of a request on `generation`, or nil when caching is off.
    func cacheKey(_ generation: ServedIndex.Generation, language: SearchRequest.Language, uri: String) -> String? {
        !caching ? nil : ResponseCache.key(generation: generation.name, language: language.rawValue, uri: uri)
    }

    /// A search on `generation` (the one served now by default); its time goes to the `kino_search_duration`
    /// histogram.
    func search(_ request: SearchRequest, on generation: ServedIndex.Generation? = nil) throws(WebError) -> SearchResponse {
        do {
            let response = try (generation ?? index.current).searcher.search(request)
            searchTimer.recordNanoseconds(Int64(response.tookMilliseconds * 1_000_000))
            return response
        } catch {
            throw WebError(error)
        }
    }

    /// At most 10 films and people for a search box: the best films for the words typed so far (the last word as a
    /// prefix), then people whose names start so.
    func suggest(_ text: String, language: SearchRequest.Language, on generation: ServedIndex.Generation) throws(WebError)
        -> Suggestions {
        let text = String(text.prefix(SearchRequest.maximumQueryCharacters))
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return Suggestions(query: text, corrected: nil, suggestions: [])
        }
        let people = generation.people.matching(text, limit: 3)
        var request = SearchRequest(query: text)
        request.perPage = Suggestions.limit - min(people.count, 3)
        request.facets = false
        request.highlight = false
        request.language = language
        let films: SearchResponse
        do {
            films = try generation.searcher.search(request)
        } catch {
            throw WebError(error)
        }
        // A query typed in the wrong layout or script finds people through its corrected reading.
        let morePeople = people.isEmpty ? films.corrected.map { generation.people.matching($0, limit: 3) } ?? [] : []
        var items = films.hits.map { Suggestions.Item(film: $0.film) }
        items += (people + morePeople).prefix(Suggestions.limit - items.count).map { Suggestions.Item(person: $0) }
        return Suggestions(query: text, corrected: films.corrected, suggestions: items)
    }
}

/// The answer of `/api/v1/suggest`: `{"query", "corrected", "suggestions": [{"kind": "film"|"person", "id", "title",
/// "subtitle", "year", "url"}]}`.
struct Suggestions: Encodable, Sendable {
    static let limit = 10

    struct Item: Encodable, Sendable {
        var kind: String
        var id: Int
        var title: String
        var subtitle: String?
        var year: Int?
        var url: String

        init(film: IndexedFilm) {
            kind = "film"
            id = film.id
            title = film.title
            subtitle = film.originalTitle == film.title ? nil : film.originalTitle
            year = film.year
            url = "/films/\(film.id)"
        }

        init(person: PeopleDirectory.Entry) {
            kind = "person"
            id = person.id
            title = person.name
            subtitle = person.nameEN == person.name ? nil : person.nameEN
            url = "/people/\(person.id)"
        }
    }

    var query: String
    var corrected: String?
    var suggestions: [Item]
}
