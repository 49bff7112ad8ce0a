import Foundation
import Testing
@testable import KinoCatalog

/// The made-up catalogs of `kino bench corpus`: deterministic, shaped like their source, and valid snapshots.
struct SyntheticCatalogTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../IndexData/demo-catalog.jsonl.gz").standardized.path

    static let source: (films: [Film], people: [Person]) = {
        var films: [Film] = []
        var people: [Person] = []
        _ = try? CatalogSnapshot.read(demo, person: { people.append($0) }, film: { films.append($0) })
        return (films, people)
    }()

    @Test func theSameSeedGivesTheSameFilmsAndAnotherSeedOthers() throws {
        let (films, people) = Self.source
        try #require(films.count > 10_000)
        let catalog = SyntheticCatalog(films: films, people: people)
        let cast = catalog.people(filmCount: 1000, seed: 7)
        #expect(cast == catalog.people(filmCount: 1000, seed: 7))
        let first = (1...200).map { catalog.film(id: $0, seed: 7, people: cast) }
        let again = (1...200).map { catalog.film(id: $0, seed: 7, people: cast) }
        let other = (1...200).map { catalog.film(id: $0, seed: 8, people: cast) }
        #expect(first == again)
        #expect(zip(first, other).filter { $0 == $1 }.count < 5)
    }

    @Test func filmsKeepTheShapeOfTheSource() throws {
        let (films, people) = Self.source
        let catalog = SyntheticCatalog(films: films, people: people)
        let count = 4000
        let cast = catalog.people(filmCount: 200_000, seed: 1)
        #expect(cast.count == 100_000)
        #expect(Set(cast.map(\.id)).count == cast.count)
        let made = (1...count).map { catalog.film(id: $0, seed: 1, people: cast) }
        #expect(made.allSatisfy { !$0.displayTitle.isEmpty })
        #expect(made.map(\.id) == Array(1...count))
        // Shares of genres and of films with Russian titles within a few points of the source's.
        func share(_ list: [Film], _ test: (Film) -> Bool) -> Double { Double(list.filter(test).count) / Double(list.count) }
        for genre in [Genre.drama, .comedy, .thriller] {
            #expect(abs(share(made) { $0.genres.contains(genre) } - share(films) { $0.genres.contains(genre) }) < 0.04, "\(genre)")
        }
        #expect(abs(share(made) { $0.titleRU != nil } - share(films) { $0.titleRU != nil }) < 0.04)
        // Popularity is skewed: the most credited person has many films, most have few.
        var credits: [Int: Int] = [:]
        for film in made { for credit in film.credits { credits[credit.personID, default: 0] += 1 } }
        let counts = credits.values.sorted(by: >)
        #expect(counts.first! > 20 * counts[counts.count / 2])
        // Title words are drawn by frequency: the commonest title word is much commoner than the median one.
        var words: [String: Int] = [:]
        for film in made { for word in SyntheticCatalog.words(film.displayTitle) { words[word, default: 0] += 1 } }
        let frequencies = words.values.sorted(by: >)
        #expect(frequencies.first! > 10 * frequencies[frequencies.count / 2])
    }

    @Test func aWrittenCatalogReadsBackAsASnapshot() throws {
        let (films, people) = Self.source
        let catalog = SyntheticCatalog(films: films, people: people)
        let cast = catalog.people(filmCount: 300, seed: 3)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kino-corpus-\(UUID().uuidString).jsonl.gz").path
        defer { unlink(path) }
        var next = 1
        try CatalogSnapshot.write(to: path, people: cast, filmCount: 300) {
            guard next <= 300 else { return nil }
            defer { next += 1 }
            return catalog.film(id: next, seed: 3, people: cast)
        }
        var read: [Film] = []
        var readPeople = 0
        let header = try CatalogSnapshot.read(path, person: { _ in readPeople += 1 }, film: { read.append($0) })
        #expect(header.films == 300)
        #expect(readPeople == cast.count)
        #expect(read == (1...300).map { catalog.film(id: $0, seed: 3, people: cast) })
    }
}
