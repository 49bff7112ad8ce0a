/// Walks one term's documents in increasing order (a `DocSet`): the current ``doc``, its ``termFrequency`` and
/// ``positions()``, ``next()`` and ``advance(to:)``, which skips whole blocks using their last doc ids.
///
/// Blocks hold up to 128 documents (see ``PostingsSerializer``). A packed block (format version 3) that the cursor
/// skips into (``advance(to:)``) is read in place, by binary search, and its doc ids are unpacked only if the
/// cursor then steps through it (``next()``); one it steps into is unpacked at once. Its frequencies are read one by
/// one, when asked for. A block of varints (format versions 1 and 2) is decoded whole when the cursor first moves
/// within it, and its frequencies on first use; a new cursor over such blocks reads only its first doc id.
///
/// A cursor checks every offset and value it reads. If a block does not decode, the cursor ends (``doc`` becomes
/// ``DocID/terminated``) and ``corruption`` says why.
public struct PostingsCursor: Sendable {
    /// How a segment's postings blocks are written.
    enum Encoding: Sendable {
        /// Doc ids and frequencies packed in a width per block: format version 3.
        case packed
        /// Varint doc-id deltas and frequencies: format versions 1 and 2.
        case varint
    }

    private let postings: ByteView
    private let positionData: ByteView?
    private let fileName: String
    private let encoding: Encoding
    private let skipStart: Int
    private let dataStart: Int
    private let positionsStart: Int
    /// The number of documents that contain the term.
    public let docFrequency: Int
    private let blockCount: Int

    /// The loaded block, or -1 before the first one is loaded (only blocks of varints are loaded late).
    private var block = -1
    /// The number of documents in the loaded block, and the current one's place among them.
    private var count = 0
    private var index = 0
    /// The loaded block's last doc id, from the skip table.
    private var lastDoc: DocID = 0

    /// A packed block: its doc ids are `base` plus the values of `docBits` bits at `docsOffset` in the postings; its
    /// frequencies are 1 plus those of `frequencyBits` bits at `frequenciesOffset`, up to `blockEnd`. The width of
    /// the frequencies is read when they are first wanted (-1 until then): a cursor that is only moved past a block
    /// reads its skip entry and the doc ids it compares, not the rest of the block.
    private var base: DocID = 0
    private var docsOffset = 0
    private var docBits = 0
    private var frequenciesOffset = 0
    private var frequencyBits = -1
    private var blockEnd = 0

    /// The loaded block's doc ids, if ``unpacked``: always for a block of varints, and for a packed one once the
    /// cursor steps through it.
    private var docs: [DocID] = []
    private var unpacked = false
    /// A block of varints' term frequencies, decoded on first use (``decodeFrequencies()``): a cursor that a
    /// conjunction only skips through a block never needs them.
    private var frequencies: [UInt32] = []
    private var frequenciesDecoded = false
    /// The bytes of a block of varints, and where its frequencies start in them.
    private var blockData: ByteView?
    private var frequenciesStart = 0

    /// Where the loaded block's positions start, and the document and offset that positions were last read up to.
    private var blockPositions = 0
    private var positionsOffset = 0
    private var positionsIndex = 0

    /// The current document, or ``DocID/terminated`` once the cursor has passed the last one.
    public private(set) var doc: DocID = .terminated
    /// Why the cursor stopped early, if it found undecodable data.
    public private(set) var corruption: IndexError?

    init(info: TermInfo, postings: ByteView, positions: ByteView?, fileName: String, encoding: Encoding) {
        self.postings = postings
        positionData = info.positionsOffset == nil ? nil : positions
        self.fileName = fileName
        self.encoding = encoding
        docFrequency = Int(info.docFrequency)
        blockCount = (docFrequency + PostingsSerializer.blockSize - 1) / PostingsSerializer.blockSize
        skipStart = Int(clamping: info.postingsOffset)
        let (skipBytes, overflow) = blockCount.multipliedReportingOverflow(by: PostingsSerializer.skipEntrySize)
        dataStart = overflow ? Int.max : skipStart.addingReportingOverflow(skipBytes).partialValue
        positionsStart = Int(clamping: info.positionsOffset ?? 0)
        guard blockCount > 0 else { return }
        if let positions = positionData, positionsStart > positions.count {
            fail("the positions of a term at offset \(positionsStart) lie outside the positions file")
            return
        }
        guard !overflow, postings.contains(offset: skipStart, length: skipBytes) else {
            fail("the skip table of a term at offset \(skipStart) lies outside the file")
            return
        }
        switch encoding {
        case .packed:
            // Loading a packed block without unpacking it reads its skip entry and first and last doc ids only.
            load(block: 0, unpacking: false)
        case .varint:
            var offset = dataStart
            guard let first = postings.varint(at: &offset), first < UInt64(DocID.terminated) else {
                fail("the first doc id of a term at offset \(skipStart) does not decode")
                return
            }
            doc = DocID(first)
        }
    }

