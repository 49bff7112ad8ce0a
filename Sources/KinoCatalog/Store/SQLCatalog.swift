import Foundation
import SQLKit

/// The SQL both stores share: migrations, the transactional write of ``CatalogChanges`` and the reads of
/// ``CatalogStore``. It runs on one connection, so `BEGIN`/`COMMIT` delimit a transaction.
struct SQLCatalog: Sendable {
    let database: any SQLDatabase

    /// Rows per multi-row `INSERT`: well under SQLite's and PostgreSQL's limits on bound parameters.
    private static let batchSize = 500

    // MARK: Migrations

    func migrate() async throws {
        try await database.raw("CREATE TABLE IF NOT EXISTS kino_schema (version INTEGER NOT NULL)").run()
        let version = try await database.raw("SELECT MAX(version) AS version FROM kino_schema").first()?
            .decodeNil(column: "version") == false
            ? try await database.raw("SELECT MAX(version) AS version FROM kino_schema").first()!.decode(column: "version", as: Int.self)
            : 0
        if version > CatalogSchema.currentVersion {
            throw CatalogError(.schemaTooNew, "the catalog database has schema version \(version), but this kino knows versions up to \(CatalogSchema.currentVersion): upgrade kino")
        }
        for migration in CatalogSchema.migrations where migration.version > version {
            try await transaction {
                for statement in migration.statements { try await database.raw(SQLQueryString(statement)).run() }
                try await database.raw("INSERT INTO kino_schema (version) VALUES (\(bind: migration.version))").run()
            }
        }
    }

    func schemaVersion() async throws -> Int {
        try await database.raw("SELECT MAX(version) AS version FROM kino_schema").first()?.decode(column: "version", as: Int?.self) ?? 0
    }

    // MARK: Writing

