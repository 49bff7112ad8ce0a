import Testing
@testable import KinoIndex

/// A live index switches generations under running queries, refuses bad ones while the previous one keeps serving,
/// and lets old ones go once their leases end.
struct LiveIndexTests {
    /// Ways a new generation (or `CURRENT`) can be bad, with the error a reload must give.
    enum BadGeneration: String, CaseIterable, Sendable {
        case truncatedFile
        case flippedByte
        case wrongFormatVersion
        case zeroLengthFile
        case missingFolder
        case currentNotAName

        /// Spoils generation `name`, written but not current, and makes `CURRENT` name it (or something worse).
        func apply(to generations: IndexGenerations, _ name: String) throws {
            let folder = generations.path(of: name) + "/"
            switch self {
            case .truncatedFile:
                let bytes = readFile(folder + SegmentFiles.postings)
                writeFile(folder + SegmentFiles.postings, Array(bytes.dropLast(5)))
            case .flippedByte:
                var bytes = readFile(folder + SegmentFiles.terms)
                bytes[IndexFileFormat.headerSize + 2] ^= 0x10
                writeFile(folder + SegmentFiles.terms, bytes)
            case .wrongFormatVersion:
                writeFile(folder + SegmentFiles.stored,
                          withFormatVersion(IndexFileFormat.version + 1, readFile(folder + SegmentFiles.stored)))
            case .zeroLengthFile:
                writeFile(folder + SegmentFiles.columns, [])
            case .missingFolder:
                try generations.switchCurrent(to: "g000009")
                return
            case .currentNotAName:
                writeFile(generations.root + "/CURRENT", Array("../../etc\n".utf8))
                return
            }
            try generations.switchCurrent(to: name)
        }

        /// The error's code and the start of its message, which names the file.
        var expected: (code: IndexError.Code, message: String) {
            switch self {
            case .truncatedFile: (.truncated, "g000002/postings.kix: footer missing")
            case .flippedByte: (.checksumMismatch, "g000002/terms.kix: checksum mismatch")
            case .wrongFormatVersion:
                (.unsupportedVersion, "g000002/stored.kix: format version \(IndexFileFormat.version + 1), "
                    + "this build reads versions 1 to \(IndexFileFormat.version)")
            case .zeroLengthFile: (.truncated, "g000002/columns.kix: file is empty")
            case .missingFolder: (.io, "g000009: cannot open ")
            case .currentNotAName: (.corrupt, "CURRENT: '../../etc' is not a generation name")
            }
        }
    }

    /// What the query threads saw.
    struct QueryLog: Sendable {
        var queries = 0
        var generations: Set<String> = []
        var problems: [String] = []
    }

