/// Builds the typo index of a segment: for each term of the fields it covers, its ``TypoKeys``, each pointing to the
/// term's ordinal in the dictionary; serialized as `typos.kix`, read by ``TypoIndexReader``.
///
/// Body (little-endian):
///
///     window u32 | max deletions u32 | field count u32 | field ids, u32 each | bucket count u32 (a power of two,
///     or 0 without entries) | entry count u32 | bucket starts, (bucket count + 1) × u32 | zero padding to a
///     multiple of 8 | entries, u64 each
///
/// A key with hash `h` lies in bucket `h & (bucket count − 1)`; bucket `b`'s entries are those from start `b` up
/// to start `b + 1`, in increasing order. An entry is `h >> 32` (30 bits) << 34 | deletions << 32 | the term's
/// ordinal in the whole dictionary.
struct TypoIndexWriter {
    /// The scalars of a term's start that make its keys.
    static let window = 7
    /// The most deletions a key is made with: the largest edit budget a look-up can have.
    static let maxDeletions = TermDictionaryReader.maxFuzzyEdits

    /// The fields whose terms are indexed.
    let fields: [FieldID]
    /// Per key of a term: the key's hash, and its entry.
    private var hashes: [UInt64] = []
    private var entries: [UInt64] = []

    init(fields: [FieldID]) {
        self.fields = fields
    }

    /// Adds the keys of `term` of `field`, which has `ordinal` in the dictionary; terms of other fields are skipped.
    mutating func add(field: FieldID, term: some Sequence<UInt8>, ordinal: Int) {
        guard fields.contains(field), let ordinal = UInt32(exactly: ordinal) else { return }
        let scalars = Array(String(decoding: Array(term), as: UTF8.self).unicodeScalars)
        TypoKeys.forEach(of: scalars, field: field, window: Self.window, maxDeletions: Self.maxDeletions) {
            hash, deletions in
            hashes.append(hash)
            entries.append((hash >> 32) << 34 | UInt64(deletions) << 32 | UInt64(ordinal))
        }
    }

    /// The number of keys added, over all terms.
    var count: Int { entries.count }

    func serialize(into body: inout ByteWriter) {
        var bucketCount = entries.isEmpty ? 0 : 1
        while bucketCount < entries.count / 2 {
            bucketCount *= 2
        }
        // A counting sort into buckets, then each bucket's few entries in order.
        var starts = [UInt32](repeating: 0, count: bucketCount + 1)
        let mask = UInt64(max(bucketCount, 1) - 1)
        for hash in hashes {
            starts[Int(hash & mask) + 1] += 1
        }
        for bucket in 0..<bucketCount {
            starts[bucket + 1] += starts[bucket]
        }
        var sorted = [UInt64](repeating: 0, count: entries.count)
        var next = starts
        for (hash, entry) in zip(hashes, entries) {
            let bucket = Int(hash & mask)
            sorted[Int(next[bucket])] = entry
            next[bucket] += 1
        }
        for bucket in 0..<bucketCount where starts[bucket + 1] - starts[bucket] > 1 {
            sorted[Int(starts[bucket])..<Int(starts[bucket + 1])].sort()
        }

        body.appendU32(UInt32(Self.window))
        body.appendU32(UInt32(Self.maxDeletions))
        body.appendU32(UInt32(fields.count))
        for field in fields {
            body.appendU32(UInt32(field.rawValue))
        }
        body.appendU32(UInt32(bucketCount))
        body.appendU32(UInt32(entries.count))
        for start in starts {
            body.appendU32(start)
        }
        while body.count % 8 != 0 {
            body.append(0)
        }
        body.reserve(body.count + sorted.count * 8)
        for entry in sorted {
            body.appendU64(entry)
        }
    }
}
