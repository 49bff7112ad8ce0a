import Testing
@testable import KinoIndex

/// Fuzzy lookups and seeks over seeded random dictionaries, checked against brute force over every term.
struct FuzzyLookupRandomizedTests {
    static let fields = [FieldID(1), FieldID(2), FieldID(255), FieldID(256)]

    /// A dictionary of seeded random words spread over ``fields``, some of them in two fields.
    static func randomDictionary(seed: UInt64, count: Int) throws
        -> (reader: TermDictionaryReader, entries: [(field: FieldID, term: String, info: TermInfo)],
            vocabulary: [String], words: FuzzyWords) {
        var words = FuzzyWords(seed: seed)
        let vocabulary = words.vocabulary(count: count)
        var terms: [(field: FieldID, term: String)] = []
        for word in vocabulary {
            terms.append((fields.randomElement(using: &words.random)!, word))
            if Int.random(in: 0..<5, using: &words.random) == 0 {
                terms.append((fields.randomElement(using: &words.random)!, word))
            }
        }
        let (reader, entries) = try FuzzyOracle.dictionary(terms)
        return (reader, entries, vocabulary, words)
    }

    @Test(arguments: [(1 as UInt64, 1_500), (2, 400), (3, 2_500)])
    func lookupsEqualBruteForceOverEveryTerm(seed: UInt64, count: Int) throws {
        let (reader, entries, vocabulary, initialWords) = try Self.randomDictionary(seed: seed, count: count)
        var words = initialWords
        let scalars = entries.map { Array($0.term.unicodeScalars) }
        var queries = ["", "а", "ab", "ё", "😀", "\u{301}", String(repeating: "ы", count: 40)]
        for _ in 0..<100 {
            queries.append(words.query(from: vocabulary))
        }
        var foundAtDistance = [0, 0, 0]
        for query in queries {
            let field = Self.fields.randomElement(using: &words.random)!
            let inField = entries.indices.filter { entries[$0].field == field }
            let candidates = FuzzyOracle.candidates(inField.map { (entries[$0].term, entries[$0].info) },
                                                    scalars: inField.map { scalars[$0] }, query: query)
            for maxEdits in 0...2 {
                for prefixLength in 0...2 {
                    let expected = FuzzyOracle.matches(candidates, query: query, maxEdits: maxEdits,
                                                       prefixLength: prefixLength)
                    let (actual, decoded) = reader.terms(field: field, fuzzy: query, maxEdits: maxEdits,
                                                         prefixLength: prefixLength)
                    #expect(actual == expected,
                            "field \(field.rawValue) \"\(query)\" ≤\(maxEdits) prefix \(prefixLength)")
                    // Seeks only go forward, so no entry is decoded twice.
                    #expect(decoded <= reader.count)
                    if maxEdits == 2 && prefixLength == 0 {
                        for match in actual {
                            foundAtDistance[match.distance] += 1
                        }
                    }
                }
            }
        }
        // The queries are close enough to the dictionary to find terms at every distance.
        #expect(foundAtDistance.allSatisfy { $0 > 5 }, "\(foundAtDistance)")
    }

    @Test func segmentLookupsEqualBruteForceOverItsTerms() throws {
        let fixture = try FuzzyQueryTests.fixture(count: 400, seed: 41)
        var words = FuzzyWords(seed: 42)
        let segment = fixture.searcher.segment
        for _ in 0..<120 {
            let field = QueryRandomizedTests.fields.randomElement(using: &words.random)!
            let terms = fixture.termsByField[field] ?? []
            let query = words.query(from: terms.isEmpty ? ["x"] : terms)
            let candidates = terms.map { term in
                (term: term, info: segment.termInfo(field: field, term: term)!,
                 distance: FuzzyOracle.distance(term, query))
            }
            for maxEdits in 0...2 {
                let prefixLength = Int.random(in: 0...2, using: &words.random)
                let expected = FuzzyOracle.matches(candidates, query: query, maxEdits: maxEdits,
                                                   prefixLength: prefixLength)
                #expect(segment.terms(field: field, fuzzy: query, maxEdits: maxEdits, prefixLength: prefixLength)
                    == expected, "field \(field.rawValue) \"\(query)\" ≤\(maxEdits) prefix \(prefixLength)")
            }
        }
    }

    @Test func seeksLandOnTheFirstKeyNotBelowTheTarget() throws {
        let (reader, entries, vocabulary, initialWords) = try Self.randomDictionary(seed: 5, count: 2_000)
        var words = initialWords
        let keys = entries.map { TermKey.make(field: $0.field, term: $0.term) }
        func firstKey(notBelow target: [UInt8]) -> [UInt8]? {
            keys.first { !TermKey.precedes($0, target) }
        }
        var targets: [[UInt8]] = [[], [0], [0xFF, 0xFF, 0xFF], keys[0], keys[keys.count - 1],
                                  keys[keys.count - 1] + [0]]
        for _ in 0..<400 {
            let field = Self.fields.randomElement(using: &words.random)!
            targets.append(TermKey.make(field: field, term: words.query(from: vocabulary)))
            var key = keys.randomElement(using: &words.random)!
            key[key.count - 1] &+= UInt8.random(in: 0...2, using: &words.random)
            targets.append(key)
        }
        // Fresh seeks, then one iterator seeking to every target in turn (forwards, backwards, within a block).
        var moving = reader.entries(from: [])
        for target in targets {
            var fresh = reader.entries(from: target)
            #expect(fresh.next()?.key == firstKey(notBelow: target))
            moving.seek(to: target)
            let landed = moving.next()
            #expect(landed?.key == firstKey(notBelow: target))
            if let landed {
                let index = try #require(keys.firstIndex(of: landed.key))
                #expect(landed.info == entries[index].info)
                #expect(moving.next()?.key == (index + 1 < keys.count ? keys[index + 1] : nil))
            }
        }
    }

    /// A dictionary of about 120,000 word-like terms in one field (syllables of Cyrillic or Latin letters), with
    /// a few terms in the fields around it.
    static func largeDictionary() throws
        -> (reader: TermDictionaryReader, entries: [(field: FieldID, term: String, info: TermInfo)]) {
        var random = SplitMix64(seed: 77)
        let syllables = [
            ["ма", "ри", "ко", "ту", "не", "ло", "ва", "да", "сти", "про", "бо", "ре", "жа", "ны", "чу", "ще", "ёл",
             "ик"],
            ["ma", "ri", "ko", "tu", "ne", "lo", "va", "da", "sti", "pro", "bo", "re", "ja", "ny", "chu", "sh", "er",
             "x"],
        ]
        var terms: Set<String> = []
        while terms.count < 120_000 {
            let script = syllables[Int.random(in: 0...1, using: &random)]
            terms.insert((0..<Int.random(in: 2...5, using: &random)).map { _ in
                script.randomElement(using: &random)!
            }.joined())
        }
        let field = FieldID(2)
        let others: [(field: FieldID, term: String)] = [(FieldID(1), "марико"), (FieldID(3), "марико")]
        return try FuzzyOracle.dictionary(terms.map { (field, $0) } + others)
    }

    @Test func fuzzyWalksDecodeASmallPartOfALargeDictionary() throws {
        let (reader, entries) = try Self.largeDictionary()
        let field = FieldID(2)
        let fieldTerms = entries.filter { $0.field == field }
        #expect(fieldTerms.count >= 100_000)
        let fieldScalars = fieldTerms.map { Array($0.term.unicodeScalars) }
        let sevenLetterTerms = fieldTerms.map(\.term).filter { $0.unicodeScalars.count == 7 }
        var words = FuzzyWords(seed: 78)
        // Per budget and prefix length, the largest fraction of the dictionary's entries a walk may decode.
        let limits: [(maxEdits: Int, prefixLength: Int, fraction: Double)] = [
            (0, 0, 0.001), (1, 0, 0.05), (1, 2, 0.01), (2, 0, 0.1), (2, 1, 0.05),
        ]
        for query in [sevenLetterTerms[100], words.mutate(sevenLetterTerms[2_000], edits: 1), "matirx"] {
            let candidates = FuzzyOracle.candidates(fieldTerms.map { ($0.term, $0.info) }, scalars: fieldScalars,
                                                    query: query)
            for (maxEdits, prefixLength, limit) in limits {
                let (found, decoded) = reader.terms(field: field, fuzzy: query, maxEdits: maxEdits,
                                                    prefixLength: prefixLength)
                #expect(Double(decoded) < limit * Double(reader.count),
                        "\"\(query)\" ≤\(maxEdits) prefix \(prefixLength): decoded \(decoded) of \(reader.count)")
                #expect(found == FuzzyOracle.matches(candidates, query: query, maxEdits: maxEdits,
                                                     prefixLength: prefixLength))
            }
        }
    }
}