    @Test func queriesNeverFailNorMixGenerationsWhileGenerationsSwitch() async throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        let live = try LiveIndex(root: root.path)
        let last = 40
        let switching = Locked(true)
        let log = Locked(QueryLog())
        await onThreads(5) { thread in
            guard thread > 0 else {
                for number in 2...last {
                    do {
                        let name = try generations.write(TaggedGeneration.writer(number))
                        let result = live.reload()
                        if result != .switched(from: TaggedGeneration.name(number - 1), to: name) {
                            log.withLock { $0.problems.append("reload to \(name): \(result)") }
                        }
                    } catch {
                        log.withLock { $0.problems.append("writing generation \(number): \(error)") }
                    }
                }
                switching.withLock { $0 = false }
                return
            }
            // Odd threads keep a lease for several queries, so that it outlives switches.
            var kept: LiveIndex.Lease?
            var round = 0
            while switching.withLock({ $0 }) {
                round += 1
                if thread % 2 == 1 && round % 8 == 1 {
                    kept = live.acquire()
                }
                let (generation, problem) = kept.map { ($0.generation, TaggedGeneration.problem($0)) }
                    ?? live.withSearcher { searcher, generation in
                        (generation, TaggedGeneration.problem(searcher, generation: generation))
                    }
                log.withLock { log in
                    log.queries += 1
                    log.generations.insert(generation)
                    if let problem { log.problems.append(problem) }
                }
            }
        }
        let seen = log.withLock { $0 }
        #expect(seen.problems == [])
        #expect(seen.queries >= last)
        #expect(seen.generations.count > 1)
        #expect(live.generation == TaggedGeneration.name(last))
        #expect(generations.all() == [TaggedGeneration.name(last)])
    }

    @Test(arguments: BadGeneration.allCases)
    func aBadGenerationIsRefusedAndThePreviousOneKeepsServing(bad: BadGeneration) throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        let live = try LiveIndex(root: root.path)
        try bad.apply(to: generations, generations.write(TaggedGeneration.writer(2), makeCurrent: false))

        let result = live.reload()
        guard case .refused(let error) = result else {
            Issue.record("reload gave \(result)")
            return
        }
        #expect(error.code == bad.expected.code)
        #expect(error.message.hasPrefix(bad.expected.message), "\(error.message)")
        #expect(live.generation == "g000001")
        #expect(live.withSearcher { TaggedGeneration.problem($0, generation: $1) } == nil)
        // Polling does not open the refused generation again; an explicit reload does, and refuses it again.
        #expect(live.reloadIfChanged() == .unchanged("g000001"))
        #expect(live.reload() == result)

        // The next good generation is taken, and the old and the bad one are removed.
        let next = try generations.write(TaggedGeneration.writer(3))
        #expect(live.reloadIfChanged() == .switched(from: "g000001", to: next))
        #expect(live.withSearcher { TaggedGeneration.problem($0, generation: $1) } == nil)
        #expect(generations.all() == [next])
    }

    @Test(arguments: BadGeneration.allCases)
    func openingABadGenerationFailsNamingTheFile(bad: BadGeneration) throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        try bad.apply(to: generations, generations.write(TaggedGeneration.writer(2), makeCurrent: false))
        let error = #expect(throws: IndexError.self) { try LiveIndex(root: root.path) }
        #expect(error?.code == bad.expected.code)
        #expect(error?.message.hasPrefix(bad.expected.message) == true, "\(error?.message ?? "")")
    }

    @Test func openingARootWithoutAnIndexSaysSo() {
        let root = TemporaryDirectory()
        let error = #expect(throws: IndexError.self) { try LiveIndex(root: root.path) }
        #expect(error?.code == .noIndex)
        #expect(error?.message.hasPrefix("CURRENT: ") == true)
    }

    @Test func reloadSwitchesOnlyWhenCurrentNamesAnotherGeneration() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        let live = try LiveIndex(root: root.path)
        #expect(live.reloadIfChanged() == .unchanged("g000001"))
        #expect(live.reload() == .unchanged("g000001"))
        try generations.write(TaggedGeneration.writer(2))
        #expect(live.reloadIfChanged() == .switched(from: "g000001", to: "g000002"))
        #expect(live.reloadIfChanged() == .unchanged("g000002"))
        #expect(live.reload() == .unchanged("g000002"))
        #expect(live.withSearcher { TaggedGeneration.problem($0, generation: $1) } == nil)
    }

    @Test func aLeaseKeepsItsGenerationAfterASwitchUntilItEnds() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        let live = try LiveIndex(root: root.path)
        var lease: LiveIndex.Lease? = live.acquire()
        try generations.write(TaggedGeneration.writer(2))
        #expect(live.reload() == .switched(from: "g000001", to: "g000002"))
        #expect(generations.all() == ["g000001", "g000002"])
        #expect(lease?.generation == "g000001")
        #expect(TaggedGeneration.problem(try #require(lease)) == nil)
        lease = nil
        #expect(generations.all() == ["g000002"])
        #expect(TaggedGeneration.problem(live.acquire()) == nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func watchPicksUpANewGeneration() async throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        let live = try LiveIndex(root: root.path)
        let (reported, reporter) = AsyncStream.makeStream(of: LiveIndex.Reload.self)
        let watcher = Task {
            await live.watch(every: .milliseconds(5)) { reporter.yield($0) }
        }
        try generations.write(TaggedGeneration.writer(2))
        var results = reported.makeAsyncIterator()
        let first = await results.next()
        watcher.cancel()
        await watcher.value
        #expect(first == .switched(from: "g000001", to: "g000002"))
        #expect(live.generation == "g000002")
        #expect(generations.all() == ["g000002"])
    }
}
