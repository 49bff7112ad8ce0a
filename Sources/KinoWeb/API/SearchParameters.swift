import Hummingbird
import KinoCatalog
import KinoSearch

/// Reads a ``SearchRequest`` from URL query parameters, the same for `/api/v1/search` and the search page:
/// `q`, `genre`, `country`, `type`, `decade`, `age_rating` (repeat for any of several), `year_from`, `year_to`,
/// `rating_min`, `rating_max`, `runtime_min`, `runtime_max`, `sort`, `page`, `per_page`, `lang`. Unknown parameters
/// are ignored; a value that cannot be read is a ``WebError`` naming its parameter.
enum SearchParameters {
    /// The names the request reads, in the order the site writes them into links.
    static let facetNames = ["genre", "country", "type", "decade", "age_rating"]

    static func request(_ parameters: Parameters, language: SearchRequest.Language, perPage: Int = 20) throws(WebError)
        -> SearchRequest {
        var request = SearchRequest(query: String((parameters.get("q") ?? "").prefix(SearchRequest.maximumQueryCharacters * 4)))
        request.language = language
        request.perPage = perPage
        request.genres = try parameters.getAll("genre").map { name throws(WebError) in
            guard let genre = Genre(rawValue: name) ?? Genre.lookup(name) else {
                throw .invalid("genre", "'\(name.prefix(40))' is not a genre; one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return genre
        }
        request.countries = try parameters.getAll("country").map { code throws(WebError) in
            let upper = code.uppercased()
            guard upper.count == 2, Country(code: upper) != nil else {
                throw .invalid("country", "'\(code.prefix(40))' is not an ISO 3166 country code")
            }
            return upper
        }
        request.types = try parameters.getAll("type").map { name throws(WebError) in
            guard let type = FilmType(rawValue: name) else {
                throw .invalid("type", "'\(name.prefix(40))' is not one of \(FilmType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return type
        }
        request.decades = try parameters.getAll("decade").map { text throws(WebError) in
            guard let decade = Int(text), (1800...2100).contains(decade), decade % 10 == 0 else {
                throw .invalid("decade", "'\(text.prefix(40))' is not the first year of a decade, like 1990")
            }
            return decade
        }
        request.ageRatings = try parameters.getAll("age_rating").map { text throws(WebError) in
            guard let age = Int(text), (0...21).contains(age) else {
                throw .invalid("age_rating", "'\(text.prefix(40))' is not an age from 0 to 21")
            }
            return age
        }
        request.yearFrom = try integer(parameters, "year_from", in: 1800...2100)
        request.yearTo = try integer(parameters, "year_to", in: 1800...2100)
        request.ratingMin = try number(parameters, "rating_min", in: 0...10)
        request.ratingMax = try number(parameters, "rating_max", in: 0...10)
        request.runtimeMin = try integer(parameters, "runtime_min", in: 0...10_000)
        request.runtimeMax = try integer(parameters, "runtime_max", in: 0...10_000)
        if let sort = parameters.get("sort"), !sort.isEmpty {
            guard let value = SearchRequest.Sort(rawValue: sort) else {
                throw .invalid("sort", "'\(sort.prefix(40))' is not one of \(SearchRequest.Sort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            request.sort = value
        }
        request.page = try integer(parameters, "page", in: 1...SearchRequest.maximumDepth) ?? 1
        request.perPage = try integer(parameters, "per_page", in: 1...SearchRequest.maximumPerPage) ?? perPage
        do {
            try request.validate()
        } catch {
            throw WebError(error)
        }
        return request
    }

    static func integer(_ parameters: Parameters, _ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard let text = parameters.get(name), !text.isEmpty else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .invalid(name, "'\(text.prefix(40))' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    static func number(_ parameters: Parameters, _ name: String, in range: ClosedRange<Double>) throws(WebError) -> Double? {
        guard let text = parameters.get(name), !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw .invalid(name, "'\(text.prefix(40))' is not a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
        }
        return value
    }

    /// The parameters whose value may not be empty in the API (the site's forms send empty fields, so pages accept
    /// them as absent).
    static let valued = ["genre", "country", "type", "decade", "age_rating", "year_from", "year_to", "rating_min",
                         "rating_max", "runtime_min", "runtime_max", "sort", "page", "per_page", "lang", "limit"]

    /// Refuses an API request that gives one of ``valued`` without a value.
    static func requireValues(_ parameters: Parameters) throws(WebError) {
        for (name, value) in parameters where value.isEmpty && valued.contains(String(name)) {
            throw .invalid(String(name), "needs a value")
        }
    }

    /// `lang` when it is `ru` or `en`; other values are a ``WebError``.
    static func language(_ parameters: Parameters) throws(WebError) -> SearchRequest.Language? {
        guard let text = parameters.get("lang"), !text.isEmpty else { return nil }
        guard let language = SearchRequest.Language(rawValue: text) else { throw .invalid("lang", "must be ru or en") }
        return language
    }
}
