import Foundation
import KinoCatalog

/// The text form of a film for the terminal.
enum FilmText {
    static func render(_ film: Film) -> String {
        var lines = ["\(film.displayTitle)\(film.year.map { " (\($0))" } ?? "")  [Kino id \(film.id), \(film.type.rawValue)]"]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append(label.padding(toLength: 16, withPad: " ", startingAt: 0) + value) }
        }
        add("Russian title", film.titleRU)
        add("original title", film.titleOriginal)
        add("English title", film.titleEN)
        add("also known as", film.alternativeTitles.joined(separator: "; "))
        add("released", film.releaseDate)
        add("runtime", film.runtimeMinutes.map { "\($0) min" })
        add("countries", film.countries.map { Country(code: $0).map { "\($0.nameEN) (\($0.code))" } ?? $0 }.joined(separator: ", "))
        add("genres", film.genres.map { "\($0.labelEN)/\($0.labelRU)" }.joined(separator: ", "))
        add("age rating", [film.ageRating, film.mpaaRating].compactMap { $0 }.joined(separator: ", "))
        add("ratings", film.ratings.map { rating in
            "\(rating.source.rawValue) \(rating.value)\(rating.votes.map { " (\($0) votes)" } ?? "")"
        }.joined(separator: ", "))
        add("popularity", film.popularity.map { String(format: "%.2f", $0) })
        add("budget", film.budget.map { "\(Int($0.amount)) \($0.currency)" })
        add("box office", film.boxOffice.map { "\(Int($0.amount)) \($0.currency)" })
        add("tagline", film.taglineRU ?? film.taglineEN)
        add("description", film.descriptionRU)
        add("description (en)", film.descriptionEN)
        add("keywords", film.keywords.joined(separator: ", "))
        for role in Role.allCases {
            let names = film.credits.filter { $0.role == role }.map(\.name)
            if !names.isEmpty { add(role.rawValue, names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", … (\(names.count))" : "")) }
        }
        add("poster", film.poster)
        add("external ids", film.externalIDs.sorted { $0.key < $1.key }.map { "\($0.key.rawValue):\($0.value)" }.joined(separator: ", "))
        add("sources", film.sources.map(\.description).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
