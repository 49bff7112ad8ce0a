/// A zero-copy view of a segment's typo index, `typos.kix` (the format is in ``TypoIndexWriter``): the terms that
/// may lie within a few edits of a query word, found by hashing the word's ``TypoKeys`` instead of walking the
/// dictionary.
struct TypoIndexReader: Sendable {
    /// The scalars of a word's start that make its keys.
    let window: Int
    /// The most deletions keys were made with: look-ups with a larger edit budget cannot be answered here.
    let maxDeletions: Int
    /// The fields whose terms are indexed.
    let fields: [FieldID]
    private let body: ByteView
    private let bucketCount: Int
    private let startsOffset: Int
    private let entriesOffset: Int

    /// Validates the layout: the sizes, and the buckets' starts, which must rise from 0 to the entry count.
    init(file: MappedFile) throws(IndexError) {
        let name = file.name
        body = file.body
        var cursor = ByteCursor(body, file: name)
        window = Int(try cursor.u32("window"))
        maxDeletions = Int(try cursor.u32("max deletions"))
        guard (1...64).contains(window), maxDeletions <= 3 else {
            throw IndexError(.corrupt, "\(name): window \(window) and \(maxDeletions) deletions are out of range")
        }
        let fieldCount = Int(try cursor.u32("field count"))
        guard fieldCount <= Int(UInt16.max) + 1 else {
            throw IndexError(.corrupt, "\(name): \(fieldCount) fields")
        }
        var fields: [FieldID] = []
        for _ in 0..<fieldCount {
            let id = try cursor.u32("field id")
            guard let field = UInt16(exactly: id) else { throw IndexError(.corrupt, "\(name): field id \(id)") }
            fields.append(FieldID(field))
        }
        self.fields = fields
        bucketCount = Int(try cursor.u32("bucket count"))
        let entryCount = Int(try cursor.u32("entry count"))
        guard bucketCount == 0 ? entryCount == 0 : bucketCount & (bucketCount - 1) == 0 else {
            throw IndexError(.corrupt, "\(name): \(bucketCount) buckets for \(entryCount) entries")
        }
        startsOffset = cursor.offset
        let startsEnd = startsOffset + (bucketCount + 1) * 4
        entriesOffset = (startsEnd + 7) / 8 * 8
        guard body.count == entriesOffset + entryCount * 8 else {
            throw IndexError(.corrupt, "\(name): \(body.count) bytes do not hold \(bucketCount) buckets and "
                                 + "\(entryCount) entries")
        }
        let startsValid = body.withUnsafeBytes { bytes -> Bool in
            var previous: UInt32 = 0
            for bucket in 0...bucketCount {
                let start = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: startsOffset + bucket * 4,
                                                                     as: UInt32.self))
                guard start >= previous else { return false }
                previous = start
            }
            return bytes.loadUnaligned(fromByteOffset: startsOffset, as: UInt32.self) == 0
                && Int(previous) == entryCount
        }
        guard startsValid else {
            throw IndexError(.corrupt, "\(name): bucket starts do not rise from 0 to \(entryCount)")
        }
    }

    /// Whether the terms of `field` are indexed.
    func covers(_ field: FieldID) -> Bool {
        fields.contains(field)
    }

    /// The ordinals of the terms of `field` that share a key with `query` made with at most `maxEdits` deletions on
    /// each side, in increasing order without repeats: among them are all the terms of `field` within `maxEdits`
    /// edits of `query` that start with its first scalar, and others (sharing a start, or a hash) that the caller
    /// tells apart. `maxEdits` must be at most ``maxDeletions``.
    func candidates(field: FieldID, query: [Unicode.Scalar], maxEdits: Int) -> [Int] {
        guard bucketCount > 0 else { return [] }
        let mask = UInt64(bucketCount - 1)
        var ordinals: [Int] = []
        body.withUnsafeBytes { bytes in
            TypoKeys.forEach(of: query, field: field, window: window, maxDeletions: maxEdits) { hash, _ in
                let bucket = Int(hash & mask)
                let first = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: startsOffset + bucket * 4,
                                                                         as: UInt32.self)))
                let end = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: startsOffset + bucket * 4 + 4,
                                                                       as: UInt32.self)))
                let fingerprint = hash >> 32
                for index in first..<end {
                    let entry = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: entriesOffset + index * 8,
                                                                         as: UInt64.self))
                    // Entries are in order, fingerprint first.
                    let entryPrint = entry >> 34
                    if entryPrint > fingerprint { break }
                    if entryPrint == fingerprint, Int(entry >> 32 & 3) <= maxEdits {
                        ordinals.append(Int(entry & 0xFFFF_FFFF))
                    }
                }
            }
        }
        ordinals.sort()
        var unique = 0
        for ordinal in ordinals where unique == 0 || ordinals[unique - 1] != ordinal {
            ordinals[unique] = ordinal
            unique += 1
        }
        ordinals.removeLast(ordinals.count - unique)
        return ordinals
    }
}
