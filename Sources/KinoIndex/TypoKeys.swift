/// The keys of the typo index (``TypoIndexWriter``, ``TypoIndexReader``): a word's deletion neighbourhood, after
/// SymSpell.
///
/// Two words within `d` edits (insertions, deletions, substitutions, swaps of adjacent scalars) each become the same
/// string after at most `d` deletions: a substitution or a swap is one deletion on each side, an insertion one on
/// the other. So the terms within `d` edits of a query are among those that share a key with it, where a word's keys
/// are the strings left by deleting up to `d` of its scalars. Only the word's start, its first ``window`` scalars,
/// makes keys, which bounds their number whatever its length and keeps the guarantee: cut where the shorter start
/// ends, an alignment of the two words within `d` edits still needs at most `d` deletions on each side. The first
/// scalar is never deleted, so only look-ups that keep it (people rarely mistype it) are answered this way.
///
/// A key is named by a 64-bit hash of its scalars, seeded with its field, defined here and stored on disk: it must
/// not change within a format version.
enum TypoKeys {
    /// Calls `body` with the hash of every distinct key of `word` in `field` and the fewest deletions that make it,
    /// over the first `window` scalars with up to `maxDeletions` deleted (at most 2), never the first.
    static func forEach(of word: [Unicode.Scalar], field: FieldID, window: Int, maxDeletions: Int,
                        _ body: (_ hash: UInt64, _ deletions: Int) -> Void) {
        let start = Array(word.prefix(window))
        guard !start.isEmpty else { return }
        let count = start.count
        var keys: [UInt64] = []
        keys.reserveCapacity(1 + count * count / 2)
        // With the number of deletions in its low two bits, so that sorting puts a key's fewest first.
        keys.append(hash(start, field: field, skipping: -1, -1) << 2)
        if maxDeletions >= 1 {
            for first in 1..<count {
                keys.append(hash(start, field: field, skipping: first, -1) << 2 | 1)
            }
        }
        if maxDeletions >= 2 {
            for first in 1..<count {
                for second in (first + 1)..<max(first + 1, count) {
                    keys.append(hash(start, field: field, skipping: first, second) << 2 | 2)
                }
            }
        }
        keys.sort()
        var previous: UInt64?
        for key in keys where previous != key >> 2 {
            previous = key >> 2
            body(key >> 2, Int(key & 3))
        }
    }

    /// The hash of `scalars` without the ones at `skipped` and `alsoSkipped` (-1 for none), seeded with `field`; 62
    /// bits, so that two more fit beside it.
    static func hash(_ scalars: [Unicode.Scalar], field: FieldID, skipping skipped: Int, _ alsoSkipped: Int)
        -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 &* (UInt64(field.rawValue) &+ 1)
        var length: UInt64 = 0
        for index in scalars.indices where index != skipped && index != alsoSkipped {
            hash = (hash ^ UInt64(scalars[index].value)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            length += 1
        }
        // MurmurHash3's finalizer, over the length too.
        hash ^= length
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash >> 2
    }
}
