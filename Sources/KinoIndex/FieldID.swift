/// The number that names a text field in a ``Schema``.
public struct FieldID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number as stored in the index.
    public let rawValue: UInt16

    /// The field with this number.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The field with this number.
    public init(_ rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static func < (lhs: FieldID, rhs: FieldID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "field \(rawValue)" }
}
