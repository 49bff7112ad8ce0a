#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Keeps idle ``Workspace``s so that each analysis call borrows one instead of opening ICU break iterators and
/// Snowball stemmers anew.
///
/// A workspace is used by one call at a time, which is what makes ``Analyzer`` honestly `Sendable`: ICU break
/// iterators and libstemmer stemmers are not thread-safe, and they are never shared between concurrent calls.
final class WorkspacePool: @unchecked Sendable {
    /// The pool every analyzer uses; workspaces do not depend on an analyzer's settings.
    static let shared = WorkspacePool(maximumIdle: 16)

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let maximumIdle: Int
    /// Guarded by `mutex`.
    private var idle: [Workspace] = []

    init(maximumIdle: Int) {
        self.maximumIdle = maximumIdle
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with a workspace that nothing else uses meanwhile.
    func withWorkspace<R>(_ body: (Workspace) throws -> R) rethrows -> R {
        let workspace = take() ?? Workspace()
        defer { giveBack(workspace) }
        return try body(workspace)
    }

    private func take() -> Workspace? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return idle.popLast()
    }

    private func giveBack(_ workspace: Workspace) {
        workspace.tokenizer.releaseLargeBuffers()
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if idle.count < maximumIdle {
            idle.append(workspace)
        }
    }
}
