import Testing
@testable import KinoIndex

/// The in-memory term table answers exactly as a seek in the term dictionary does, for every term of a segment and
/// for near misses.
struct TermTableTests {
    /// The dictionary's own answer: a seek to the term's key.
    static func seek(_ reader: SegmentReader, _ field: FieldID, _ term: String) -> TermInfo? {
        reader.terms.termInfo(exact: TermKey.make(field: field, term: term))
    }

    @Test(arguments: [(1_000, 7 as UInt64), (200, 99)])
    func everyTermIsFoundInEveryFieldThatHasIt(count: Int, seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try SegmentRandomizedTests.build(count: count, seed: seed, in: directory)
        let fields = reader.schema.fields.map(\.id) + [FieldID(9)]
        var texts = Set<String>()
        for (ordinal, key) in oracle.sortedKeys.enumerated() {
            let entry = try #require(reader.term(at: ordinal))
            #expect(reader.termTable.termInfo(field: entry.field, term: entry.term) == entry.info, "\(key)")
            texts.insert(key.term)
        }
        var random = SplitMix64(seed: seed)
        for text in texts {
            // The text itself, and texts that differ by a letter or by length, in every field.
            let variants = [text, text + "x", String(text.dropLast()), "я" + text,
                            String(text.shuffled(using: &random))]
            for variant in variants {
                var inTable: [FieldID: TermInfo] = [:]
                for entry in reader.termTable.entries(of: variant) {
                    #expect(inTable.updateValue(entry.info, forKey: entry.field) == nil, "\(variant) twice")
                }
                for field in fields {
                    let expected = Self.seek(reader, field, variant)
                    #expect(reader.termInfo(field: field, term: variant) == expected, "\(field) \(variant)")
                    #expect(inTable[field] == expected, "\(field) \(variant)")
                }
            }
        }
    }

    @Test func theMostFrequentTermsOfAPrefixAreTheFirstOfAllItsTermsByFrequency() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try SegmentRandomizedTests.build(count: 800, seed: 31, in: directory)
        var random = SplitMix64(seed: 31)
        let keys = oracle.sortedKeys
        var prefixes = [(keys[0].field, ""), (FieldID(9), "")]
        for _ in 0..<200 {
            let key = keys.randomElement(using: &random)!
            let scalars = Array(key.term.unicodeScalars)
            // Up to eight letters: prefixes of keys up to eight bytes and past them (whose texts the walk compares).
            let length = Int.random(in: 0...min(8, scalars.count), using: &random)
            prefixes.append((key.field, String(String.UnicodeScalarView(scalars.prefix(length)))))
        }
        for (field, prefix) in prefixes {
            // All terms of the prefix in byte order, stably sorted by falling document frequency.
            let all = Array(reader.terms(field: field, prefix: prefix))
            let expected = all.enumerated().sorted { lhs, rhs in
                lhs.element.info.docFrequency != rhs.element.info.docFrequency
                    ? lhs.element.info.docFrequency > rhs.element.info.docFrequency : lhs.offset < rhs.offset
            }.map(\.element)
            for count in [0, 1, 3, 16, all.count + 1] {
                let found = reader.mostFrequentTerms(field: field, prefix: prefix, count: count)
                #expect(found.map(\.term) == expected.prefix(count).map(\.term), "\(field) \(prefix) \(count)")
                #expect(found.map(\.info) == expected.prefix(count).map(\.info), "\(field) \(prefix) \(count)")
            }
        }
    }

    @Test func walksOverTheTableFindWhatWalksOverTheDictionaryFind() throws {
        let directory = TemporaryDirectory()
        let (reader, oracle, _) = try SegmentRandomizedTests.build(count: 600, seed: 23, in: directory)
        var random = SplitMix64(seed: 23)
        let keys = oracle.sortedKeys
        for _ in 0..<150 {
            let key = keys.randomElement(using: &random)!
            var query = Array(key.term.unicodeScalars)
            if !query.isEmpty, Bool.random(using: &random) {
                query.remove(at: Int.random(in: 0..<query.count, using: &random))
            }
            let term = String(String.UnicodeScalarView(query))
            for maxEdits in 0...2 {
                for prefixLength in 0...1 {
                    let byDictionary = reader.terms.terms(field: key.field, fuzzy: term, maxEdits: maxEdits,
                                                          prefixLength: prefixLength).terms
                    #expect(reader.terms(field: key.field, fuzzy: term, maxEdits: maxEdits, prefixLength: prefixLength)
                        == byDictionary, "\(key.field) \(term) ≤\(maxEdits)")
                }
            }
            let prefix = String(String.UnicodeScalarView(query.prefix(2)))
            let byDictionary = reader.terms.terms(prefix: TermKey.make(field: key.field, term: prefix))
                .map { TermKey.split($0.key)!.term }
            #expect(reader.terms(field: key.field, prefix: prefix).map(\.term) == byDictionary, "\(prefix)")
        }
        // Runs of seeks forward (a walk's hops) and back, then a step, land where the dictionary's cursor lands.
        var table = reader.termTable.cursor()
        var dictionary = reader.terms.entries(from: [])
        for _ in 0..<400 {
            let key = keys.randomElement(using: &random)!
            var target = TermKey.make(field: key.field, term: key.term)
            if Bool.random(using: &random) { target.append(UInt8.random(in: 0...0xFF, using: &random)) }
            table.seek(to: target)
            dictionary.seek(to: target)
            #expect(table.next()?.key == dictionary.next()?.key, "\(target)")
            #expect(table.next()?.key == dictionary.next()?.key, "\(target)")
        }
        // Seeks before, between and after the fields.
        for target in [[], [0], [0, 0], [0xFF], [0xFF, 0xFF, 0xFF]] as [[UInt8]] {
            var table = reader.termTable.cursor()
            var dictionary = reader.terms.entries(from: [])
            table.seek(to: target)
            dictionary.seek(to: target)
            #expect(table.next()?.key == dictionary.next()?.key, "\(target)")
        }
    }

    @Test func theCommittedFormatV1SegmentAgreesWithItsDictionary() throws {
        let reader = try SegmentReader(directory: FormatV1Fixture.folder)
        var ordinal = 0
        while let entry = reader.term(at: ordinal) {
            #expect(reader.termTable.termInfo(field: entry.field, term: entry.term) == entry.info)
            ordinal += 1
        }
        #expect(ordinal == reader.terms.count)
        #expect(reader.termInfo(field: FieldID(0), term: "") == Self.seek(reader, FieldID(0), ""))
        #expect(reader.termInfo(field: FieldID(0), term: "матрицы") == nil)
    }
}
