import Testing
import KinoText
@testable import KinoIndex

/// The typo index of unstemmed fields (`typos.kix`): fuzzy look-ups answered through it equal brute force over every
/// term and the dictionary walk, and a damaged file is refused or read without harm.
struct TypoIndexTests {
    static let title = FieldID(1)
    static let words = FieldID(2)

    static func schema() throws -> Schema {
        try Schema(fields: [
            .init(id: title, name: "title", positions: true),
            .init(id: words, name: "words", positions: false, stemmed: false),
        ])
    }

    /// A segment whose documents' texts are drawn from a seeded vocabulary with many near neighbours, long words
    /// among them (past the index's window), each text in both fields; and the vocabulary.
    static func segment(seed: UInt64, in directory: TemporaryDirectory) throws -> (SegmentReader, FuzzyWords) {
        var words = FuzzyWords(seed: seed)
        var vocabulary = words.vocabulary(count: 600)
        for _ in 0..<40 {
            let long = words.word(length: Int.random(in: 9...16, using: &words.random))
            vocabulary.append(long)
            vocabulary.append(words.mutate(long, edits: Int.random(in: 1...2, using: &words.random)))
        }
        var writer = SegmentWriter(schema: try schema(), analyzer: Analyzer(stemming: false))
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...5, using: &words.random))
                .map { _ in vocabulary.randomElement(using: &words.random)! }.joined(separator: " ")
            try writer.addDocument(Document(fields: [(Self.title, text), (Self.words, text)]))
        }
        try writer.write(to: directory.path)
        return (try SegmentReader(directory: directory.path), words)
    }

    @Test(arguments: [5 as UInt64, 6, 7])
    func lookupsThroughTheIndexEqualBruteForceAndTheWalk(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        var (reader, words) = try Self.segment(seed: seed, in: directory)
        let typos = try #require(reader.typos)
        #expect(typos.covers(Self.words))
        #expect(!typos.covers(Self.title))
        let terms = reader.terms(field: Self.words, prefix: "").map { $0 }
        #expect(terms.count > 500)
        let scalars = terms.map { Array($0.term.unicodeScalars) }
        var queries = terms.filter { $0.term.unicodeScalars.count > TypoIndexWriter.window }.prefix(20).map(\.term)
        for _ in 0..<150 {
            queries.append(words.query(from: terms.map(\.term)))
        }
        var found = [0, 0, 0]
        var foundPastTheWindow = 0
        for query in queries where !query.isEmpty {
            let queryScalars = Array(query.unicodeScalars)
            let candidates = FuzzyOracle.candidates(terms, scalars: scalars, query: query)
            for maxEdits in 0...2 {
                for prefixLength in 1...3 {
                    let expected = FuzzyOracle.matches(candidates, query: query, maxEdits: maxEdits,
                                                       prefixLength: prefixLength)
                    let actual = try #require(reader.fuzzyTermsByTypoIndex(
                        field: Self.words, term: query, maxEdits: maxEdits, prefixLength: prefixLength))
                    #expect(actual == expected, "\"\(query)\" ≤\(maxEdits) prefix \(prefixLength)")
                    #expect(reader.terms(field: Self.words, fuzzy: query, maxEdits: maxEdits,
                                         prefixLength: prefixLength) == actual)
                    let walked = reader.fuzzyTermsByWalk(field: Self.words, term: query, maxEdits: maxEdits,
                                                         prefixLength: prefixLength)
                    #expect(actual == walked, "\"\(query)\" ≤\(maxEdits) prefix \(prefixLength)")
                    guard maxEdits == 2, prefixLength == 1 else { continue }
                    for match in actual where match.distance > 0 {
                        found[match.distance] += 1
                        // A word whose edits lie past the window is found too.
                        let shared = zip(match.term.unicodeScalars, queryScalars).prefix { $0 == $1 }.count
                        if shared >= TypoIndexWriter.window { foundPastTheWindow += 1 }
                    }
                }
            }
        }
        // The queries find terms one and two edits away, and some that differ only after the window.
        #expect(found[1] > 20 && found[2] > 20, "\(found)")
        #expect(foundPastTheWindow > 0)
    }

    @Test func aStemmedFieldAndALookupThatMayChangeTheFirstScalarWalkTheDictionary() throws {
        let directory = TemporaryDirectory()
        let (reader, _) = try Self.segment(seed: 8, in: directory)
        let word = try #require(reader.terms(field: Self.words, prefix: "").first { $0.term.unicodeScalars.count > 3 })
        let scalars = Array(word.term.unicodeScalars)
        // The same word with its first scalar changed: only a look-up without a fixed prefix finds the word.
        let changed = String(String.UnicodeScalarView([scalars[0] == "я" ? "ю" : "я"] + scalars.dropFirst()))
        #expect(reader.fuzzyTermsByTypoIndex(field: Self.words, term: changed, maxEdits: 1, prefixLength: 0) == nil)
        #expect(reader.fuzzyTermsByTypoIndex(field: Self.title, term: changed, maxEdits: 1, prefixLength: 1) == nil)
        let loose = reader.terms(field: Self.words, fuzzy: changed, maxEdits: 1, prefixLength: 0)
        #expect(loose.contains { $0.term == word.term && $0.distance == 1 })
        #expect(!reader.terms(field: Self.words, fuzzy: changed, maxEdits: 1, prefixLength: 1)
            .contains { $0.term == word.term })
        let titleMatches = reader.terms(field: Self.title, fuzzy: changed, maxEdits: 1, prefixLength: 0)
        #expect(titleMatches.contains { $0.term == word.term })
    }

    /// A typo file framed and checksummed like a written one, with its body changed by `change`.
    static func typoFile(_ change: (inout [UInt8]) -> Void) -> MappedFile? {
        var writer = TypoIndexWriter(fields: [words])
        for (ordinal, term) in ["матрица", "матрицы", "matrix", "солярис"].enumerated() {
            writer.add(field: words, term: Array(term.utf8), ordinal: ordinal)
        }
        var file = IndexFileWriter(kind: .typos, segmentID: SegmentID(bytes: [UInt8](repeating: 3, count: 16))!)
        writer.serialize(into: &file.body)
        var body = file.body.bytes
        change(&body)
        var framed = IndexFileWriter(kind: .typos, segmentID: file.segmentID)
        framed.body.append(contentsOf: body)
        return try? MappedFile(name: "typos.kix", kind: .typos, bytes: framed.finish())
    }

    @Test func aLayoutThatDoesNotAddUpIsRefusedNamingTheFile() throws {
        let intact = try #require(Self.typoFile { _ in })
        #expect(throws: Never.self) { try TypoIndexReader(file: intact) }
        let bucketCountOffset = 12 + 4
        let damages: [(String, (inout [UInt8]) -> Void)] = [
            ("window 0", { $0[0] = 0 }),
            ("bucket count not a power of two", { $0[bucketCountOffset] = 3 }),
            ("a bucket start above the next", { $0[bucketCountOffset + 8 + 4] = 0xFF }),
            ("cut short", { $0.removeLast(8) }),
            ("a trailing entry", { $0.append(contentsOf: [UInt8](repeating: 0, count: 8)) }),
        ]
        for (what, damage) in damages {
            let file = try #require(Self.typoFile(damage), "\(what)")
            let error = #expect(throws: IndexError.self, "\(what)") { try TypoIndexReader(file: file) }
            #expect(error?.code == .corrupt, "\(what)")
            #expect(error?.message.hasPrefix("typos.kix: ") == true, "\(what): \(error?.message ?? "")")
        }
    }

    /// A typo file damaged behind a valid checksum is refused at open or read without trapping.
    @Test func damagedBodiesNeverTrap() throws {
        let directory = TemporaryDirectory()
        let (reader, _) = try Self.segment(seed: 10, in: directory)
        let terms = reader.terms(field: Self.words, prefix: "").map(\.term)
        let path = directory.file(SegmentFiles.typos)
        let original = readFile(path)
        let body = IndexFileFormat.headerSize..<(original.count - IndexFileFormat.footerSize)
        var random = SplitMix64(seed: 11)
        var opened = 0
        for round in 0..<60 {
            var bytes = original
            // The first rounds damage the layout's head, the others anywhere.
            let range = round < 20 ? body.lowerBound..<(body.lowerBound + 48) : body
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: range, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            writeFile(path, CorruptBodyFuzzTests.reframe(bytes))
            do {
                let damaged = try SegmentReader(directory: directory.path)
                opened += 1
                for term in terms.prefix(80) {
                    for maxEdits in 0...2 {
                        _ = damaged.terms(field: Self.words, fuzzy: term, maxEdits: maxEdits, prefixLength: 1)
                    }
                }
            } catch {
                #expect(error.code == .corrupt)
                #expect(error.message.hasPrefix(SegmentFiles.typos + ": "), "\(error.message)")
            }
        }
        // Damage to the entries passes the layout's checks and is read.
        #expect(opened > 10)
    }

    @Test func candidatesPastTheDictionaryAreSkipped() throws {
        let directory = TemporaryDirectory()
        let (reader, _) = try Self.segment(seed: 9, in: directory)
        let word = try #require(Array(reader.terms(field: Self.words, prefix: "")).first)
        let query = Array(word.term.unicodeScalars)
        let found = reader.termTable.fuzzyTerms(among: [reader.terms.count, Int(UInt32.max)], field: Self.words,
                                                query: query, maxEdits: 2, prefixLength: 1)
        #expect(found.isEmpty)
    }
}
