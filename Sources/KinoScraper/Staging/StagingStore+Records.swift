import Foundation
import KinoCatalog
import SQLKit

extension StagingStore {
    /// Rows per multi-row `INSERT`, well under the databases' limits on bound parameters.
    static let batchSize = 200

    /// Every staged record, in key order.
    public func records() async throws -> [SourceRecord] {
        try await staging("read the staged records") {
            try await serialized {
                let rows = try await database.raw("SELECT record_key, document FROM records ORDER BY record_key").all()
                let decoder = CatalogJSON.decoder()
                return try rows.map { row in
                    let key = try row.decode(column: "record_key", as: String.self)
                    let document = try row.decode(column: "document", as: String.self)
                    do {
                        return try decoder.decode(SourceRecord.self, from: Data(document.utf8))
                    } catch {
                        throw ScraperError(.staging, "the staged record \(key) cannot be read: \(error)")
                    }
                }
            }
        }
    }

    /// Stages records and the page they came from in one transaction; a record already staged under the same
    /// `source:sourceID` is replaced. `page` is nil for records that came from an API rather than a page.
    public func save(records: [SourceRecord], page: StagedPage?) async throws {
        try await staging("save \(records.count) records") {
            try await transaction {
                if let page { try await upsert(page) }
                try await upsert(records, pageURL: page?.url)
            }
        }
    }

    /// The staged row of a URL, if it was fetched.
    public func page(for url: URL) async throws -> StagedPage? {
        try await staging("read the page \(url.absoluteString)") {
            try await serialized {
                guard let row = try await database.select().column("*").from("pages")
                    .where("url", .equal, url.absoluteString).first()
                else { return nil }
                return try Self.page(from: row)
            }
        }
    }

    /// Counts of pages by status, records, and frontier entries by state.
    public func stats() async throws -> StagingStats {
        try await staging("count the staged rows") {
            try await serialized {
                var stats = StagingStats()
                for row in try await database.raw("SELECT status, COUNT(*) AS count FROM pages GROUP BY status").all() {
                    stats.pagesByStatus[try row.decode(column: "status", as: Int.self)] = try row.decode(column: "count", as: Int.self)
                }
                stats.records = try await database.raw("SELECT COUNT(*) AS count FROM records").first()?.decode(column: "count", as: Int.self) ?? 0
                for row in try await database.raw("SELECT state, COUNT(*) AS count FROM frontier GROUP BY state").all() {
                    if let state = FrontierState(rawValue: try row.decode(column: "state", as: String.self)) {
                        stats.frontierByState[state] = try row.decode(column: "count", as: Int.self)
                    }
                }
                return stats
            }
        }
    }

    // MARK: Rows

    /// Inserts or replaces a page row; call inside a transaction.
    func upsert(_ page: StagedPage) async throws {
        let links = String(decoding: try JSONEncoder().encode(page.links.map(\.absoluteString)), as: UTF8.self)
        try await database.insert(into: "pages")
            .columns("url", "final_url", "status", "etag", "last_modified", "content_hash", "content_type", "bytes",
                     "fetched_at", "error", "links")
            .values([page.url.absoluteString, page.finalURL.absoluteString, page.status, page.etag, page.lastModified,
                     page.contentHash, page.contentType, page.bytes, page.fetchedAt.timeIntervalSince1970, page.error,
                     links] as [any Encodable & Sendable])
            .onConflict(with: ["url"]) { update in
                update.set(excludedValueOf: "final_url").set(excludedValueOf: "status").set(excludedValueOf: "etag")
                    .set(excludedValueOf: "last_modified").set(excludedValueOf: "content_hash")
                    .set(excludedValueOf: "content_type").set(excludedValueOf: "bytes").set(excludedValueOf: "fetched_at")
                    .set(excludedValueOf: "error").set(excludedValueOf: "links")
            }
            .run()
    }

    /// Inserts or replaces records; call inside a transaction.
    func upsert(_ records: [SourceRecord], pageURL: URL?) async throws {
        guard !records.isEmpty else { return }
        let encoder = CatalogJSON.encoder()
        let now = Date().timeIntervalSince1970
        var latest: [RecordKey: SourceRecord] = [:]
        for record in records { latest[record.key] = record }
        let unique = latest.values.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: unique.count, by: Self.batchSize) {
            var insert = database.insert(into: "records")
                .columns("record_key", "source", "source_id", "page_url", "document", "fetched_at", "extracted_at")
            for record in unique[start..<min(unique.count, start + Self.batchSize)] {
                insert = insert.values([record.key.description, record.source.rawValue, record.sourceID,
                                        pageURL?.absoluteString, String(decoding: try encoder.encode(record), as: UTF8.self),
                                        record.fetchedAt?.timeIntervalSince1970, now] as [any Encodable & Sendable])
            }
            try await insert.onConflict(with: ["record_key"]) { update in
                update.set(excludedValueOf: "page_url").set(excludedValueOf: "document")
                    .set(excludedValueOf: "fetched_at").set(excludedValueOf: "extracted_at")
            }
            .run()
        }
    }

    static func page(from row: any SQLRow) throws -> StagedPage {
        let url = try row.decode(column: "url", as: String.self)
        guard let pageURL = URL(string: url) else { throw ScraperError(.staging, "the staged page URL '\(url)' is not a URL") }
        let links = try row.decode(column: "links", as: String.self)
        let linkTexts = (try? JSONDecoder().decode([String].self, from: Data(links.utf8))) ?? []
        return StagedPage(
            url: pageURL,
            finalURL: URL(string: try row.decode(column: "final_url", as: String.self)) ?? pageURL,
            status: try row.decode(column: "status", as: Int.self),
            etag: try row.decode(column: "etag", as: String?.self),
            lastModified: try row.decode(column: "last_modified", as: String?.self),
            contentHash: try row.decode(column: "content_hash", as: String?.self),
            contentType: try row.decode(column: "content_type", as: String?.self),
            bytes: try row.decode(column: "bytes", as: Int.self),
            fetchedAt: Date(timeIntervalSince1970: try row.decode(column: "fetched_at", as: Double.self)),
            error: try row.decode(column: "error", as: String?.self),
            links: linkTexts.compactMap(URL.init(string:))
        )
    }
}
