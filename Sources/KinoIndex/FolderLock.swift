#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `flock` locks on generation folders, seen by every process on the machine.
///
/// Whoever reads a generation, or writes a new one, holds a shared lock on its folder through a descriptor of its
/// own; ``IndexGenerations/removeUnused()`` removes a folder only while it holds the exclusive lock, which it takes
/// without waiting, so a folder that anyone has open is never removed. A lock belongs to an open file description:
/// two holders in one process are as independent as two processes, and closing the descriptor releases the lock.
enum FolderLock {
    /// Opens the folder at `path` and takes a shared lock on it; close the returned descriptor to release it.
    ///
    /// Fails, with a message starting with `name`, when the folder is missing, is being removed, or was removed
    /// between opening and locking it.
    static func shared(_ path: String, name: String) throws(IndexError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IndexFileWriter.ioError(name, "cannot open \(path)") }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            let error = errno == EWOULDBLOCK
                ? IndexError(.io, "\(name): \(path) is being removed")
                : IndexFileWriter.ioError(name, "cannot lock \(path)")
            close(descriptor)
            throw error
        }
        guard Folder.isSame(descriptor, as: path) else {
            close(descriptor)
            throw IndexError(.io, "\(name): \(path) was removed while being opened")
        }
        return descriptor
    }

    /// Opens the folder at `path` and takes the exclusive lock without waiting; close the returned descriptor to
    /// release it. Nil when someone holds a lock on the folder, or it is gone.
    static func exclusive(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, Folder.isSame(descriptor, as: path) else {
            close(descriptor)
            return nil
        }
        return descriptor
    }
}