    func transaction(_ body: () async throws -> Void) async throws {
        try await database.raw("BEGIN").run()
        do {
            try await body()
            try await database.raw("COMMIT").run()
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    func apply(_ changes: CatalogChanges) async throws {
        guard !changes.isEmpty else { return }
        let encoder = CatalogJSON.encoder()
        try await transaction {
            let filmIDs = changes.films.map(\.id)
            for table in ["film_external_ids", "film_genres", "film_countries", "credits"] {
                try await deleteWhere(table, column: "film_id", in: filmIDs)
            }
            try await deleteWhere("films", column: "id", in: filmIDs)
            try await insert("films", ["id", "type", "title_ru", "original_title", "title_en", "year", "document"],
                             try changes.films.map { film in
                                 [film.id, film.type.rawValue, film.titleRU, film.titleOriginal, film.titleEN, film.year,
                                  String(decoding: try encoder.encode(film), as: UTF8.self)]
                             })
            try await insert("film_external_ids", ["namespace", "value", "film_id"], changes.films.flatMap { film in
                let mkrf = film.sources.filter { $0.source == .mkrf }.map(\.sourceID)
                var ids = film.externalIDs.filter { $0.key != .mkrf }.map { [$0.key.rawValue, $0.value, film.id] as [any Encodable & Sendable] }
                ids += Set(mkrf + [film.externalIDs[.mkrf]].compactMap { $0 }).sorted().map { ["mkrf", $0, film.id] }
                return ids
            }, keepingFirst: true)
            try await insert("film_genres", ["film_id", "genre"], changes.films.flatMap { film in
                film.genres.map { [film.id, $0.rawValue] }
            })
            try await insert("film_countries", ["film_id", "country"], changes.films.flatMap { film in
                Set(film.countries).sorted().map { [film.id, $0] }
            })
            try await insert("credits", ["film_id", "position", "person_id", "role", "character_name"], changes.films.flatMap { film in
                film.credits.enumerated().map { [film.id, $0.offset, $0.element.personID, $0.element.role.rawValue, $0.element.character] }
            })

            try await deleteWhere("people", column: "id", in: changes.people.map(\.id))
            try await insert("people", ["id", "name_ru", "name_en", "kinopoisk_id"], changes.people.map {
                [$0.id, $0.nameRU, $0.nameEN, $0.kinopoiskID]
            })

            for (source, keys) in Dictionary(grouping: changes.records.map(\.record.key), by: \.source) {
                for chunk in keys.map(\.sourceID).chunked(Self.batchSize) {
                    try await database.raw("DELETE FROM source_records WHERE source = \(bind: source.rawValue) AND source_id IN \(SQLBind.group(chunk))").run()
                }
            }
            try await insert("source_records", ["source", "source_id", "film_id", "rule", "hash", "document"], try changes.records.map {
                [$0.record.source.rawValue, $0.record.sourceID, $0.filmID, $0.rule.rawValue, $0.hash,
                 String(decoding: try encoder.encode($0.record), as: UTF8.self)]
            })

            if let ratings = changes.externalRatings {
                try await database.raw("DELETE FROM external_ratings WHERE source = 'movielens'").run()
                try await insert("external_ratings", ["source", "user_id", "movie_id", "rating", "rated_at"], ratings.map {
                    ["movielens", $0.userID, $0.movieID, $0.rating, $0.timestamp]
                })
            }
            if let tags = changes.externalTags {
                try await database.raw("DELETE FROM external_tags WHERE source = 'movielens'").run()
                try await insert("external_tags", ["source", "user_id", "movie_id", "tag", "tagged_at"], tags.map {
                    ["movielens", $0.userID, $0.movieID, $0.tag, $0.timestamp]
                })
            }
            for (name, fingerprint) in changes.fingerprints.sorted(by: { $0.key < $1.key }) {
                try await database.raw("DELETE FROM dataset_fingerprints WHERE name = \(bind: name)").run()
                try await database.raw("INSERT INTO dataset_fingerprints (name, fingerprint) VALUES (\(bind: name), \(bind: fingerprint))").run()
            }
        }
    }

    private func deleteWhere(_ table: String, column: String, in ids: [Int]) async throws {
        for chunk in ids.chunked(Self.batchSize) {
            try await database.delete(from: table).where(SQLIdentifier(column), .in, chunk).run()
        }
    }

    /// Inserts rows in batches. With `keepingFirst`, a row whose key is already taken is dropped: two films that
    /// sources gave the same external id keep it on the first.
    private func insert(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]], keepingFirst: Bool = false) async throws {
        for chunk in rows.chunked(Self.batchSize) {
            var builder = database.insert(into: table).columns(columns)
            for row in chunk { builder = builder.values(row) }
            if keepingFirst { builder = builder.ignoringConflicts() }
            try await builder.run()
        }
    }

    // MARK: Reading

    func loadRecords() async throws -> [StoredRecord] {
        let decoder = CatalogJSON.decoder()
        return try await database.raw("SELECT film_id, rule, hash, document FROM source_records ORDER BY film_id, source, source_id").all().map { row in
            let ruleText = try row.decode(column: "rule", as: String.self)
            guard let rule = MergeRule(rawValue: ruleText) else {
                throw CatalogError(.corruptDocument, "a source record has an unknown merge rule '\(ruleText)'")
            }
            return StoredRecord(record: try decodeDocument(row, as: SourceRecord.self, decoder: decoder),
                                filmID: try row.decode(column: "film_id", as: Int.self), rule: rule,
                                hash: try row.decode(column: "hash", as: String.self))
        }
    }

    func loadPeople() async throws -> [Person] {
        try await database.raw("SELECT id, name_ru, name_en, kinopoisk_id FROM people ORDER BY id").all().map(person)
    }

    func film(id: Int) async throws -> Film? {
        guard let row = try await database.raw("SELECT document FROM films WHERE id = \(bind: id)").first() else { return nil }
        return try decodeDocument(row, as: Film.self, decoder: CatalogJSON.decoder())
    }

