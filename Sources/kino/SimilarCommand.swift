import ArgumentParser
import Foundation
import KinoSearch

/// `kino similar ID`: films like a film, from the index.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Films like a film (by its catalog id), from the index."
    )

    @Argument(help: "The film's catalog id.") var id: Int
    @Option(name: .long, help: "How many films (1-100).") var limit = 10
    @Flag(name: .long, help: "Say why each film was chosen.") var explain = false
    @Flag(name: .long, help: "Print JSON.") var json = false
    @Option(name: .long, help: "The index folder.") var indexDir = "IndexData"

    func run() throws {
        let searcher = FilmSearcher(index: try FilmIndex.open(root: indexDir))
        let (film, matches) = try SimilarFilms(searcher: searcher).find(filmID: id, limit: limit)
        if json {
            struct Output: Encodable {
                let id: Int
                let title: String
                let similar: [SimilarFilms.Match]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(Output(id: film.id, title: film.title, similar: matches)),
                         as: UTF8.self))
            return
        }
        print("Films like \(film.title)\(film.year.map { " (\($0))" } ?? "") [\(film.id)]:")
        for (rank, match) in matches.enumerated() {
            let year = match.film.year.map { " (\($0))" } ?? ""
            print(String(format: "%3d. %@%@  [%d]  %.3f", rank + 1, match.film.title, year, match.film.id, match.score))
            guard explain else { continue }
            for reason in match.reasons {
                print(String(format: "       %-10@ %.3f  %@", reason.kind, reason.score,
                             reason.shared.prefix(8).joined(separator: ", ")))
            }
        }
    }
}
