/// The generation `CURRENT` names under a root folder, kept open for searching and switched without dropping a query.
///
/// Queries take a ``Lease`` (``acquire()`` or ``withSearcher(_:)``) and read from its generation for as long as they
/// hold it, even after a reload switched to a newer one. ``reload()`` opens the generation `CURRENT` names now and
/// switches to it only once every file has validated; a corrupt, truncated or foreign-version generation is refused
/// and the previous one keeps serving. When the last lease of a generation switched away from ends, the lock on its
/// folder is released and ``IndexGenerations/removeUnused()`` runs, so old generations go once no process reads them.
public final class LiveIndex: Sendable {
    /// What a reload did.
    public enum Reload: Sendable, Hashable {
        /// Generation `to` is served now, in place of `from`.
        case switched(from: String, to: String)
        /// The generation served before is still served: `CURRENT` names it, or (``reloadIfChanged()``) reads as it
        /// did at the last reload.
        case unchanged(String)
        /// `CURRENT` or the generation it names could not be opened: the error names the file (`g000002/terms.kix`,
        /// `CURRENT`). The previous generation keeps serving.
        case refused(IndexError)
    }

    /// The root folder's generations.
    public let generations: IndexGenerations
    private let served: Locked<Lease>
    /// What reading `CURRENT` gave at the last reload. Held for a whole reload, so reloads run one at a time.
    private let lastReload: Locked<Result<String, IndexError>>

    /// Opens the generation `CURRENT` names under `root`. Throws ``IndexError/Code/noIndex`` when there is none yet,
    /// and the generation's own error, naming the file, when it does not validate.
    public init(root: String) throws(IndexError) {
        generations = IndexGenerations(root: root)
        let lease = try Self.open(generations, startingAt: Self.currentName(generations))
        served = Locked(lease)
        lastReload = Locked(.success(lease.generation))
    }

    /// The name of the generation served now.
    public var generation: String {
        served.withLock { $0.generation }
    }

    /// A lease on the generation served now: it stays mapped and on disk while the lease is held.
    public func acquire() -> Lease {
        served.withLock { $0 }
    }

    /// Runs `body` with the searcher of the generation served now and that generation's name, under a lease that
    /// ends when `body` returns.
    public func withSearcher<Result, Failure: Error>(
        _ body: (Searcher, String) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let lease = acquire()
        defer { withExtendedLifetime(lease) {} }
        return try body(lease.searcher, lease.generation)
    }

    /// Opens the generation `CURRENT` names now and serves it, unless it is served already.
    @discardableResult
    public func reload() -> Reload {
        lastReload.withLock { reload(after: &$0, onlyIfChanged: false) }
    }

    /// Like ``reload()``, but returns ``Reload/unchanged(_:)`` at once while `CURRENT` reads as it did at the last
    /// reload: cheap enough to poll (it reads the few bytes of `CURRENT`). A generation refused once is therefore not
    /// opened again until `CURRENT` changes; ``reload()`` retries it.
    @discardableResult
    public func reloadIfChanged() -> Reload {
        lastReload.withLock { reload(after: &$0, onlyIfChanged: true) }
    }

    /// Calls ``reloadIfChanged()`` every `interval` until the calling task is cancelled, and passes every result but
    /// ``Reload/unchanged(_:)`` to `onReload` (to log it). A server runs it in one of its services, whose task is
    /// cancelled at shutdown.
    public func watch(every interval: Duration, onReload: (Reload) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            let result = reloadIfChanged()
            if case .unchanged = result { continue }
            onReload(result)
        }
    }

    private func reload(after last: inout Result<String, IndexError>, onlyIfChanged: Bool) -> Reload {
        let now = Result { () throws(IndexError) in try Self.currentName(generations) }
        let previous = last
        last = now
        let servedName = generation
        if onlyIfChanged && now == previous { return .unchanged(servedName) }
        let name: String
        switch now {
        case .failure(let error): return .refused(error)
        case .success(let found): name = found
        }
        if name == servedName { return .unchanged(servedName) }
        let lease: Lease
        do {
            lease = try Self.open(generations, startingAt: name)
        } catch {
            return .refused(error)
        }
        let replaced = served.withLock { current in
            let replaced = current
            current = lease
            return replaced
        }
        // The replaced generation's lock is released, and unused generations removed, when its last lease ends:
        // here, outside the lock, if no query holds it.
        replaced.retire()
        return .switched(from: replaced.generation, to: lease.generation)
    }

    private static func currentName(_ generations: IndexGenerations) throws(IndexError) -> String {
        guard let name = try generations.current() else {
            throw IndexError(.noIndex, "\(IndexGenerations.currentFile): \(generations.root) has no index yet")
        }
        return name
    }

    /// Opens generation `first`; should that fail because `CURRENT` has moved on meanwhile (and the generation was
    /// removed while being opened), opens the one `CURRENT` names now, a few times at most.
    private static func open(_ generations: IndexGenerations, startingAt first: String) throws(IndexError) -> Lease {
        var name = first
        var attempts = 1
        while true {
            do {
                return try Lease(generations: generations, generation: name)
            } catch {
                guard attempts < 3, let now = try? generations.current(), now != name else { throw error }
                name = now
                attempts += 1
            }
        }
    }
}
