import ArgumentParser
import Foundation
import KinoCatalog

struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Look into the catalog, export it or load a snapshot.",
        subcommands: [Stats.self, Get.self, Explain.self, Export.self, Load.self]
    )
}

/// Options of the commands that read the catalog: a fresh catalog is first seeded from the demo catalog.
struct ReadOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "The snapshot a fresh catalog is seeded from.")
    var demoCatalog = CatalogSeeder.defaultSnapshotPath

    func withStore<T>(_ body: (any CatalogStore) async throws -> T) async throws -> T {
        try await database.withStore { store in
            try await CatalogSeeder.seedIfEmpty(store, snapshot: demoCatalog)
            return try await body(store)
        }
    }
}

extension CatalogCommand {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Films, people, titles in both languages, films per source, merges per rule.")

        @OptionGroup var options: ReadOptions
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() async throws {
            let stats = try await options.withStore { try await $0.stats() }
            if json {
                print(try prettyJSON(stats))
                return
            }
            print("films                                \(stats.films)")
            print("people                               \(stats.people)")
            print("credits                              \(stats.credits)")
            print("films with Russian and English titles \(stats.filmsWithRussianAndEnglishTitles)")
            print("source records                       \(stats.sourceRecords)")
            print("external ratings                     \(stats.externalRatings) (tags \(stats.externalTags))")
            print("films per type:")
            for (type, count) in stats.filmsPerType.sorted(by: { $0.key < $1.key }) { print("  \(type.padding(toLength: 35, withPad: " ", startingAt: 0))\(count)") }
            print("films per source:")
            for (source, count) in stats.filmsPerSource.sorted(by: { $0.key < $1.key }) { print("  \(source.padding(toLength: 35, withPad: " ", startingAt: 0))\(count)") }
            print("source records per merge rule:")
            for (rule, count) in stats.recordsPerRule.sorted(by: { $0.key < $1.key }) { print("  \(rule.padding(toLength: 35, withPad: " ", startingAt: 0))\(count)") }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a film by Kino id or by SOURCE:ID (tmdb:19995, kinopoisk:41519, movielens:1, imdb:tt0499549).")

        @OptionGroup var options: ReadOptions
        @Argument(help: "A Kino id or SOURCE:ID.") var id: String
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() async throws {
            let film = try await options.withStore { store in try await findFilm(id, in: store) }
            if json {
                print(try prettyJSON(film))
            } else {
                print(FilmText.render(film))
            }
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Which source records made a film, and by which rule.")

        @OptionGroup var options: ReadOptions
        @Argument(help: "A Kino id or SOURCE:ID.") var id: String

        func run() async throws {
            let (film, records) = try await options.withStore { store in
                let film = try await findFilm(id, in: store)
                return (film, try await store.records(ofFilm: film.id))
            }
            print("film \(film.id): \(film.displayTitle)\(film.year.map { " (\($0))" } ?? "")")
            for stored in records.sorted(by: { ($0.rule == .new ? 0 : 1, $0.record.source) < ($1.rule == .new ? 0 : 1, $1.record.source) }) {
                let record = stored.record
                let title = record.allTitles.first ?? "?"
                print("  \(record.key)  \"\(title)\"\(record.year.map { " \($0)" } ?? "")  — \(stored.rule.description) [\(stored.rule.rawValue)]\(record.origin.map { "  from \($0)" } ?? "")")
            }
            let fields = film.provenance.sorted { $0.key < $1.key }.map { "\($0.key) ← \($0.value.rawValue)" }
            if !fields.isEmpty { print("  fields: " + fields.joined(separator: ", ")) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the catalog to a versioned snapshot (gzip JSON Lines).")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The snapshot file to write, e.g. catalog.jsonl.gz.") var file: String

        func run() async throws {
            let header = try await options.withStore { try await CatalogSnapshot.export(from: $0, to: file) }
            print("wrote \(file): \(header.films) films, \(header.people) people, \(header.records) source records (format version \(header.version))")
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load a snapshot into an empty catalog.")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The snapshot file to load.") var file: String

        func run() async throws {
            let header = try await options.withStore { try await CatalogSnapshot.load(file, into: $0) }
            print("loaded \(file): \(header.films) films, \(header.people) people, \(header.records) source records")
        }
    }
}

/// Finds a film by Kino id or `SOURCE:ID`, or fails with a message naming what was asked for.
func findFilm(_ reference: String, in store: any CatalogStore) async throws -> Film {
    if let id = Int(reference) {
        guard let film = try await store.film(id: id) else { throw ValidationError("no film with Kino id \(id)") }
        return film
    }
    guard let externalID = ExternalID(parsing: reference) else {
        throw ValidationError("'\(reference)' is neither a Kino id nor SOURCE:ID (sources: \(ExternalIDNamespace.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    guard let id = try await store.filmID(for: externalID), let film = try await store.film(id: id) else {
        throw ValidationError("no film with \(externalID)")
    }
    return film
}
