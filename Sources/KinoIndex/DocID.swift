/// A document's number inside one segment, counted from 0 in the order documents were added.
public typealias DocID = UInt32

extension DocID {
    /// The value a ``PostingsCursor`` takes once it has no more documents.
    public static let terminated: DocID = .max
}
