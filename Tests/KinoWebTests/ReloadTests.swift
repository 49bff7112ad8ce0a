import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KinoCatalog
import KinoSearch
import Testing
@testable import KinoWeb

/// A new index generation is served without a restart and without a failed request.
struct ReloadTests {
    /// A fresh index folder with one generation built from the fixture catalog.
    func freshIndex() async throws -> (root: String, index: ServedIndex) {
        let built = try await WebFixture.built.value
        let root = built.folder + "/reload-\(UUID().uuidString)"
        _ = try await IndexBuilder(store: built.store, root: root).build()
        return (root, try ServedIndex(root: root))
    }

    @Test func requestsDuringGenerationSwitchesAllSucceed() async throws {
        let built = try await WebFixture.built.value
        let (root, index) = try await freshIndex()
        let first = index.current.name
        try await WebFixture.application(index: index).test(.router) { client in
            let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var failed = 0
                        for round in 0..<150 {
                            let uri = ["/api/v1/search?q=\(encoded("брат"))", "/api/v1/suggest?q=mat", "/",
                                       "/search?genre=drama"][(worker + round) % 4]
                            let status = try await client.execute(uri: uri, method: .get) { $0.status }
                            if status != .ok { failed += 1 }
                        }
                        return failed
                    }
                }
                group.addTask {
                    for _ in 0..<3 {
                        _ = try await IndexBuilder(store: built.store, root: root).build()
                        index.reloadIfChanged()
                    }
                    return 0
                }
                return try await group.reduce(0, +)
            }
            #expect(failures == 0)
            #expect(index.current.name != first)
            let health = try await client.execute(uri: "/healthz", method: .get) { try $0.json() }
            #expect(health["generation"] as? String == index.current.name)
        }
    }

    @Test func theRunningServerPicksUpANewGenerationWithinSeconds() async throws {
        let built = try await WebFixture.built.value
        let (root, index) = try await freshIndex()
        let first = index.current.name
        try await WebFixture.application(index: index).test(.live) { client in
            let before = try await client.execute(uri: "/healthz", method: .get) { try $0.json() }
            #expect(before["generation"] as? String == first)
            let report = try await IndexBuilder(store: built.store, root: root).build()
            #expect(report.generation != first)
            var served = first
            let deadline = ContinuousClock.now + .seconds(10)
            while served != report.generation, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                served = try await client.execute(uri: "/healthz", method: .get) { try $0.json() }["generation"] as? String ?? ""
            }
            #expect(served == report.generation)
        }
    }

    @Test func aCorruptNewGenerationIsRefusedAndTheOldOneKeepsServing() async throws {
        let (root, index) = try await freshIndex()
        let first = index.current.name
        // A generation folder whose files are garbage, named by CURRENT.
        let generations = root + "/generations"
        let bad = generations + "/g000099"
        try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: generations + "/" + first) {
            try Data("not an index file".utf8).write(to: URL(fileURLWithPath: bad + "/" + name))
        }
        try Data("g000099\n".utf8).write(to: URL(fileURLWithPath: root + "/CURRENT"))
        let result = index.reloadIfChanged()
        guard case .refused = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(index.current.name == first)
        try await WebFixture.application(index: index).test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=matrix", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func repeatedRequestsAreAnsweredFromMemoryUntilTheGenerationChanges() async throws {
        let built = try await WebFixture.built.value
        let (root, index) = try await freshIndex()
        let cache = HTTPField.Name("X-Cache")!
        try await WebFixture.application(index: index).test(.router) { client in
            for uri in ["/api/v1/search?q=\(encoded("брат"))", "/api/v1/suggest?q=mat", "/search?q=matrix", "/"] {
                let first = try await client.execute(uri: uri, method: .get) { ($0.headers[cache], $0.text) }
                let second = try await client.execute(uri: uri, method: .get) { ($0.headers[cache], $0.text) }
                #expect(first.0 == nil, "\(uri)")
                #expect(second.0 == "hit", "\(uri)")
                #expect(first.1 == second.1, "\(uri)")
            }
            // A page whose URL chooses the language sets a cookie and is not kept.
            for _ in 0..<2 {
                try await client.execute(uri: "/?lang=en", method: .get) { response in
                    #expect(response.headers[cache] == nil)
                    #expect(response.headers[.setCookie] != nil)
                }
            }
            _ = try await IndexBuilder(store: built.store, root: root).build()
            index.reloadIfChanged()
            try await client.execute(uri: "/api/v1/search?q=\(encoded("брат"))", method: .get) { response in
                #expect(response.headers[cache] == nil, "a new generation starts with nothing kept")
            }
        }
    }
}
