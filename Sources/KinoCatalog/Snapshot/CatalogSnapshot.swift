import Foundation

/// A versioned snapshot of the whole catalog: gzip-compressed JSON Lines. The first line is a header
/// (`{"format": "kino-catalog", "version": 1, ...}`), then one line per person (`{"person": ...}`) and one per film
/// with the source records that made it (`{"film": ..., "records": [...]}`). External ratings are not part of it.
///
/// The shipped demo catalog is such a snapshot; a fresh database is seeded from it.
public enum CatalogSnapshot {
    public static let format = "kino-catalog"
    public static let version = 1

    /// The first line of a snapshot: its format, version and counts.
    public struct Header: Codable, Sendable {
        public var format: String
        public var version: Int
        public var films: Int
        public var people: Int
        public var records: Int
    }

    struct PersonLine: Codable { var person: Person }
    struct FilmLine: Codable {
        var film: Film
        var records: [StoredRecord]
    }

    /// Writes the catalog to `path` (through a temporary file renamed into place, so a failed export leaves no
    /// half-written snapshot).
    public static func export(from store: any CatalogStore, to path: String) async throws -> Header {
        let temporary = path + ".partial"
        let writer = try GzipFile.Writer(path: temporary)
        do {
            let encoder = CatalogJSON.encoder()
            let people = try await store.loadPeople()
            let records = Dictionary(grouping: try await store.loadRecords(), by: \.filmID)
            var films: [Film] = []
            var after = 0
            while true {
                let page = try await store.films(after: after, limit: 2000)
                guard let last = page.last else { break }
                films += page
                after = last.id
            }
            let header = Header(format: format, version: version, films: films.count, people: people.count,
                                records: records.values.reduce(0) { $0 + $1.count })
            try writer.write(line: try encoder.encode(header))
            for person in people { try writer.write(line: try encoder.encode(PersonLine(person: person))) }
            for film in films {
                try writer.write(line: try encoder.encode(FilmLine(film: film, records: records[film.id] ?? [])))
            }
            try writer.close()
            guard rename(temporary, path) == 0 else { throw CatalogError(.unwritable, "cannot move the snapshot to \(path)") }
            return header
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Loads a snapshot into an empty catalog, in one transaction.
    @discardableResult
    public static func load(_ path: String, into store: any CatalogStore) async throws -> Header {
        guard try await store.stats().films == 0 else {
            throw CatalogError(.catalogNotEmpty, "the catalog already has films: a snapshot loads into an empty catalog only")
        }
        let lines = try GzipFile.Lines(path: path)
        let decoder = CatalogJSON.decoder()
        guard let first = try? lines.next(), let header = try? decoder.decode(Header.self, from: first), header.format == format else {
            throw CatalogError(.corruptSnapshot, "\(path) is not a Kino catalog snapshot (no header line)")
        }
        guard header.version <= version else {
            throw CatalogError(.snapshotTooNew, "\(path) is a snapshot of version \(header.version); this kino reads versions up to \(version)")
        }
        var changes = CatalogChanges()
        var lineNumber = 1
        while let line = try lines.next() {
            lineNumber += 1
            if let person = try? decoder.decode(PersonLine.self, from: line) {
                changes.people.append(person.person)
            } else {
                do {
                    let film = try decoder.decode(FilmLine.self, from: line)
                    changes.films.append(film.film)
                    changes.records += film.records
                } catch {
                    throw CatalogError(.corruptSnapshot, "\(path):\(lineNumber): not a person or film line (\(error))")
                }
            }
        }
        guard changes.films.count == header.films, changes.people.count == header.people, changes.records.count == header.records else {
            throw CatalogError(.corruptSnapshot, "\(path) is truncated: the header promises \(header.films) films, \(header.people) people and \(header.records) records, the file has \(changes.films.count), \(changes.people.count) and \(changes.records.count)")
        }
        try await store.apply(changes)
        return header
    }
}
