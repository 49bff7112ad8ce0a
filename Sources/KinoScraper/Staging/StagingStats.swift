/// What the staging store holds.
public struct StagingStats: Sendable, Equatable {
    /// Fetched pages by HTTP status (0 for fetches that got no answer).
    public var pagesByStatus: [Int: Int]
    /// Staged records.
    public var records: Int
    /// Frontier entries by state.
    public var frontierByState: [FrontierState: Int]

    public init(pagesByStatus: [Int: Int] = [:], records: Int = 0, frontierByState: [FrontierState: Int] = [:]) {
        self.pagesByStatus = pagesByStatus
        self.records = records
        self.frontierByState = frontierByState
    }

    public var pages: Int { pagesByStatus.values.reduce(0, +) }
}
