import Foundation
import KinoLocalSite
import KinoScraper
import Testing

/// `kino scrape` killed with SIGKILL in the middle of a crawl, then run again: the second run resumes from the
/// staging store and fetches none of the pages the first one finished.
struct KilledScrapeTests {
    /// The `kino` executable built beside the test bundle.
    static func kinoExecutable() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("kino")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw ScraperError(.unexpectedResponse, "no kino executable beside \(bundle.path); build it with `swift build`")
    }

    static func scrape(_ site: LocalSite, staging: String) throws -> Process {
        let process = Process()
        process.executableURL = try kinoExecutable()
        process.arguments = ["scrape", site.url("/").absoluteString, "--staging", staging, "--rate", "25",
                             "--concurrency", "2", "--max-pages", "100"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitForExit(_ process: Process, within limit: Duration) async throws {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw ScraperError(.timedOut, "kino scrape did not finish within \(limit)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aScrapeKilledWithSIGKILLResumesWithoutRefetching() async throws {
        let films = 40
        let site = LocalSite()
        site.route("/robots.txt", .response(.text("User-agent: *\nAllow: /\n")))
        site.route("/", .response(CrawlTestSupport.filmPage("Films", links: (1...films).map { "/film/\($0)/" })))
        let page = { (film: Int) in CrawlTestSupport.filmPage("Film \(film) (\(1950 + film))", links: []) }
        // The second half of the pages hangs during the first run, so it is surely killed in the middle of its crawl.
        for film in 1...films {
            site.route("/film/\(film)/", film <= films / 2 ? .slow(.milliseconds(30), page(film)) : .slow(.seconds(60), page(film)))
        }
        try await site.start()
        defer { Task { try? await site.shutdown() } }
        let (directory, staging) = try CrawlTestSupport.temporaryStaging()
        defer { try? FileManager.default.removeItem(at: directory) }

        let first = try Self.scrape(site, staging: staging)
        let deadline = ContinuousClock.now + .seconds(60)
        while site.allRequests().filter({ $0.path.hasPrefix("/film/") }).count < 12, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(first.processIdentifier, SIGKILL)
        try await Self.waitForExit(first, within: .seconds(10))
        #expect(first.terminationReason == .uncaughtSignal)

        let store = try await StagingStore.open(staging)
        let afterKill = try await store.frontierEntries()
        try await store.close()
        let finished = Set(afterKill.filter { $0.state == .done }.map(\.url.path))
        #expect(finished.count >= 5)
        #expect(finished.count < films)
        let requestedBefore = Dictionary(grouping: site.allRequests().map(\.path), by: { $0 }).mapValues(\.count)

        for film in (films / 2 + 1)...films { site.route("/film/\(film)/", .response(page(film))) }
        let second = try Self.scrape(site, staging: staging)
        try await Self.waitForExit(second, within: .seconds(120))
        #expect(second.terminationStatus == 0)

        let reopened = try await StagingStore.open(staging)
        let entries = try await reopened.frontierEntries()
        let records = try await reopened.records()
        try await reopened.close()
        #expect(entries.filter { $0.url.path.hasPrefix("/film/") && $0.state == .done }.count == films)
        #expect(Set(records.compactMap(\.year)) == Set((1...films).map { 1950 + $0 }))
        let requestedAfter = Dictionary(grouping: site.allRequests().map(\.path), by: { $0 }).mapValues(\.count)
        for path in finished where path.hasPrefix("/film/") {
            #expect(requestedAfter[path] == requestedBefore[path], "\(path) was finished before the kill and fetched again")
        }
        for film in 1...films {
            #expect((requestedAfter["/film/\(film)/"] ?? 0) >= 1)
        }
    }
}
