/// Why a snapshot could not be written or loaded.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case unreadable, unwritable, corrupt, tooNew, catalogNotEmpty
    }

    public var code: Code
    public var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
