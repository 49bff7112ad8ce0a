extension TermTable {
    /// Those of the entries at `ordinals` (in increasing order) that are terms of `field` within `maxEdits` edits of
    /// `query` and start with its first `prefixLength` scalars, in dictionary order, with their distances: the check
    /// of a typo index's candidates. Ordinals past the last entry (a damaged file) are skipped.
    func fuzzyTerms(among ordinals: [Int], field: FieldID, query: [Unicode.Scalar], maxEdits: Int,
                    prefixLength: Int) -> [FuzzyTerm] {
        var rows = EditDistanceRows(query: query, maxEdits: maxEdits)
        var key: [UInt8] = []
        var matches: [FuzzyTerm] = []
        for ordinal in ordinals {
            let match = withEntry(at: ordinal) { entryField, info, text -> FuzzyTerm? in
                guard entryField == field else { return nil }
                key.removeAll(keepingCapacity: true)
                key.append(contentsOf: text)
                rows.pop(to: 0)
                var offset = 0
                while offset < key.count, !rows.isDead {
                    let (scalar, length) = TermDictionaryReader.scalar(in: key, at: offset)
                    if rows.depth < prefixLength, scalar != query[rows.depth] { return nil }
                    rows.push(scalar)
                    offset += length
                }
                guard offset == key.count, rows.depth >= prefixLength, let distance = rows.distance else { return nil }
                return FuzzyTerm(term: String(decoding: text, as: UTF8.self), info: info, distance: distance)
            }
            if let match = match ?? nil {
                matches.append(match)
            }
        }
        return matches
    }
}
