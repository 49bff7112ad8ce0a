/// The number that names a per-document column in a ``Schema``.
public struct ColumnID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number as stored in the index.
    public let rawValue: UInt16

    /// The column with this number.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The column with this number.
    public init(_ rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static func < (lhs: ColumnID, rhs: ColumnID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "column \(rawValue)" }
}
