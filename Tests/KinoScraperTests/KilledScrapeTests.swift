import Foundation
import KinoLocalSite
import KinoScraper
import Testing

extension ProcessTests {
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

    /// The commands as a person runs them: `kino scrape` a local site serving the real Kinopoisk page, `kino sync`, and
    /// `kino search` finds the film; a second `kino sync` reports nothing new.
    struct ScrapeSyncSearchCommandTests {
        static func run(_ arguments: [String], in folder: URL) async throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = try KilledScrapeTests.kinoExecutable()
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let output = folder.appendingPathComponent("output-\(UUID().uuidString).txt")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await KilledScrapeTests.waitForExit(process, within: .seconds(300))
            try handle.close()
            return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
        }

        @Test func scrapeSyncAndSearchFromTheCommandLine() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let site = LocalSite()
            site.route("/robots.txt", .response(.text("User-agent: *\nAllow: /\n")))
            site.route("/", .response(.html("<html><head><title>Фильмы</title></head><body><a href=\"/film/77443/\">Город грехов</a></body></html>")))
            site.route("/film/77443/", .response(.init(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                                                       body: try TestData.pageBytes("kinopoisk/sin_city.html"))))
            try await site.start()
            defer { Task { try? await site.shutdown() } }
            let staging = "sqlite://\(folder.path)/staging.sqlite", catalog = "sqlite://\(folder.path)/catalog.sqlite"

            let scrape = try await Self.run(["scrape", site.url("/").absoluteString, "--staging", staging, "--rate", "20"], in: folder)
            #expect(scrape.status == 0)
            #expect(scrape.output.contains("staged: 1 records"), "\(scrape.output)")

            let sync = try await Self.run(["sync", "--staging", staging, "--database", catalog, "--index-dir", "index"], in: folder)
            #expect(sync.status == 0)
            #expect(sync.output.contains(": 1 new films"), "\(sync.output)")

            let search = try await Self.run(["search", "город грехов", "--json", "--index-dir", "index"], in: folder)
            #expect(search.status == 0)
            let response = try #require(try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [String: Any])
            let first = try #require((response["hits"] as? [[String: Any]])?.first)
            #expect(first["title"] as? String == "Город грехов")
            #expect(first["year"] as? Int == 2005)

            let again = try await Self.run(["sync", "--staging", staging, "--database", catalog, "--index-dir", "index"], in: folder)
            #expect(again.status == 0)
            #expect(again.output.contains(": 0 new films") && again.output.contains("index: unchanged"), "\(again.output)")
        }
    }
}
