/// Bounds on what one page may cost the extractor, so that a 50 MB page or a gigantic JSON-LD block takes bounded time
/// and memory.
public struct ExtractionLimits: Sendable, Hashable {
    /// Pages larger than this are refused with ``ScraperError/Code/tooLarge``.
    public var maxPageBytes: Int
    /// JSON-LD scripts larger than this are skipped, with a rejection note.
    public var maxJSONLDBytes: Int
    /// JSON-LD nested deeper than this (objects and arrays) is skipped, with a rejection note.
    public var maxJSONLDDepth: Int

    public init(maxPageBytes: Int, maxJSONLDBytes: Int, maxJSONLDDepth: Int) {
        self.maxPageBytes = maxPageBytes
        self.maxJSONLDBytes = maxJSONLDBytes
        self.maxJSONLDDepth = maxJSONLDDepth
    }

    /// 10 MB pages, 1 MB JSON-LD scripts nested at most 64 levels.
    public static let `default` = ExtractionLimits(maxPageBytes: 10 << 20, maxJSONLDBytes: 1 << 20, maxJSONLDDepth: 64)
}
