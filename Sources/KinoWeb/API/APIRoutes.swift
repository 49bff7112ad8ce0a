import Foundation
import Hummingbird
import KinoCatalog
import KinoIndex
import KinoSearch
import Metrics

/// The JSON API v1: search, suggest, films, similar films, people.
struct APIRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<KinoRequestContext>) {
        let api = router.group("api/v1")
        api.get("search", use: search)
        api.get("suggest", use: suggest)
        api.get("films/:id", use: film)
        api.get("films/:id/similar", use: similar)
        api.get("people/:id", use: person)
        api.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }

    /// The API's answers depend on the URL alone (no cookies, no `Accept-Language`), so a repeated URL is answered
    /// before its parameters are even read.
    @Sendable func search(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let generation = services.index.current
        return try await services.cache.answer(services.cacheKey(generation, language: .ru, uri: request.uri.string)) {
            let parameters = request.uri.queryParameters
            try SearchParameters.requireValues(parameters)
            let language = try SearchParameters.language(parameters) ?? .ru
            let query = try SearchParameters.request(parameters, language: language)
            return try JSONResponse.body(try services.search(query, on: generation))
        }
    }

    @Sendable func suggest(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let generation = services.index.current
        return try await services.cache.answer(services.cacheKey(generation, language: .ru, uri: request.uri.string)) {
            let parameters = request.uri.queryParameters
            try SearchParameters.requireValues(parameters)
            let language = try SearchParameters.language(parameters) ?? .ru
            let text = parameters.get("q") ?? ""
            return try JSONResponse.body(try services.suggest(text, language: language, on: generation))
        }
    }

    @Sendable func film(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let id = try Self.id(context)
        guard let film = try await services.store.film(id: id) else { throw WebError.notFound("film \(id) is not in the catalog") }
        return try JSONResponse.encode(FilmDetail(film: film))
    }

    @Sendable func similar(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let id = try Self.id(context)
        try SearchParameters.requireValues(request.uri.queryParameters)
        let limit = try SearchParameters.integer(request.uri.queryParameters, "limit", in: 1...100) ?? 10
        let generation = services.index.current
        let found: (film: IndexedFilm, matches: [SimilarFilms.Match])
        do {
            found = try SimilarFilms(searcher: generation.searcher).find(filmID: id, limit: limit)
        } catch {
            throw WebError(error)
        }
        struct Body: Encodable {
            let id: Int
            let title: String
            let similar: [SimilarFilms.Match]
        }
        return try JSONResponse.encode(Body(id: found.film.id, title: found.film.title, similar: found.matches))
    }

    @Sendable func person(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let generation = services.index.current
        let entry = generation.people.person(id: id)
        let stored = try await services.store.person(id: id)
        guard entry != nil || stored != nil else { throw WebError.notFound("person \(id) is not in the catalog") }
        struct Body: Encodable {
            struct Film: Encodable {
                let film: FilmSummary
                let role: String
                func encode(to encoder: any Encoder) throws {
                    try film.encode(to: encoder)
                    var container = encoder.container(keyedBy: Key.self)
                    try container.encode(role, forKey: .role)
                }
                enum Key: String, CodingKey { case role }
            }
            let id: Int
            let name: String
            let name_en: String?
            let kinopoisk_id: Int?
            let films: [Film]
        }
        let films = (entry?.films ?? []).compactMap { item in
            generation.index.film(item.doc).map { Body.Film(film: FilmSummary($0), role: item.role.rawValue) }
        }
        return try JSONResponse.encode(Body(
            id: id, name: stored?.displayName ?? entry?.name ?? "", name_en: stored?.nameEN ?? entry?.nameEN,
            kinopoisk_id: stored?.kinopoiskID, films: films))
    }

    /// The `id` path parameter: a positive whole number.
    static func id(_ context: KinoRequestContext) throws(WebError) -> Int {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int(text), id > 0 else { throw .invalid("id", "'\(text.prefix(40))' is not a film or person id") }
        return id
    }
}

/// The whole film as the catalog holds it, as `/api/v1/films/{id}` answers.
struct FilmDetail: Encodable {
    let film: Film

    func encode(to encoder: any Encoder) throws {
        try film.encode(to: encoder)
    }
}

enum JSONResponse {
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let (headers, body) = try self.body(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    /// The headers and body of `value` as JSON.
    static func body(_ value: some Encodable) throws -> (HTTPFields, ByteBuffer) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ([.contentType: "application/json; charset=utf-8"], ByteBuffer(bytes: try encoder.encode(value)))
    }
}
