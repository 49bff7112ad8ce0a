import Foundation
import KinoCatalog
import SQLKit

extension StagingStore {
    /// Every frontier entry, by depth and discovery.
    public func frontierEntries() async throws -> [FrontierEntry] {
        try await staging("read the frontier") {
            try await serialized {
                try await database.select().column("*").from("frontier")
                    .orderBy("depth").orderBy("discovered_at").orderBy("url")
                    .all().map(Self.entry(from:))
            }
        }
    }

    /// Starts or resumes a crawl. With entries still pending or in progress, the last crawl is resumed: those in
    /// progress (their crawl was killed) go back to pending, and finished ones stay finished. Otherwise a new crawl
    /// starts from an empty frontier (the page rows stay, for conditional requests). The seeds are added either way.
    /// Returns whether a crawl was resumed.
    func startCrawl(seeds: [FrontierEntry]) async throws -> Bool {
        try await staging("start the crawl") {
            try await transaction {
                let unfinished = try await database.raw("""
                    SELECT COUNT(*) AS count FROM frontier WHERE state IN (\(bind: FrontierState.pending.rawValue), \(bind: FrontierState.inProgress.rawValue))
                    """).first()?.decode(column: "count", as: Int.self) ?? 0
                if unfinished > 0 {
                    try await database.update("frontier").set("state", to: FrontierState.pending.rawValue)
                        .where("state", .equal, FrontierState.inProgress.rawValue).run()
                } else {
                    try await database.delete(from: "frontier").run()
                }
                try await insert(seeds)
                return unfinished > 0
            }
        }
    }

    /// Adds entries whose URL the frontier does not hold yet.
    func enqueue(_ entries: [FrontierEntry]) async throws {
        try await staging("add \(entries.count) URLs to the frontier") {
            try await transaction { try await insert(entries) }
        }
    }

    /// Pending entries due by `now`, of hosts not in `excludedHosts`, shallowest and oldest first.
    func claimable(limit: Int, excludingHosts excludedHosts: Set<String>, now: Date) async throws -> [FrontierEntry] {
        try await staging("read the frontier") {
            try await serialized {
                var query = database.select().column("*").from("frontier")
                    .where("state", .equal, FrontierState.pending.rawValue)
                    .where("not_before", .lessThanOrEqual, now.timeIntervalSince1970)
                if !excludedHosts.isEmpty {
                    query = query.where("host", .notIn, excludedHosts.sorted())
                }
                return try await query.orderBy("depth").orderBy("discovered_at").orderBy("url").limit(limit)
                    .all().map(Self.entry(from:))
            }
        }
    }

    /// How many entries of hosts not in `excludedHosts` are pending, and the earliest time one of them is due.
    func pendingSummary(excludingHosts excludedHosts: Set<String>) async throws -> (count: Int, earliest: Date?) {
        try await staging("read the frontier") {
            try await serialized {
                var query = database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
                    .column(SQLFunction("MIN", args: SQLIdentifier("not_before")), as: "earliest")
                    .from("frontier")
                    .where("state", .equal, FrontierState.pending.rawValue)
                if !excludedHosts.isEmpty {
                    query = query.where("host", .notIn, excludedHosts.sorted())
                }
                let row = try await query.first()
                let count = try row?.decode(column: "count", as: Int.self) ?? 0
                let earliest = try row?.decode(column: "earliest", as: Double?.self)
                return (count, earliest.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    /// Marks an entry claimed by the running crawl and counts the attempt.
    func markInProgress(_ url: URL) async throws {
        try await staging("claim \(url.absoluteString)") {
            try await transaction {
                try await database.raw("""
                    UPDATE frontier SET state = \(bind: FrontierState.inProgress.rawValue), attempts = attempts + 1 WHERE url = \(bind: url.absoluteString)
                    """).run()
            }
        }
    }

    /// Puts an entry back to pending, due at `notBefore`.
    func postpone(_ url: URL, until notBefore: Date, error: String?) async throws {
        try await staging("postpone \(url.absoluteString)") {
            try await transaction {
                try await database.update("frontier").set("state", to: FrontierState.pending.rawValue)
                    .set("not_before", to: notBefore.timeIntervalSince1970).set("last_error", to: error)
                    .where("url", .equal, url.absoluteString).run()
            }
        }
    }

    /// Records the outcome of one URL in one transaction: its frontier state and error, its page row, the records
    /// extracted from it, and the links it adds to the frontier.
    func finish(_ url: URL, state: FrontierState, error: String?, page: StagedPage?, records: [SourceRecord],
                links: [FrontierEntry]) async throws {
        try await staging("record the outcome of \(url.absoluteString)") {
            try await transaction {
                if let page { try await upsert(page) }
                try await upsert(records, pageURL: page?.url ?? url)
                try await insert(links)
                try await database.update("frontier").set("state", to: state.rawValue).set("last_error", to: error)
                    .where("url", .equal, url.absoluteString).run()
            }
        }
    }

    private func insert(_ entries: [FrontierEntry]) async throws {
        var seen = Set<String>()
        let unique = entries.filter { seen.insert($0.url.absoluteString).inserted }
        for start in stride(from: 0, to: unique.count, by: Self.batchSize) {
            var insert = database.insert(into: "frontier")
                .columns("url", "host", "kind", "depth", "state", "attempts", "not_before", "discovered_at", "last_error")
            for entry in unique[start..<min(unique.count, start + Self.batchSize)] {
                insert = insert.values([entry.url.absoluteString, entry.host, entry.kind.rawValue, entry.depth,
                                        entry.state.rawValue, entry.attempts, entry.notBefore.timeIntervalSince1970,
                                        entry.discoveredAt.timeIntervalSince1970, entry.lastError] as [any Encodable & Sendable])
            }
            try await insert.ignoringConflicts(with: ["url"]).run()
        }
    }

    static func entry(from row: any SQLRow) throws -> FrontierEntry {
        let text = try row.decode(column: "url", as: String.self)
        guard let url = URL(string: text) else { throw ScraperError(.staging, "the frontier URL '\(text)' is not a URL") }
        let state = try row.decode(column: "state", as: String.self)
        return FrontierEntry(
            url: url,
            kind: PageKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            depth: try row.decode(column: "depth", as: Int.self),
            state: FrontierState(rawValue: state) ?? .pending,
            attempts: try row.decode(column: "attempts", as: Int.self),
            notBefore: Date(timeIntervalSince1970: try row.decode(column: "not_before", as: Double.self)),
            discoveredAt: Date(timeIntervalSince1970: try row.decode(column: "discovered_at", as: Double.self)),
            lastError: try row.decode(column: "last_error", as: String?.self)
        )
    }
}
