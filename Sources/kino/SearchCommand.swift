import ArgumentParser
import Foundation
import KinoCatalog
import KinoSearch

/// `kino search QUERY`: film search on the current index generation, as `/api/v1/search` answers it.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search films in the index.",
        discussion: """
            With --json the output is the /api/v1/search response. A query of "-" reads one query per line from \
            standard input and prints one JSON response per line, with the index opened once.
            """
    )

    @Argument(help: "The query; empty to browse, '-' to read queries from standard input.") var query = ""
    @Option(name: .long, help: "A genre (repeat for any of several): drama, comedy, scienceFiction, ...") var genre: [String] = []
    @Option(name: .long, help: "An ISO 3166 country code (repeat for any of several).") var country: [String] = []
    @Option(name: .long, help: "A film type: film, series, animated, documentary, short.") var type: [String] = []
    @Option(name: .long, help: "A decade by its first year, e.g. 1990.") var decade: [Int] = []
    @Option(name: .long, help: "The earliest year.") var yearFrom: Int?
    @Option(name: .long, help: "The latest year.") var yearTo: Int?
    @Option(name: .long, help: "The lowest rating, 0-10.") var ratingMin: Double?
    @Option(name: .long, help: "relevance, rating, votes, year or popularity.") var sort = "relevance"
    @Option(name: .long, help: "Films per page (1-100).") var limit = 10
    @Option(name: .long, help: "The page, from 1.") var page = 1
    @Option(name: .long, help: "Labels in ru or en.") var lang = "ru"
    @Flag(name: .long, help: "Print the /api/v1/search JSON response.") var json = false
    @Flag(name: .long, help: "Leave out facet counts (the hits and total only).") var noFacets = false
    @Flag(name: .long, help: "Leave out highlights.") var noHighlight = false
    @Option(name: .long, help: "The index folder.") var indexDir = "IndexData"

    func run() throws {
        let searcher = FilmSearcher(index: try FilmIndex.open(root: indexDir))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard query == "-" else {
            let response = try searcher.search(try request(query))
            if json {
                print(String(decoding: try encoder.encode(response), as: UTF8.self))
            } else {
                printTable(response)
            }
            return
        }
        // One query per line; a bad line gets an error object, the next line goes on. Each answer is written as soon
        // as it is made, also into a pipe.
        let output = FileHandle.standardOutput
        while let line = readLine(strippingNewline: true) {
            var answer: Data
            do {
                answer = try encoder.encode(try searcher.search(try request(line)))
            } catch {
                answer = try encoder.encode(["error": ["code": "invalid_query", "message": "\(error)"]])
            }
            answer.append(UInt8(ascii: "\n"))
            output.write(answer)
        }
    }

    /// The request the options and `text` make.
    func request(_ text: String) throws -> SearchRequest {
        var request = SearchRequest(query: text)
        request.genres = try genre.map { name in
            guard let genre = Genre(rawValue: name) ?? Genre.lookup(name) else {
                throw ValidationError("--genre: '\(name)' is not a genre; one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return genre
        }
        request.countries = country.map { $0.uppercased() }
        request.types = try type.map { name in
            guard let type = FilmType(rawValue: name) else { throw ValidationError("--type: '\(name)' is not a film type") }
            return type
        }
        request.decades = decade
        request.yearFrom = yearFrom
        request.yearTo = yearTo
        request.ratingMin = ratingMin
        guard let sort = SearchRequest.Sort(rawValue: sort) else {
            throw ValidationError("--sort: '\(sort)' is not one of \(SearchRequest.Sort.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        request.sort = sort
        request.perPage = limit
        request.page = page
        request.facets = !noFacets
        request.highlight = !noHighlight
        guard let language = SearchRequest.Language(rawValue: lang) else { throw ValidationError("--lang: ru or en") }
        request.language = language
        try request.validate()
        return request
    }

    private func printTable(_ response: SearchResponse) {
        var header = "\(response.total) films (\(String(format: "%.2f", response.tookMilliseconds)) ms)"
        if let corrected = response.corrected { header += ", showing results for \"\(corrected)\"" }
        print(header)
        for (rank, hit) in response.hits.enumerated() {
            let film = hit.film
            let year = film.year.map { " (\($0))" } ?? ""
            let original = film.originalTitle.map { $0 == film.title ? "" : " / \($0)" } ?? ""
            let rating = film.rating.map { String(format: "  ★ %.1f", $0) } ?? ""
            let number = (response.page - 1) * response.perPage + rank + 1
            print(String(format: "%3d. ", number) + "\(film.title)\(original)\(year)\(rating)  [\(film.id)]")
        }
    }
}
