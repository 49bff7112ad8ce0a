import ArgumentParser
import Foundation
import KinoCatalog

/// `kino bench corpus`: a made-up catalog of any size in the shape of a real one, for benchmarks at scale.
struct BenchCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a deterministic synthetic catalog snapshot shaped like a real catalog.",
        discussion: """
            Films take their type, genres, countries, runtime, age rating, year, rating and votes from a real film of \
            --from (with noise), and their titles, descriptions and keywords from the word frequencies of its real \
            titles and texts; people are real and made-up names credited with a Zipf law. The output is a catalog \
            snapshot: kino catalog load FILE puts it into a database, kino index build --snapshot FILE indexes it \
            directly, and kino bench relevance --print-queries on that index gives its query set.
            """
    )

    @Option(name: .long, help: "How many films.") var films: Int
    @Option(name: .long, help: "The seed; the same seed, count and source give the same catalog.") var seed: UInt64 = 1
    @Option(name: .long, help: "The snapshot file to write (gzip JSON Lines).") var out: String
    @Option(name: .long, help: "The real catalog snapshot whose shape is copied.") var from = CatalogSeeder.defaultSnapshotPath

    func validate() throws {
        guard (1...20_000_000).contains(films) else { throw ValidationError("--films: from 1 to 20,000,000") }
    }

    func run() throws {
        let started = ContinuousClock.now
        var realFilms: [Film] = []
        var realPeople: [Person] = []
        _ = try CatalogSnapshot.read(from, person: { realPeople.append($0) }, film: { realFilms.append($0) })
        let catalog = SyntheticCatalog(films: realFilms, people: realPeople)
        let people = catalog.people(filmCount: films, seed: seed)
        var next = 1
        try CatalogSnapshot.write(to: out, people: people, filmCount: films) {
            guard next <= films else { return nil }
            defer { next += 1 }
            if next % 100_000 == 0 { printError("\(next) films") }
            return catalog.film(id: next, seed: seed, people: people)
        }
        let elapsed = ContinuousClock.now - started
        print("wrote \(out): \(films) films, \(people.count) people, shaped like \(realFilms.count) films of \(from), in \(elapsed)")
    }
}
