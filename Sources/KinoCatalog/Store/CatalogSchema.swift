/// The versioned schema of the catalog. Migrations run in order when a store opens; each runs in a transaction and
/// records its version. A database whose version is newer than ``currentVersion`` is refused.
///
/// The statements are plain SQL that PostgreSQL and SQLite both accept, so both stores keep the same tables.
enum CatalogSchema {
    struct Migration {
        var version: Int
        var statements: [String]
    }

    static var currentVersion: Int { migrations.last!.version }

    static let migrations: [Migration] = [
        Migration(version: 1, statements: [
            """
            CREATE TABLE films (
                id BIGINT PRIMARY KEY,
                type TEXT NOT NULL,
                title_ru TEXT,
                original_title TEXT,
                title_en TEXT,
                year INTEGER,
                document TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE film_external_ids (
                namespace TEXT NOT NULL,
                value TEXT NOT NULL,
                film_id BIGINT NOT NULL REFERENCES films (id) ON DELETE CASCADE,
                PRIMARY KEY (namespace, value)
            )
            """,
            "CREATE INDEX film_external_ids_film ON film_external_ids (film_id)",
            """
            CREATE TABLE film_genres (
                film_id BIGINT NOT NULL REFERENCES films (id) ON DELETE CASCADE,
                genre TEXT NOT NULL,
                PRIMARY KEY (film_id, genre)
            )
            """,
            """
            CREATE TABLE film_countries (
                film_id BIGINT NOT NULL REFERENCES films (id) ON DELETE CASCADE,
                country TEXT NOT NULL,
                PRIMARY KEY (film_id, country)
            )
            """,
            """
            CREATE TABLE people (
                id BIGINT PRIMARY KEY,
                name_ru TEXT,
                name_en TEXT,
                kinopoisk_id BIGINT
            )
            """,
            """
            CREATE TABLE credits (
                film_id BIGINT NOT NULL REFERENCES films (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                person_id BIGINT NOT NULL,
                role TEXT NOT NULL,
                character_name TEXT,
                PRIMARY KEY (film_id, position)
            )
            """,
            "CREATE INDEX credits_person ON credits (person_id)",
            """
            CREATE TABLE source_records (
                source TEXT NOT NULL,
                source_id TEXT NOT NULL,
                film_id BIGINT NOT NULL,
                rule TEXT NOT NULL,
                hash TEXT NOT NULL,
                document TEXT NOT NULL,
                PRIMARY KEY (source, source_id)
            )
            """,
            "CREATE INDEX source_records_film ON source_records (film_id)",
            """
            CREATE TABLE external_ratings (
                source TEXT NOT NULL,
                user_id BIGINT NOT NULL,
                movie_id BIGINT NOT NULL,
                rating DOUBLE PRECISION NOT NULL,
                rated_at BIGINT NOT NULL,
                PRIMARY KEY (source, user_id, movie_id)
            )
            """,
            """
            CREATE TABLE external_tags (
                source TEXT NOT NULL,
                user_id BIGINT NOT NULL,
                movie_id BIGINT NOT NULL,
                tag TEXT NOT NULL,
                tagged_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX external_tags_movie ON external_tags (source, movie_id)",
            """
            CREATE TABLE dataset_fingerprints (
                name TEXT PRIMARY KEY,
                fingerprint TEXT NOT NULL
            )
            """,
        ]),
    ]
}