    /// The frequency of the term in the current document (0 once terminated).
    public var termFrequency: UInt32 {
        guard doc != .terminated else { return 0 }
        switch encoding {
        case .packed:
            return packedFrequency(index)
        case .varint:
            if block < 0 { return firstFrequency() }
            return frequenciesDecoded ? frequencies[index] : undecodedFrequency()
        }
    }

    /// The frequency of the `position`th document of the loaded packed block (1 if it does not decode;
    /// ``decodeFrequencies()`` ends the cursor then).
    private func packedFrequency(_ position: Int) -> UInt32 {
        let bits = frequencyBits >= 0 ? frequencyBits : frequencyWidth() ?? 0
        guard let value = postings.packed(at: frequenciesOffset, index: position, bits: bits) else { return 1 }
        return value == .max ? value : value + 1
    }

    /// The width of the loaded packed block's frequencies, if the block's length agrees with it.
    private func frequencyWidth() -> Int? {
        guard let bits = postings.u8(at: frequenciesOffset - 1), bits <= 32,
              blockEnd == frequenciesOffset + (count * Int(bits) + 7) / 8 else { return nil }
        return Int(bits)
    }

    /// The id of the `position`th document of the loaded packed block, if it decodes and is not past the block's
    /// last document.
    private func packedDoc(_ position: Int) -> DocID? {
        guard let value = postings.packed(at: docsOffset, index: position, bits: docBits) else { return nil }
        let (doc, overflow) = base.addingReportingOverflow(value)
        return overflow || doc > lastDoc ? nil : doc
    }

    /// The current document's frequency read from the block's bytes, its frequencies not yet decoded.
    private func undecodedFrequency() -> UInt32 {
        guard let data = blockData else { return 0 }
        return Self.frequency(in: data, from: frequenciesStart, skipping: index)
    }

    /// The varint after the first `skipped` ones from `offset`, as a frequency (0 if it does not decode).
    private static func frequency(in data: ByteView, from offset: Int, skipping skipped: Int) -> UInt32 {
        var offset = offset
        for _ in 0..<skipped {
            guard data.varint(at: &offset) != nil else { return 0 }
        }
        guard let frequency = data.varint(at: &offset), frequency <= UInt64(UInt32.max) else { return 0 }
        return UInt32(frequency)
    }

    /// Decodes the current block's term frequencies (and the first block, if the cursor has not yet moved): a
    /// block of varints is read in order; of a packed block, the width of its frequencies.
    mutating func decodeFrequencies() {
        guard encoding == .varint else {
            guard frequencyBits < 0, doc != .terminated else { return }
            guard let bits = frequencyWidth() else { return fail("block \(block) does not match its skip entry") }
            frequencyBits = bits
            return
        }
        decodeFirstBlock()
        guard !frequenciesDecoded, doc != .terminated, let data = blockData else { return }
        let count = docs.count
        let block = block
        frequencies.reserveCapacity(count)
        let problem = data.withUnsafeBytes { bytes -> String? in
            var reader = VarintReader(bytes, offset: frequenciesStart)
            for _ in 0..<count {
                guard let frequency = reader.next(), frequency > 0, frequency <= UInt64(UInt32.max) else {
                    return "term frequencies of block \(block) do not decode"
                }
                frequencies.append(UInt32(frequency))
            }
            return reader.offset == bytes.count ? nil : "block \(block) does not match its skip entry"
        }
        if let problem { return fail(problem) }
        frequenciesDecoded = true
    }

    /// The first document's frequency before the first block of varints is decoded: past the block's doc ids.
    private func firstFrequency() -> UInt32 {
        Self.frequency(in: postings, from: dataStart, skipping: min(PostingsSerializer.blockSize, docFrequency))
    }

    /// Decodes the first block of varints if the cursor has not yet moved.
    private mutating func decodeFirstBlock() {
        if block < 0, doc != .terminated {
            load(block: 0, unpacking: true)
        }
    }

