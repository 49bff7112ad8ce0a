import Foundation
import HTTPTypes
import Hummingbird
import KinoCatalog
import KinoIndex
import KinoSearch

/// The server-rendered site: home, search with facets, film and person pages, browse pages by genre, country and
/// decade, the sitemap and robots.txt, and the static CSS and JavaScript.
struct SiteRoutes: Sendable {
    let services: WebServices
    let renderer: SiteRenderer

    /// The most URLs one sitemap file lists (the protocol allows 50,000).
    static let sitemapSize = 40_000

    func register(on router: Router<KinoRequestContext>) {
        router.get("/", use: home)
        router.get("search") { request, _ in try await self.searchPage(request, fixed: nil) }
        router.get("genres/:genre") { request, context in
            let name = context.parameters.get("genre") ?? ""
            guard let genre = Genre(rawValue: name) else { throw WebError.notFound("no genre \(name.prefix(40))") }
            return try await self.searchPage(request, fixed: ("genre", genre.rawValue))
        }
        router.get("countries/:code") { request, context in
            let code = (context.parameters.get("code") ?? "").uppercased()
            guard code.count == 2, Country(code: code) != nil else { throw WebError.notFound("no country \(code.prefix(40))") }
            return try await self.searchPage(request, fixed: ("country", code))
        }
        router.get("decades/:year") { request, context in
            let text = context.parameters.get("year") ?? ""
            guard let year = Int(text), (1800...2100).contains(year), year % 10 == 0 else {
                throw WebError.notFound("no decade \(text.prefix(40))")
            }
            return try await self.searchPage(request, fixed: ("decade", String(year)))
        }
        router.get("films/:id", use: filmPage)
        router.get("people/:id", use: personPage)
        router.get("robots.txt") { _, _ in
            let text = "User-agent: *\nDisallow: /api/\nDisallow: /search\nAllow: /\nSitemap: \(self.renderer.publicURL)/sitemap.xml\n"
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("sitemap.xml", use: sitemapIndex)
        router.get("sitemaps/:name", use: sitemap)
        router.get("static/kino.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("static/kino.js") { _, _ in Self.asset(Assets.javascript, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - Home

    @Sendable func home(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let generation = services.index.current
        return try await services.cache.answer(renderer.cacheKey(request, services: services, generation: generation)) {
            try homeParts(request, generation: generation)
        }
    }

    func homeParts(_ request: Request, generation: ServedIndex.Generation) throws -> (HTTPFields, ByteBuffer) {
        let (language, _) = SiteRenderer.language(request)
        let strings = SiteStrings.table(language)
        var browse = SearchRequest()
        browse.language = language
        browse.perPage = 100
        browse.highlight = false
        let popular = try services.search(browse, on: generation)
        // Top rated among the most voted hundred, so a film rated by three people does not lead.
        let rated: [(film: IndexedFilm, rating: Double)] = popular.hits.compactMap { hit in
            hit.film.rating.map { (hit.film, $0) }
        }
        let topRated = rated.sorted { $0.rating != $1.rating ? $0.rating > $1.rating : $0.film.id < $1.film.id }
            .map(\.film)
        let values: [String: Any] = [
            "popular": ["films": popular.hits.prefix(12).map { Self.card($0.film) }],
            "topRated": ["films": topRated.prefix(12).map { Self.card($0) }],
            "genres": Self.facetLinks(popular.facets["genre"] ?? []),
            "countries": Self.facetLinks((popular.facets["country"] ?? []).prefix(24).map { $0 }),
            "decades": Self.facetLinks((popular.facets["decade"] ?? []).sorted { $0.value > $1.value }),
        ]
        let head = SiteRenderer.Head(title: "\(strings["siteName"]!) — \(strings["tagline"]!)",
                                     description: strings["tagline"]!, canonicalPath: "/")
        return renderer.render("home", head: head, values: values, request: request)
    }

    static func facetLinks(_ values: [SearchResponse.FacetValue]) -> [[String: Any]] {
        values.map { ["value": $0.value, "label": $0.label, "count": $0.count] }
    }

    static func card(_ film: IndexedFilm) -> [String: Any] {
        var card: [String: Any] = ["id": film.id, "title": film.title, "initial": String(film.title.prefix(1))]
        card["year"] = film.year
        card["poster"] = film.poster
        card["rating"] = film.rating.map { String(format: "%.1f", $0) }
        return card
    }

    // MARK: - Search and browse

    /// The search page; `fixed` is the facet value a browse page (`/genres/drama`) always applies.
    func searchPage(_ request: Request, fixed: (name: String, value: String)?) async throws -> Response {
        let generation = services.index.current
        return try await services.cache.answer(renderer.cacheKey(request, services: services, generation: generation)) {
            try searchParts(request, fixed: fixed, generation: generation)
        }
    }

    func searchParts(_ request: Request, fixed: (name: String, value: String)?, generation: ServedIndex.Generation)
        throws -> (HTTPFields, ByteBuffer) {
        let (language, _) = SiteRenderer.language(request)
        let strings = SiteStrings.table(language)
        let parameters = request.uri.queryParameters
        var query = try SearchParameters.request(parameters, language: language)
        // The parameters the page's links keep: the query, every facet value, ranges and the order.
        var pairs = parameters.map { (String($0.key), String($0.value)) }
            .filter { ["q", "sort", "year_from", "year_to", "rating_min", "rating_max", "runtime_min", "runtime_max"]
                .contains($0.0) || SearchParameters.facetNames.contains($0.0) }
            .filter { !$0.1.isEmpty }
        if let fixed, !pairs.contains(where: { $0 == fixed }) {
            pairs.append(fixed)
            switch fixed.name {
            case "genre": query.genres += Genre(rawValue: fixed.value).map { [$0] } ?? []
            case "country": query.countries.append(fixed.value)
            default: query.decades += Int(fixed.value).map { [$0] } ?? []
            }
        }
        let response = try services.search(query, on: generation)

        var facets: [[String: Any]] = []
        for name in SearchParameters.facetNames {
            guard var values = response.facets[name], !values.isEmpty else { continue }
            if name == "decade" { values.sort { $0.value > $1.value } }
            let selected = Set(pairs.filter { $0.0 == name }.map(\.1))
            let shown = values.enumerated().filter { $0.offset < 15 || selected.contains($0.element.value) }.map(\.element)
            facets.append([
                "name": name,
                "label": strings["facet_\(name)"] ?? name,
                "values": shown.map { value -> [String: Any] in
                    let isSelected = selected.contains(value.value)
                    var toggled = pairs.filter { !($0.0 == name && $0.1 == value.value) }
                    if !isSelected { toggled.append((name, value.value)) }
                    return ["value": value.value, "label": value.label, "count": value.count, "selected": isSelected,
                            "href": SiteRenderer.url(path: "/search", toggled)]
                },
            ])
        }
        let path = fixed == nil ? "/search" : request.uri.path
        let ownPairs = fixed == nil ? pairs : pairs.filter { $0 != fixed! }
        let sorts = SearchRequest.Sort.allCases.map { sort -> [String: Any] in
            var changed = ownPairs.filter { $0.0 != "sort" }
            if sort != .relevance { changed.append(("sort", sort.rawValue)) }
            return ["label": strings["sort_\(sort.rawValue)"]!, "current": sort == query.sort,
                    "href": SiteRenderer.url(path: path, changed)]
        }
        let genreLabels = { (film: IndexedFilm) in
            film.genres.prefix(3).map { language == .ru ? $0.labelRU : $0.labelEN }.joined(separator: ", ")
        }
        let hits = response.hits.map { hit -> [String: Any] in
            var item: [String: Any] = [
                "id": hit.film.id,
                "titleHTML": hit.highlight.title ?? SiteRenderer.escape(hit.film.title),
                "genres": genreLabels(hit.film),
            ]
            item["year"] = hit.film.year
            item["originalTitle"] = hit.film.originalTitle == hit.film.title ? nil : hit.film.originalTitle
            item["rating"] = hit.film.rating.map { String(format: "%.1f", $0) }
            item["votes"] = hit.film.votes.map { SiteStrings.counted($0, "votes", language: language) }
            item["poster"] = hit.film.poster
            item["snippetHTML"] = hit.highlight.description
            return item
        }
        let lastPage = (min(response.total, SearchRequest.maximumDepth) + query.perPage - 1) / query.perPage
        let pageURL = { (page: Int) in
            SiteRenderer.url(path: path, ownPairs + (page > 1 ? [("page", String(page))] : []))
        }

        let heading: String
        let title: String
        if let fixed {
            let label = Self.label(of: fixed, language: language)
            switch fixed.name {
            case "genre": heading = "\(strings["browseGenre"]!): \(label)"
            case "country": heading = "\(strings["browseCountry"]!): \(label)"
            default: heading = "\(strings["browseDecade"]!) \(label)"
            }
            title = "\(heading) — \(strings["siteName"]!)"
        } else if query.query.isEmpty {
            heading = strings["results"]!
            title = "\(heading) — \(strings["siteName"]!)"
        } else {
            heading = "\(strings["results"]!): «\(query.query)»"
            title = "\(query.query) — \(strings["siteName"]!)"
        }
        var values: [String: Any] = [
            "heading": heading, "total": Self.grouped(response.total), "facets": facets, "hits": hits,
            "filmsWord": SiteStrings.counted(response.total, "films", language: language)
                .split(separator: " ").last.map(String.init) ?? "",
            "sorts": sorts, "page": query.page, "first": (query.page - 1) * query.perPage + 1,
            "anySelected": pairs.contains { SearchParameters.facetNames.contains($0.0) && $0 != (fixed ?? ("", "")) },
            "clearURL": SiteRenderer.url(path: "/search", pairs.filter { $0.0 == "q" }),
        ]
        values["corrected"] = response.corrected
        values["previousURL"] = query.page > 1 ? pageURL(query.page - 1) : nil
        values["nextURL"] = query.page < lastPage ? pageURL(query.page + 1) : nil
        let description = response.hits.prefix(5).map(\.film.title).joined(separator: ", ")
        let canonical = fixed == nil ? SiteRenderer.url(path: "/search", ownPairs) : SiteRenderer.url(
            path: path, query.page > 1 ? [("page", String(query.page))] : [])
        let head = SiteRenderer.Head(title: title, description: "\(heading): \(description)", canonicalPath: canonical,
                                     query: query.query, noindex: fixed == nil)
        return renderer.render("search", head: head, values: values, request: request)
    }

    static func label(of facet: (name: String, value: String), language: SearchRequest.Language) -> String {
        let russian = language == .ru
        switch facet.name {
        case "genre":
            guard let genre = Genre(rawValue: facet.value) else { return facet.value }
            return russian ? genre.labelRU : genre.labelEN
        case "country":
            guard let country = Country(code: facet.value) else { return facet.value }
            return russian ? country.nameRU : country.nameEN
        default:
            return russian ? "\(facet.value)-х" : "\(facet.value)s"
        }
    }

    /// 228437 → "228 437".
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append("\u{202F}") }
            out.append(digit)
        }
        return out
    }

