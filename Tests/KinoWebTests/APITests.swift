import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KinoCatalog
import KinoSearch
import Testing
@testable import KinoWeb

/// The JSON API through the application `kino serve` builds.
struct APITests {
    @Test func searchAnswersTheDocumentedShapeWithFacetsExternalIDsAndHighlights() async throws {
        let brat = try await WebFixture.film(titled: "Брат")
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=\(encoded("брат"))&per_page=5", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
                let body = try response.json()
                #expect(Set(body.keys) == ["query", "total", "took_ms", "page", "per_page", "corrected", "hits", "facets"])
                #expect(body["query"] as? String == "брат")
                #expect(body["per_page"] as? Int == 5)
                let hits = try #require(body["hits"] as? [[String: Any]])
                let first = try #require(hits.first)
                #expect(first["id"] as? Int == brat.id)
                #expect(first["year"] as? Int == 1997)
                let ids = try #require(first["external_ids"] as? [String: Any])
                #expect(ids["kinopoisk"] as? Int == Int(brat.externalIDs[.kinopoisk] ?? ""))
                let highlight = try #require(first["highlight"] as? [String: String])
                #expect(highlight["title"]?.contains("<mark>") == true)
                let facets = try #require(body["facets"] as? [String: [[String: Any]]])
                #expect(facets["genre"]?.isEmpty == false)
                #expect(facets["genre"]?.first?["label"] is String)
            }
        }
    }

    @Test func facetFiltersNarrowAndCountsIgnoreTheirOwnSelection() async throws {
        try await WebFixture.application().test(.router) { client in
            let all = try await client.execute(uri: "/api/v1/search?per_page=1", method: .get) { try $0.json() }
            let dramas = try await client.execute(uri: "/api/v1/search?genre=drama&per_page=1", method: .get) { try $0.json() }
            let either = try await client.execute(uri: "/api/v1/search?genre=drama&genre=comedy&per_page=1", method: .get) { try $0.json() }
            let total = try #require(all["total"] as? Int)
            let dramaTotal = try #require(dramas["total"] as? Int)
            let eitherTotal = try #require(either["total"] as? Int)
            #expect(dramaTotal > 0 && dramaTotal < total)
            #expect(eitherTotal >= dramaTotal && eitherTotal <= total)
            // The genre facet under a genre selection counts as if nothing were selected in it.
            let genreCounts = { (body: [String: Any]) -> [String: Int] in
                let values = (body["facets"] as? [String: [[String: Any]]])?["genre"] ?? []
                return Dictionary(uniqueKeysWithValues: values.compactMap { value in
                    (value["value"] as? String).flatMap { name in (value["count"] as? Int).map { (name, $0) } }
                })
            }
            #expect(genreCounts(dramas) == genreCounts(all))
            #expect(genreCounts(all)["drama"] == dramaTotal)
        }
    }

    @Test func invalidParametersAre400sNamingTheParameter() async throws {
        let cases = [
            ("genre=bogus", "genre"), ("country=XYZ", "country"), ("type=movie", "type"), ("decade=1995", "decade"),
            ("year_from=abc", "year_from"), ("year_from=2000&year_to=1990", "year_from"), ("rating_min=11", "rating_min"),
            ("sort=best", "sort"), ("page=0", "page"), ("per_page=1000", "per_page"), ("page=999&per_page=100", "page"),
            ("lang=de", "lang"), ("runtime_max=-1", "runtime_max"), ("age_rating=99", "age_rating"), ("lang=", "lang"),
            ("sort=", "sort"), ("genre=", "genre"),
        ]
        try await WebFixture.application().test(.router) { client in
            for (query, parameter) in cases {
                try await client.execute(uri: "/api/v1/search?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    let error = try #require(try response.json()["error"] as? [String: String], "\(query)")
                    #expect(error["code"] == "invalid_parameter")
                    #expect(error["message"]?.hasPrefix(parameter + ":") == true, "\(query): \(error["message"] ?? "")")
                }
            }
            try await client.execute(uri: "/api/v1/films/abc", method: .get) { response in
                #expect(response.status == .badRequest)
                let fields = try response.errorFields()
                #expect(fields["message"]?.hasPrefix("id:") == true)
            }
            try await client.execute(uri: "/api/v1/films/1/similar?limit=0", method: .get) { response in
                #expect(response.status == .badRequest)
                let fields = try response.errorFields()
                #expect(fields["message"]?.hasPrefix("limit:") == true)
            }
        }
    }

    @Test func emptyRangesFindNothingRatherThanFail() async throws {
        try await WebFixture.application().test(.router) { client in
            for query in ["rating_max=0", "rating_min=0&rating_max=0", "runtime_max=0", "runtime_min=0&runtime_max=0",
                          "year_from=1800&year_to=1800", "rating_min=10", "q=matrix&rating_max=0.0001"] {
                try await client.execute(uri: "/api/v1/search?\(query)", method: .get) { response in
                    #expect(response.status == .ok, "\(query)")
                    let body = try response.json()
                    #expect(body["total"] as? Int == 0, "\(query)")
                }
            }
            try await client.execute(uri: "/api/v1/search?runtime_min=100&runtime_max=90", method: .get) { response in
                #expect(response.status == .badRequest)
                let fields = try response.errorFields()
                #expect(fields["message"]?.hasPrefix("runtime_min:") == true)
            }
        }
    }

    @Test func oddQueriesGetAnswersNotServerErrors() async throws {
        let queries = ["\"", "((((", "-", "AND OR NOT", "*", String(repeating: "фильм ", count: 2000), "%00", "\u{0}",
                       "😀🎬", "<script>", "a\u{301}\u{301}\u{301}", "ё", String(repeating: "x", count: 10_000)]
        try await WebFixture.application().test(.router) { client in
            for query in queries {
                for route in ["search", "suggest"] {
                    try await client.execute(uri: "/api/v1/\(route)?q=\(encoded(query))", method: .get) { response in
                        #expect(response.status == .ok || response.status == .uriTooLong, "\(route) \(query.prefix(20))")
                        if response.status == .ok { _ = try response.json() }
                    }
                }
            }
            // Invalid percent-encoding is read as it comes, not failed on.
            try await client.execute(uri: "/api/v1/search?q=%FF%FE%ZZ", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func suggestGivesFilmsAndPeopleAsYouType() async throws {
        let brat = try await WebFixture.film(titled: "Брат")
        let matrix = try await WebFixture.film(titled: "The Matrix")
        let director = try #require(matrix.credits.first { $0.role == .director })
        let surname = String(try #require((director.nameEN ?? director.name).split(separator: " ").last).prefix(5))
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/suggest?q=\(encoded("бра"))", method: .get) { response in
                #expect(response.status == .ok)
                let items = try #require(try response.json()["suggestions"] as? [[String: Any]])
                #expect(items.count <= 10)
                #expect(items.contains { $0["kind"] as? String == "film" && $0["id"] as? Int == brat.id })
            }
            try await client.execute(uri: "/api/v1/suggest?q=\(encoded(surname))", method: .get) { response in
                let items = try #require(try response.json()["suggestions"] as? [[String: Any]])
                #expect(items.contains { $0["kind"] as? String == "person" && $0["id"] as? Int == director.personID },
                        "\(surname): \(items)")
            }
            try await client.execute(uri: "/api/v1/suggest?q=", method: .get) { response in
                let items = try response.json()["suggestions"] as? [Any]
                #expect(items?.isEmpty == true)
            }
        }
    }

    @Test func filmSimilarAndPersonAnswerFromTheCatalogAndIndex() async throws {
        let matrix = try await WebFixture.film(titled: "The Matrix")
        let director = try #require(matrix.credits.first { $0.role == .director })
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/films/\(matrix.id)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["id"] as? Int == matrix.id)
                #expect(body["original_title"] as? String == "The Matrix")
                #expect((body["credits"] as? [[String: Any]])?.contains { $0["person_id"] as? Int == director.personID } == true)
            }
            try await client.execute(uri: "/api/v1/films/\(matrix.id)/similar?limit=3", method: .get) { response in
                #expect(response.status == .ok)
                let similar = try #require(try response.json()["similar"] as? [[String: Any]])
                #expect(similar.count == 3)
                #expect(similar.allSatisfy { ($0["reasons"] as? [Any])?.isEmpty == false && $0["id"] as? Int != matrix.id })
            }
            try await client.execute(uri: "/api/v1/people/\(director.personID)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["id"] as? Int == director.personID)
                let films = try #require(body["films"] as? [[String: Any]])
                #expect(films.contains { $0["id"] as? Int == matrix.id && $0["role"] as? String == "director" })
            }
            for uri in ["/api/v1/films/99999999", "/api/v1/films/99999999/similar", "/api/v1/people/99999999", "/api/v1/nothing"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let fields = try response.errorFields()
                    #expect(fields["code"] == "not_found", "\(uri)")
                }
            }
        }
    }

    @Test func healthMetricsAndTheOpenAPIDocument() async throws {
        WebMetrics.bootstrapMetrics()
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["status"] as? String == "ok")
                #expect((body["generation"] as? String)?.hasPrefix("g") == true)
            }
            _ = try await client.execute(uri: "/api/v1/search?q=matrix", method: .get) { $0.status }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.text
                for name in ["kino_index_generation", "kino_index_films", "kino_index_bytes", "kino_search_duration",
                             "hb_requests", "http_server_request_duration"] {
                    #expect(text.contains(name), "\(name) missing from /metrics")
                }
                #expect(text.contains("/api/v1/search"), "requests are labelled by route")
            }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try response.json()
                #expect(document["openapi"] as? String == "3.0.3")
                let paths = Set((document["paths"] as? [String: Any] ?? [:]).keys)
                #expect(paths == ["/api/v1/search", "/api/v1/suggest", "/api/v1/films/{id}", "/api/v1/films/{id}/similar",
                                  "/api/v1/people/{id}", "/healthz", "/metrics", "/api/v1/openapi.json"])
            }
        }
    }

    @Test func oversizedURLsAndBodiesAreRefused() async throws {
        try await WebFixture.application().test(.router) { client in
            let long = String(repeating: "a", count: 9000)
            try await client.execute(uri: "/api/v1/search?q=\(long)", method: .get) { response in
                #expect(response.status == .uriTooLong)
                let fields = try response.errorFields()
                #expect(fields["code"] == "uri_too_long")
            }
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 100_000)
            try await client.execute(uri: "/api/v1/search", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/api/v1/search", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .methodNotAllowed || response.status == .notFound)
                #expect(response.status.code < 500)
            }
        }
    }

    @Test func everyRequestIsLoggedWithItsRequestIDStatusAndTime() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kino-access-\(UUID().uuidString).log").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer {
            close(descriptor)
            unlink(path)
        }
        let log = AccessLog(logLevel: .info, descriptor: descriptor)
        let ids = try await WebFixture.application(accessLog: log).test(.router) { client in
            var ids: [String] = []
            for uri in ["/api/v1/search?q=matrix", "/nothing", "/api/v1/search?sort=bad"] {
                ids.append(try await client.execute(uri: uri, method: .get) {
                    $0.headers[HTTPField.Name("X-Request-Id")!] ?? ""
                })
            }
            return ids
        }
        log.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        for (line, (id, ending)) in zip(lines, zip(ids, ["GET /api/v1/search 200", "GET /nothing 404", "GET /api/v1/search 400"])) {
            #expect(!id.isEmpty)
            #expect(line.contains("request_id=\(id) ms="), "\(line)")
            #expect(line.hasSuffix(ending), "\(line)")
        }
        // Nothing is kept below the info level.
        let quiet = AccessLog(logLevel: .warning, descriptor: descriptor)
        quiet.record(method: "GET", path: "/", status: 200, milliseconds: 1, requestID: "x")
        quiet.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 3)
    }
}