    /// Moves to the next document and returns it (``DocID/terminated`` past the last one).
    @discardableResult
    public mutating func next() -> DocID {
        decodeFirstBlock()
        guard doc != .terminated else { return doc }
        index += 1
        if index < count {
            if !unpacked {
                unpackDocs()
                guard doc != .terminated else { return doc }
            }
            doc = docs[index]
        } else if block + 1 < blockCount {
            load(block: block + 1, unpacking: true)
        } else {
            doc = .terminated
        }
        return doc
    }

    /// Moves to the first document not below `target` and returns it; never moves backwards.
    @discardableResult
    public mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        if block < 0 || lastDoc < target {
            var candidate = block + 1
            while candidate < blockCount, let blockLast = postings.u32(at: skipStart + candidate * 12),
                  blockLast < target {
                candidate += 1
            }
            guard candidate < blockCount else {
                doc = .terminated
                return doc
            }
            load(block: candidate, unpacking: false)
            guard doc < target else { return doc }
        }
        // The block's last document is at least `target`, and the current one below it.
        if !unpacked {
            // The next document, else a binary search of the rest: the last is at least `target` throughout.
            var low = index + 1
            var high = count - 1
            if let next = packedDoc(low), next < target {
                low += 1
                while low < high {
                    let middle = (low + high) / 2
                    guard let found = packedDoc(middle) else {
                        fail("the doc ids of block \(block) are out of order")
                        return doc
                    }
                    if found < target { low = middle + 1 } else { high = middle }
                }
            } else {
                high = low
            }
            guard let found = packedDoc(high), found >= target else {
                fail("the doc ids of block \(block) are out of order")
                return doc
            }
            index = high
            doc = found
        } else {
            var position = index
            while docs[position] < target {
                position += 1
            }
            index = position
            doc = docs[position]
        }
        return doc
    }

    /// The positions of the term in the current document, in increasing order; empty for fields without positions.
    public mutating func positions() -> [UInt32] {
        decodeFrequencies()
        guard let data = positionData, doc != .terminated else { return [] }
        if positionsIndex > index {
            positionsIndex = 0
            positionsOffset = blockPositions
        }
        while positionsIndex < index {
            for _ in 0..<frequency(positionsIndex) {
                guard data.varint(at: &positionsOffset) != nil else {
                    fail("positions of block \(block) do not decode")
                    return []
                }
            }
            positionsIndex += 1
        }
        let occurrences = frequency(index)
        var result: [UInt32] = []
        result.reserveCapacity(Int(occurrences))
        var position: UInt64 = 0
        var offset = positionsOffset
        for _ in 0..<occurrences {
            guard let delta = data.varint(at: &offset), delta <= UInt64(UInt32.max) - position else {
                fail("positions of block \(block) do not decode")
                return []
            }
            position += delta
            result.append(UInt32(position))
        }
        return result
    }

    /// The frequency of the `position`th document of the loaded block (its frequencies decoded, if varints).
    private func frequency(_ position: Int) -> UInt32 {
        encoding == .packed ? packedFrequency(position) : frequencies[position]
    }

    /// Loads block `next`, unpacking its doc ids if `unpacking` (blocks of varints are always decoded).
    private mutating func load(block next: Int, unpacking: Bool) {
        let entry = skipStart + next * 12
        guard let lastDoc = postings.u32(at: entry), let dataEnd = postings.u32(at: entry + 4),
              let positionsEnd = postings.u32(at: entry + 8) else {
            return fail("skip entry \(next) lies outside the file")
        }
        var dataBegin = 0
        var positionsBegin = 0
        var previousDoc: UInt64 = 0
        if next > 0 {
            guard let previousLast = postings.u32(at: entry - 12), let previousEnd = postings.u32(at: entry - 8),
                  let previousPositions = postings.u32(at: entry - 4) else {
                return fail("skip entry \(next - 1) lies outside the file")
            }
            dataBegin = Int(previousEnd)
            positionsBegin = Int(previousPositions)
            previousDoc = UInt64(previousLast)
        }
        guard lastDoc < DocID.terminated else { return fail("doc id \(lastDoc) out of range") }
        let count = min(PostingsSerializer.blockSize, docFrequency - next * PostingsSerializer.blockSize)
        guard dataBegin <= Int(dataEnd), postings.contains(offset: dataStart + dataBegin,
                                                          length: Int(dataEnd) - dataBegin) else {
            return fail("block \(next) of a term at offset \(skipStart) lies outside the file")
        }
        // The block's size and last doc id first: unpacking reads them (a failure resets them).
        self.count = count
        self.lastDoc = lastDoc
        let loaded: String? = switch encoding {
        case .packed:
            loadPacked(block: next, count: count, at: dataStart + dataBegin, length: Int(dataEnd) - dataBegin,
                       base: next == 0 ? 0 : previousDoc + 1, lastDoc: lastDoc, unpacking: unpacking)
        case .varint:
            loadVarints(block: next, count: count, at: dataStart + dataBegin, length: Int(dataEnd) - dataBegin,
                        previousDoc: previousDoc, lastDoc: lastDoc)
        }
        if let loaded { return fail(loaded) }
        if positionData != nil {
            guard positionsBegin <= Int(positionsEnd),
                  positionData?.contains(offset: positionsStart + positionsBegin,
                                         length: Int(positionsEnd) - positionsBegin) == true else {
                return fail("positions of block \(next) lie outside the positions file")
            }
        }
        block = next
        index = 0
        blockPositions = positionsStart + positionsBegin
        positionsOffset = blockPositions
        positionsIndex = 0
    }

    /// Reads a packed block's first doc id, and unpacks its doc ids if `unpacking`; what is wrong, if anything.
    /// Its doc ids are checked against the skip entry's last when they are unpacked; a binary search checks the one
    /// it lands on.
    private mutating func loadPacked(block next: Int, count: Int, at offset: Int, length: Int, base: UInt64,
                                     lastDoc: DocID, unpacking: Bool) -> String? {
        guard base <= UInt64(lastDoc) else { return "block \(next) does not follow the block before it" }
        let base = DocID(base)
        let docBits = PostingsSerializer.bitWidth(lastDoc - base)
        let docBytes = (count * docBits + 7) / 8
        guard docBytes < length else { return "block \(next) does not match its skip entry" }
        self.base = base
        self.docBits = docBits
        docsOffset = offset
        frequenciesOffset = offset + docBytes + 1
        frequencyBits = -1
        blockEnd = offset + length
        guard let first = packedDoc(0) else { return "block \(next) does not match its skip entry" }
        unpacked = false
        if unpacking, let problem = unpack(block: next) {
            return problem
        }
        doc = first
        return nil
    }

    /// Unpacks the doc ids of the loaded packed block, or ends the cursor if they are wrong.
    private mutating func unpackDocs() {
        if let problem = unpack(block: block) {
            fail(problem)
        }
    }

    /// Unpacks the doc ids of packed block `number`, at ``docsOffset`` (of ``count`` documents); what is wrong with
    /// them, if anything: they must increase from ``base`` to the skip entry's ``lastDoc``.
    private mutating func unpack(block number: Int) -> String? {
        docs.removeAll(keepingCapacity: true)
        guard postings.unpack(at: docsOffset, count: count, bits: docBits, adding: base, into: &docs),
              docs.count == count, docs[0] >= base, docs[count - 1] == lastDoc else {
            return "block \(number) does not match its skip entry"
        }
        for position in 1..<count where docs[position] <= docs[position - 1] {
            return "the doc ids of block \(number) are out of order"
        }
        unpacked = true
        return nil
    }

    /// Decodes the doc ids of a block of varints; what is wrong, if anything.
    private mutating func loadVarints(block next: Int, count: Int, at offset: Int, length: Int, previousDoc: UInt64,
                                      lastDoc: DocID) -> String? {
        guard let data = postings.slice(at: offset, length: length) else {
            return "block \(next) of a term at offset \(skipStart) lies outside the file"
        }
        docs.removeAll(keepingCapacity: true)
        docs.reserveCapacity(max(count, 0))
        frequencies.removeAll(keepingCapacity: true)
        frequenciesDecoded = false
        let (problem, end) = data.withUnsafeBytes { bytes -> (String?, Int) in
            var reader = VarintReader(bytes)
            var previous = previousDoc
            for position in 0..<count {
                guard let delta = reader.next(), position == 0 && next == 0 || delta > 0 else {
                    return ("doc ids of block \(next) do not decode", 0)
                }
                let value = previous + delta
                guard value < UInt64(DocID.terminated) else { return ("doc id \(value) out of range", 0) }
                docs.append(DocID(value))
                previous = value
            }
            return (nil, reader.offset)
        }
        if let problem { return problem }
        unpacked = true
        blockData = data
        frequenciesStart = end
        guard docs.last == lastDoc else { return "block \(next) does not match its skip entry" }
        doc = docs[0]
        return nil
    }

    private mutating func fail(_ what: String) {
        corruption = IndexError(.corrupt, "\(fileName): \(what)")
        doc = .terminated
        docs.removeAll()
        unpacked = false
        frequencies.removeAll()
        frequenciesDecoded = false
        blockData = nil
        block = blockCount
        count = 0
    }
}
