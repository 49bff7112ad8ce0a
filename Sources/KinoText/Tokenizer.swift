internal import CICU

/// The analysis loop and everything it needs that is costly to make: an ICU word break iterator, the ICU
/// normalizers, the Snowball stemmers and scratch buffers.
///
/// A value type so that the hot loop's accesses to its state are checked for exclusivity at compile time; it lives in
/// a ``Workspace``, which frees its resources.
struct Tokenizer {
    /// Input is analysed in chunks of about this many UTF-8 bytes, cut at whitespace, so buffers stay small and the
    /// time spent stays linear in the input's length.
    static let chunkBytes = 1 << 16
    /// Longer words (base64 blobs, runs of one letter) are dropped, as search engines usually do.
    static let maximumTokenUnits = 256
    /// Longer hyphen chains are taken as separate words, without a joined compound.
    static let maximumCompoundParts = 8

    /// One word-like segment found by ICU, in UTF-16 offsets of the current chunk.
    struct Segment {
        var start: Int32
        var end: Int32
        var isNumber: Bool
    }

    /// One part of a word group (a plain word is a group of one).
    struct Piece {
        var start16: Int
        var end16: Int
        var start8 = 0
        var end8 = 0
        var normalizedStart = 0
        var normalizedEnd = 0
        var flags = ScriptFlags()
        var plusBefore = false
        var isValid = false
    }

    let breaker: OpaquePointer
    let nfkcCasefold: OpaquePointer
    let nfd: OpaquePointer
    let nfc: OpaquePointer

    /// The current chunk in UTF-16, as ICU wants it.
    var units = ScratchBuffer<UInt16>(capacity: 1024)
    /// How many code units at the start of the chunk are ASCII; up to there UTF-8 and UTF-16 offsets are equal.
    var asciiPrefix = 0
    /// Two buffers the ICU normalization steps alternate between.
    var normalizationA = ScratchBuffer<UInt16>(capacity: 512)
    var normalizationB = ScratchBuffer<UInt16>(capacity: 512)
    /// Normalized UTF-8 of the current word group; `byteCount` bytes are in use.
    var bytes = ScratchBuffer<UInt8>(capacity: 1024)
    var byteCount = 0
    var segments = ScratchBuffer<Segment>(capacity: 256)
    var segmentCount = 0
    var pieces = ScratchBuffer<Piece>(capacity: Self.maximumCompoundParts)
    var pieceCount = 0

    var stemCache = StemCache()
    private var russianStemmer: Stemmer?
    private var englishStemmer: Stemmer?

    init() {
        var status: Int32 = 0
        let breaker = kino_ubrk_open_word(&status)
        let nfkcCasefold = kino_unorm2_nfkc_casefold(&status)
        let nfd = kino_unorm2_nfd(&status)
        let nfc = kino_unorm2_nfc(&status)
        guard status <= 0, let breaker, let nfkcCasefold, let nfd, let nfc else {
            fatalError("ICU word break or normalization data is missing (ICU status \(status))")
        }
        self.breaker = breaker
        self.nfkcCasefold = nfkcCasefold
        self.nfd = nfd
        self.nfc = nfc
    }

    /// Closes the break iterator and frees the buffers; the tokenizer must not be used afterwards.
    func free() {
        kino_ubrk_close(breaker)
        units.free()
        normalizationA.free()
        normalizationB.free()
        bytes.free()
        segments.free()
        pieces.free()
        stemCache.free()
    }

    /// The stemmer for a script's language, made on first use; nil for scripts that are not stemmed.
    mutating func stemmer(for script: Script) -> Stemmer? {
        switch script {
        case .cyrillic:
            if russianStemmer == nil { russianStemmer = Stemmer(.russian) }
            return russianStemmer
        case .latin:
            if englishStemmer == nil { englishStemmer = Stemmer(.english) }
            return englishStemmer
        case .digits, .mixed, .other:
            return nil
        }
    }

    /// The stem of a word of plain lower-case letters, a–z or а–я, as analysing it would give, without segmenting
    /// or normalizing it (it is its own normalized form); nil for any other word.
    mutating func stemOfPlainWord(_ word: String, stemming: Bool) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            guard let script = Self.plainScript(bytes) else { return nil }
            guard stemming, let stemmer = stemmer(for: script) else { return String(decoding: bytes, as: UTF8.self) }
            if let stem = stemCache.lookup(bytes) { return String(decoding: stem, as: UTF8.self) }
            return stemmer.withStem(of: bytes) { stem in
                stemCache.store(bytes, stem: stem)
                return String(decoding: stem, as: UTF8.self)
            }
        }
    }

    /// Latin for a word of a–z, Cyrillic for one of а–я (UTF-8), nil otherwise or when too long to be a token.
    private static func plainScript(_ bytes: UnsafeBufferPointer<UInt8>) -> Script? {
        guard let first = bytes.first, bytes.count <= maximumTokenUnits else { return nil }
        if first < 0x80 {
            return bytes.allSatisfy { (0x61...0x7A).contains($0) } ? .latin : nil
        }
        guard bytes.count % 2 == 0 else { return nil }
        for index in stride(from: 0, to: bytes.count, by: 2) {
            switch (bytes[index], bytes[index + 1]) {
            case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): continue
            default: return nil
            }
        }
        return .cyrillic
    }

    /// Frees memory a huge input made grow, before the workspace goes back to the pool.
    mutating func releaseLargeBuffers() {
        units.shrink(ifLargerThan: Self.chunkBytes + 64, to: 1024)
        normalizationA.shrink(ifLargerThan: 1 << 14, to: 512)
        normalizationB.shrink(ifLargerThan: 1 << 14, to: 512)
        bytes.shrink(ifLargerThan: 1 << 16, to: 1024)
        segments.shrink(ifLargerThan: 1 << 14, to: 256)
    }
}