    // MARK: - Film and person

    @Sendable func filmPage(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let id = try APIRoutes.id(context)
        let generation = services.index.current
        return try await services.cache.answer(renderer.cacheKey(request, services: services, generation: generation)) {
            guard let film = try await services.store.film(id: id) else { throw WebError.notFound("film \(id)") }
            let (language, _) = SiteRenderer.language(request)
            let similar = (try? SimilarFilms(searcher: generation.searcher).find(filmID: id, limit: 12).matches) ?? []
            return renderer.render("film", head: FilmPage.head(film, language: language),
                                   values: FilmPage.values(film, similar: similar.map(\.film), language: language),
                                   request: request)
        }
    }

    @Sendable func personPage(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let id = try APIRoutes.id(context)
        let (language, _) = SiteRenderer.language(request)
        let strings = SiteStrings.table(language)
        let generation = services.index.current
        let entry = generation.people.person(id: id)
        let stored = try await services.store.person(id: id)
        guard entry != nil || stored != nil else { throw WebError.notFound("person \(id)") }
        let russianName = stored?.nameRU ?? entry?.name
        let englishName = stored?.nameEN ?? entry?.nameEN
        let name = (language == .ru ? russianName ?? englishName : englishName ?? russianName) ?? ""
        let other = language == .ru ? englishName : russianName
        let films = (entry?.films ?? []).compactMap { item -> [String: Any]? in
            guard let film = generation.index.film(item.doc) else { return nil }
            var card = Self.card(film)
            card["role"] = strings["role_\(item.role.rawValue)"] ?? item.role.rawValue
            return card
        }
        let known = films.prefix(4).compactMap { $0["title"] as? String }.joined(separator: ", ")
        let head = SiteRenderer.Head(title: "\(name) — \(strings["siteName"]!)", description: "\(name): \(known)",
                                     canonicalPath: "/people/\(id)", ogType: "profile")
        var values: [String: Any] = ["name": name, "films": films]
        values["otherName"] = other == name ? nil : other
        return renderer.page("person", head: head, values: values, request: request)
    }

