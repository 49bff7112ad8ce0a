#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IndexGenerations {
    /// Removes every generation older than the current one that no process has open, and returns their names.
    ///
    /// Each one is removed only while this call holds the exclusive lock on its folder (see ``FolderLock``), taken
    /// without waiting: a generation that a reader in any process still holds is skipped, and removed by a later call
    /// (``LiveIndex`` makes one when the last lease of a generation it switched away from ends). The current
    /// generation and any newer one (a build being written, or written and not switched to) are never touched, and
    /// nothing is when there is no `CURRENT`.
    @discardableResult
    public func removeUnused() throws(IndexError) -> [String] {
        guard let current = try current(), let currentNumber = Self.number(current) else { return [] }
        var removed: [String] = []
        for name in all() {
            guard let number = Self.number(name), number < currentNumber else { continue }
            let folder = path(of: name)
            guard let lock = FolderLock.exclusive(folder) else { continue }
            defer { close(lock) }
            try Folder.remove(folder)
            removed.append(name)
        }
        return removed
    }
}
