/// The versioned schema of the staging store. Migrations run in order when the store opens, each in a transaction
/// that records its version; a database of a newer version than ``currentVersion`` is refused.
///
/// Times are seconds since 1970 as doubles, so that SQLite and PostgreSQL read them alike.
enum StagingSchema {
    struct Migration {
        var version: Int
        var statements: [String]
    }

    static var currentVersion: Int { migrations.map(\.version).max() ?? 0 }

    static let migrations: [Migration] = [
        Migration(version: 1, statements: [
            """
            CREATE TABLE frontier (
                url TEXT PRIMARY KEY,
                host TEXT NOT NULL,
                kind TEXT NOT NULL,
                depth INTEGER NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                not_before DOUBLE PRECISION NOT NULL,
                discovered_at DOUBLE PRECISION NOT NULL,
                last_error TEXT
            )
            """,
            "CREATE INDEX frontier_claim ON frontier (state, depth, discovered_at)",
            """
            CREATE TABLE pages (
                url TEXT PRIMARY KEY,
                final_url TEXT NOT NULL,
                status INTEGER NOT NULL,
                etag TEXT,
                last_modified TEXT,
                content_hash TEXT,
                content_type TEXT,
                bytes BIGINT NOT NULL,
                fetched_at DOUBLE PRECISION NOT NULL,
                error TEXT,
                links TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE records (
                record_key TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                source_id TEXT NOT NULL,
                page_url TEXT,
                document TEXT NOT NULL,
                fetched_at DOUBLE PRECISION,
                extracted_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX records_page ON records (page_url)",
        ]),
    ]
}