    func filmID(for externalID: ExternalID) async throws -> Int? {
        try await database.raw("SELECT film_id FROM film_external_ids WHERE namespace = \(bind: externalID.namespace.rawValue) AND value = \(bind: externalID.value)")
            .first()?.decode(column: "film_id", as: Int.self)
    }

    func records(ofFilm id: Int) async throws -> [StoredRecord] {
        let decoder = CatalogJSON.decoder()
        return try await database.raw("SELECT film_id, rule, hash, document FROM source_records WHERE film_id = \(bind: id) ORDER BY source, source_id").all().map { row in
            StoredRecord(record: try decodeDocument(row, as: SourceRecord.self, decoder: decoder),
                         filmID: id, rule: MergeRule(rawValue: try row.decode(column: "rule", as: String.self)) ?? .new,
                         hash: try row.decode(column: "hash", as: String.self))
        }
    }

    func person(id: Int) async throws -> Person? {
        try await database.raw("SELECT id, name_ru, name_en, kinopoisk_id FROM people WHERE id = \(bind: id)").first().map(person)
    }

    func films(after id: Int, limit: Int) async throws -> [Film] {
        let decoder = CatalogJSON.decoder()
        return try await database.raw("SELECT document FROM films WHERE id > \(bind: id) ORDER BY id LIMIT \(bind: limit)").all().map {
            try decodeDocument($0, as: Film.self, decoder: decoder)
        }
    }

    func stats() async throws -> CatalogStats {
        func count(_ sql: String) async throws -> Int {
            try await database.raw(SQLQueryString(sql)).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        func grouped(_ sql: String) async throws -> [String: Int] {
            var result: [String: Int] = [:]
            for row in try await database.raw(SQLQueryString(sql)).all() {
                result[try row.decode(column: "k", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return result
        }
        return CatalogStats(
            films: try await count("SELECT COUNT(*) AS n FROM films"),
            people: try await count("SELECT COUNT(*) AS n FROM people"),
            credits: try await count("SELECT COUNT(*) AS n FROM credits"),
            filmsWithRussianAndEnglishTitles: try await count(
                "SELECT COUNT(*) AS n FROM films WHERE title_ru IS NOT NULL AND (title_en IS NOT NULL OR (original_title IS NOT NULL AND original_title <> title_ru))"),
            sourceRecords: try await count("SELECT COUNT(*) AS n FROM source_records"),
            filmsPerSource: try await grouped("SELECT source AS k, COUNT(DISTINCT film_id) AS n FROM source_records GROUP BY source"),
            recordsPerRule: try await grouped("SELECT rule AS k, COUNT(*) AS n FROM source_records GROUP BY rule"),
            filmsPerType: try await grouped("SELECT type AS k, COUNT(*) AS n FROM films GROUP BY type"),
            externalRatings: try await count("SELECT COUNT(*) AS n FROM external_ratings"),
            externalTags: try await count("SELECT COUNT(*) AS n FROM external_tags")
        )
    }

    func fingerprint(of name: String) async throws -> String? {
        try await database.raw("SELECT fingerprint FROM dataset_fingerprints WHERE name = \(bind: name)").first()?
            .decode(column: "fingerprint", as: String.self)
    }

    func externalRatingCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM external_ratings").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func person(_ row: any SQLRow) throws -> Person {
        Person(id: try row.decode(column: "id", as: Int.self), nameRU: try row.decode(column: "name_ru", as: String?.self),
               nameEN: try row.decode(column: "name_en", as: String?.self),
               kinopoiskID: try row.decode(column: "kinopoisk_id", as: Int?.self))
    }

    private func decodeDocument<T: Decodable>(_ row: any SQLRow, as type: T.Type, decoder: JSONDecoder) throws -> T {
        let text = try row.decode(column: "document", as: String.self)
        do {
            return try decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw CatalogError(.corruptDocument, "a stored \(T.self) cannot be read back: \(error)")
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
