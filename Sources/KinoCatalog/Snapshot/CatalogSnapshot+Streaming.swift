import Foundation

extension CatalogSnapshot {
    /// Reads a snapshot line by line: every person, then every film, without loading them into a store. Throws on a
    /// file that is not a snapshot, a newer version, or a line that is neither a person nor a film, naming the line.
    public static func read(_ path: String, person: (Person) throws -> Void, film: (Film) throws -> Void) throws -> Header {
        let lines = try GzipFile.Lines(path: path)
        let decoder = CatalogJSON.decoder()
        guard let first = try? lines.next(), let header = try? decoder.decode(Header.self, from: first),
              header.format == format else {
            throw CatalogError(.corruptSnapshot, "\(path) is not a Kino catalog snapshot (no header line)")
        }
        guard header.version <= version else {
            throw CatalogError(.snapshotTooNew, "\(path) is a snapshot of version \(header.version); this kino reads versions up to \(version)")
        }
        var lineNumber = 1
        while let bytes = try lines.next() {
            lineNumber += 1
            if bytes.starts(with: Array(#"{"person""#.utf8)) {
                guard let decoded = try? decoder.decode(PersonLine.self, from: bytes) else {
                    throw CatalogError(.corruptSnapshot, "\(path):\(lineNumber): not a person line")
                }
                try person(decoded.person)
                continue
            }
            let decoded: FilmLine
            do {
                decoded = try decoder.decode(FilmLine.self, from: bytes)
            } catch {
                throw CatalogError(.corruptSnapshot, "\(path):\(lineNumber): not a person or film line (\(error))")
            }
            try film(decoded.film)
        }
        return header
    }

    /// Writes a snapshot of `people` and the films `films` yields (until it returns nil) through a temporary file
    /// renamed into place. The header's counts are those given; a count that does not match is an error.
    public static func write(to path: String, people: [Person], filmCount: Int, films: () throws -> Film?) throws {
        let temporary = path + ".partial"
        let writer = try GzipFile.Writer(path: temporary)
        do {
            let encoder = CatalogJSON.encoder()
            let header = Header(format: format, version: version, films: filmCount, people: people.count, records: 0)
            try writer.write(line: try encoder.encode(header))
            for person in people { try writer.write(line: try encoder.encode(PersonLine(person: person))) }
            var written = 0
            while let film = try films() {
                try writer.write(line: try encoder.encode(FilmLine(film: film, records: [])))
                written += 1
            }
            try writer.close()
            guard written == filmCount else {
                throw CatalogError(.unwritable, "\(path): \(written) films written, \(filmCount) promised")
            }
            guard rename(temporary, path) == 0 else { throw CatalogError(.unwritable, "cannot move the snapshot to \(path)") }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
