/// Walks one term's documents in increasing order (a `DocSet`): the current ``doc``, its ``termFrequency`` and
/// ``positions()``, ``next()`` and ``advance(to:)``, which skips whole blocks using their last doc ids.
///
/// A new cursor reads only its first doc id: the first block is decoded when the cursor first moves within it (a
/// cursor that a conjunction advances past it, or that is never moved, never decodes it).
///
/// A cursor decodes one block of up to 128 documents at a time and checks every offset and value it reads. If a
/// block does not decode, the cursor ends (``doc`` becomes ``DocID/terminated``) and ``corruption`` says why.
public struct PostingsCursor: Sendable {
    private let postings: ByteView
    private let positionData: ByteView?
    private let fileName: String
    private let skipStart: Int
    private let dataStart: Int
    private let positionsStart: Int
    /// The number of documents that contain the term.
    public let docFrequency: Int
    private let blockCount: Int

    /// The decoded block, or -1 before the first one is decoded.
    private var block = -1
    private var docs: [DocID] = []
    /// The decoded block's term frequencies, decoded on first use (``decodeFrequencies()``): a cursor that a
    /// conjunction only skips through a block never needs them.
    private var frequencies: [UInt32] = []
    private var frequenciesDecoded = false
    /// The decoded block's bytes, and where its frequencies start in them.
    private var blockData: ByteView?
    private var frequenciesStart = 0
    private var index = 0
    private var blockPositions = 0
    private var positionsOffset = 0
    private var positionsIndex = 0

    /// The current document, or ``DocID/terminated`` once the cursor has passed the last one.
    public private(set) var doc: DocID = .terminated
    /// Why the cursor stopped early, if it found undecodable data.
    public private(set) var corruption: IndexError?

    init(info: TermInfo, postings: ByteView, positions: ByteView?, fileName: String) {
        self.postings = postings
        positionData = info.positionsOffset == nil ? nil : positions
        self.fileName = fileName
        docFrequency = Int(info.docFrequency)
        blockCount = (docFrequency + PostingsSerializer.blockSize - 1) / PostingsSerializer.blockSize
        skipStart = Int(clamping: info.postingsOffset)
        let (skipBytes, overflow) = blockCount.multipliedReportingOverflow(by: PostingsSerializer.skipEntrySize)
        dataStart = overflow ? Int.max : skipStart.addingReportingOverflow(skipBytes).partialValue
        positionsStart = Int(clamping: info.positionsOffset ?? 0)
        if blockCount > 0 {
            if let positions = positionData, positionsStart > positions.count {
                fail("the positions of a term at offset \(positionsStart) lie outside the positions file")
                return
            }
            guard !overflow, postings.contains(offset: skipStart, length: skipBytes) else {
                fail("the skip table of a term at offset \(skipStart) lies outside the file")
                return
            }
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
        if block < 0 { return firstFrequency() }
        return frequenciesDecoded ? frequencies[index] : undecodedFrequency()
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

    /// Decodes the current block's term frequencies (and the first block, if the cursor has not yet moved).
    mutating func decodeFrequencies() {
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

    /// The first document's frequency before the first block is decoded: past the block's doc ids.
    private func firstFrequency() -> UInt32 {
        Self.frequency(in: postings, from: dataStart, skipping: min(PostingsSerializer.blockSize, docFrequency))
    }

    /// Decodes the first block if the cursor has not yet moved.
    mutating func decodeFirstBlock() {
        if block < 0, doc != .terminated {
            load(block: 0)
        }
    }

    /// Moves to the next document and returns it (``DocID/terminated`` past the last one).
    @discardableResult
    public mutating func next() -> DocID {
        decodeFirstBlock()
        guard doc != .terminated else { return doc }
        index += 1
        if index < docs.count {
            doc = docs[index]
        } else if block + 1 < blockCount {
            load(block: block + 1)
        } else {
            doc = .terminated
        }
        return doc
    }

    /// Moves to the first document not below `target` and returns it; never moves backwards.
    @discardableResult
    public mutating func advance(to target: DocID) -> DocID {
        guard doc < target else { return doc }
        if block < 0 || docs.last.map({ $0 < target }) == true {
            var candidate = block + 1
            while candidate < blockCount, let lastDoc = postings.u32(at: skipStart + candidate * 12), lastDoc < target {
                candidate += 1
            }
            guard candidate < blockCount else {
                doc = .terminated
                return doc
            }
            load(block: candidate)
            guard doc != .terminated else { return doc }
        }
        // The block's last document is at least `target`.
        var position = index
        while docs[position] < target {
            position += 1
        }
        index = position
        doc = docs[position]
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
            for _ in 0..<frequencies[positionsIndex] {
                guard data.varint(at: &positionsOffset) != nil else {
                    fail("positions of block \(block) do not decode")
                    return []
                }
            }
            positionsIndex += 1
        }
        var result: [UInt32] = []
        result.reserveCapacity(Int(frequencies[index]))
        var position: UInt64 = 0
        var offset = positionsOffset
        for _ in 0..<frequencies[index] {
            guard let delta = data.varint(at: &offset), delta <= UInt64(UInt32.max) - position else {
                fail("positions of block \(block) do not decode")
                return []
            }
            position += delta
            result.append(UInt32(position))
        }
        return result
    }

    private mutating func load(block next: Int) {
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
        let count = min(PostingsSerializer.blockSize, docFrequency - next * PostingsSerializer.blockSize)
        guard dataBegin <= Int(dataEnd), let data = postings.slice(at: dataStart + dataBegin,
                                                                     length: Int(dataEnd) - dataBegin) else {
            return fail("block \(next) of a term at offset \(skipStart) lies outside the file")
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
        if let problem { return fail(problem) }
        blockData = data
        frequenciesStart = end
        guard docs.last == lastDoc else {
            return fail("block \(next) does not match its skip entry")
        }
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
        doc = docs[0]
    }

    private mutating func fail(_ what: String) {
        corruption = IndexError(.corrupt, "\(fileName): \(what)")
        doc = .terminated
        docs.removeAll()
        frequencies.removeAll()
        frequenciesDecoded = false
        blockData = nil
        block = blockCount
    }
}