    // MARK: - Sitemaps

    @Sendable func sitemapIndex(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let generation = services.index.current
        let films = generation.index.segment.docCount
        let people = generation.people.count
        var files = ["pages.xml"]
        files += (0..<max(1, (films + Self.sitemapSize - 1) / Self.sitemapSize)).map { "films-\($0 + 1).xml" }
        files += (0..<max(1, (people + Self.sitemapSize - 1) / Self.sitemapSize)).map { "people-\($0 + 1).xml" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for file in files {
            xml += "<sitemap><loc>\(renderer.publicURL)/sitemaps/\(file)</loc></sitemap>\n"
        }
        xml += "</sitemapindex>\n"
        return Self.xml(xml)
    }

    @Sendable func sitemap(_ request: Request, context: KinoRequestContext) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        let generation = services.index.current
        var paths: [String] = []
        if name == "pages.xml" {
            paths = ["/"] + Genre.allCases.map { "/genres/\($0.rawValue)" }
                + Country.all.map { "/countries/\($0.code)" } + stride(from: 1900, through: 2020, by: 10).map { "/decades/\($0)" }
        } else if let (kind, number) = Self.sitemapPart(name), number >= 1 {
            let start = (number - 1) * Self.sitemapSize
            if kind == "films" {
                let count = generation.index.segment.docCount
                guard start < max(count, 1) else { throw WebError.notFound("no sitemap \(name)") }
                for doc in start..<min(count, start + Self.sitemapSize) {
                    if let id = generation.index.segment.columns.u32(FilmSchema.filmID, doc: DocID(doc)) {
                        paths.append("/films/\(id)")
                    }
                }
            } else {
                let ids = generation.people.ids
                guard start < max(ids.count, 1) else { throw WebError.notFound("no sitemap \(name)") }
                paths = ids[start..<min(ids.count, start + Self.sitemapSize)].map { "/people/\($0)" }
            }
        } else {
            throw WebError.notFound("no sitemap \(name.prefix(40))")
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "<url><loc>\(renderer.publicURL)\(path)</loc></url>\n"
        }
        xml += "</urlset>\n"
        return Self.xml(xml)
    }

    /// `films-3.xml` → ("films", 3).
    static func sitemapPart(_ name: String) -> (String, Int)? {
        for kind in ["films", "people"] where name.hasPrefix(kind + "-") && name.hasSuffix(".xml") {
            let number = name.dropFirst(kind.count + 1).dropLast(4)
            if let value = Int(number) { return (kind, value) }
        }
        return nil
    }

    static func xml(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
