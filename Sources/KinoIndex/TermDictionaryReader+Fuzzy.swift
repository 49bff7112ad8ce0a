extension TermDictionaryReader {
    /// The largest edit budget a fuzzy lookup accepts; larger ones are lowered to it.
    static let maxFuzzyEdits = 2

    /// Every term of `field` within `maxEdits` edits of `term` whose first `prefixLength` scalars are the term's
    /// (all of them when it is shorter), in dictionary order, and the number of entries the walk decoded.
    ///
    /// The walk reads the field's keys in order and keeps one row of ``EditDistanceRows`` per Unicode scalar of the
    /// current key, sharing the rows of the prefix it has in common with the previous key. When the row of a prefix
    /// is dead, no key under it can match, and the walk seeks straight to the next place a match could start: the
    /// same prefix with the dead scalar replaced by the smallest one that keeps the row alive
    /// (``EditDistanceRows/nextViableScalar(atDepth:)``), or, when there is none, the same one level up. UTF-8
    /// orders like the scalars it encodes, so everything skipped lies under a dead prefix.
    ///
    /// Keys are valid UTF-8 (they are made from strings). In a damaged file, invalid UTF-8 reads as U+FFFD, as
    /// `String(decoding:as:)` reads it, and keys out of order end the walk.
    func terms(field: FieldID, fuzzy term: String, maxEdits: Int, prefixLength: Int)
        -> (terms: [FuzzyTerm], decodedCount: Int) {
        var entries = Entries(reader: self, block: 0)
        return Self.terms(in: &entries, field: field, fuzzy: term, maxEdits: maxEdits, prefixLength: prefixLength)
    }

    /// The walk of ``terms(field:fuzzy:maxEdits:prefixLength:)`` over any cursor of the dictionary's entries.
    static func terms<Cursor: TermCursor>(in entries: inout Cursor, field: FieldID, fuzzy term: String, maxEdits: Int,
                                          prefixLength: Int) -> (terms: [FuzzyTerm], decodedCount: Int) {
        let query = Array(term.unicodeScalars)
        let fixed = min(max(prefixLength, 0), query.count)
        var range = TermKey.make(field: field, term: "")
        for scalar in query.prefix(fixed) {
            range.append(contentsOf: scalar.utf8)
        }
        var rows = EditDistanceRows(query: query, maxEdits: min(max(maxEdits, 0), Self.maxFuzzyEdits))
        // ends[i]: where the key's i-th scalar ends, for i up to the rows' depth; the term starts after the two
        // bytes of the field.
        var ends = [Int](repeating: 2, count: rows.maximumDepth + 1)
        var matches: [FuzzyTerm] = []
        entries.seek(to: range)
        // The current key, copied out of the cursor; the previous one until the copy.
        var key: [UInt8] = []
        // Where the walk seeks next, made in place.
        var target: [UInt8] = []
        var first = true
        while let info = entries.advance() {
            // How many bytes the entry's key shares with the previous key, or nil when it leaves the range or
            // comes out of order (a damaged file).
            let shared = entries.withKey { next -> Int? in
                guard next.starts(with: range),
                      first || key.withUnsafeBytes({ TermKey.precedes($0, UnsafeRawBufferPointer(next)) })
                else { return nil }
                var shared = 0
                let limit = min(key.count, next.count)
                while shared < limit, key[shared] == next[shared] {
                    shared += 1
                }
                key.removeAll(keepingCapacity: true)
                key.append(contentsOf: next)
                return shared
            }
            guard let shared else { break }
            if !first {
                var depth = rows.depth
                while ends[depth] > shared {
                    depth -= 1
                }
                rows.pop(to: depth)
            }
            first = false
            while !rows.isDead, ends[rows.depth] < key.count {
                let (scalar, length) = Self.scalar(in: key, at: ends[rows.depth])
                rows.push(scalar)
                ends[rows.depth] = ends[rows.depth - 1] + length
            }
            if !rows.isDead {
                if let distance = rows.distance {
                    matches.append(FuzzyTerm(term: String(decoding: key.dropFirst(2), as: UTF8.self), info: info,
                                             distance: distance))
                }
                continue
            }
            guard Self.nextCandidate(after: key, rows: rows, ends: ends, fixedDepth: fixed, into: &target) else { break }
            entries.seek(to: target)
        }
        return (matches, entries.decodedCount)
    }

    /// Where the walk goes on after `key`, whose last row in `rows` is dead: the smallest key above every key
    /// under the dead prefix that could still match, written into `target`; false if none can.
    private static func nextCandidate(after key: [UInt8], rows: EditDistanceRows, ends: [Int], fixedDepth: Int,
                                      into target: inout [UInt8]) -> Bool {
        var depth = rows.depth
        while depth > fixedDepth {
            if let scalar = rows.nextViableScalar(atDepth: depth) {
                target.removeAll(keepingCapacity: true)
                target += key[..<ends[depth - 1]]
                target += scalar.utf8
                // Only a damaged key (bytes that are not UTF-8) can sort after its replacement.
                guard !TermKey.precedes(key, target) else { return true }
                guard let successor = TermKey.successor(of: key[..<ends[depth]]) else { return false }
                target = successor
                return true
            }
            depth -= 1
        }
        return false
    }

    /// The scalar whose UTF-8 starts at `offset` of `key` and its length in bytes; U+FFFD for an invalid sequence,
    /// as `String(decoding:as:)` reads it.
    static func scalar(in key: [UInt8], at offset: Int) -> (Unicode.Scalar, Int) {
        // ASCII and two-byte sequences (Cyrillic) directly; the parser for the rest.
        let lead = key[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        if (0xC2...0xDF).contains(lead), offset + 1 < key.count, key[offset + 1] & 0xC0 == 0x80 {
            return (Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(key[offset + 1] & 0x3F))!, 2)
        }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = key[offset...].makeIterator()
        switch parser.parseScalar(from: &bytes) {
        case .valid(let encoded): return (Unicode.UTF8.decode(encoded), encoded.count)
        case .error(let length): return (Unicode.Scalar(0xFFFD)!, max(1, length))
        case .emptyInput: return (Unicode.Scalar(0xFFFD)!, 1)
        }
    }
}
