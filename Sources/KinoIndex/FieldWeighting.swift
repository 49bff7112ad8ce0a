/// How one field takes part in a BM25F score: its weight and its own length normalisation strength `b`.
public struct FieldWeighting: Sendable, Hashable {
    /// The field.
    public var field: FieldID
    /// The factor its term frequencies are multiplied by (a title counts more than a description); not negative.
    public var weight: Double
    /// How strongly its length normalises, from 0 (not at all) to 1 (fully); clamped into that range.
    public var b: Double

    /// Describes a field's part in a BM25F score.
    public init(field: FieldID, weight: Double = 1, b: Double = 0.75) {
        self.field = field
        self.weight = max(0, weight)
        self.b = min(1, max(0, b))
    }
}
