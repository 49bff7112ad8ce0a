import KinoIndex
import Synchronization

/// The film index a server serves: the generation `CURRENT` names, switched to a newer one without failing a query.
///
/// A query takes the ``Generation`` served now (``current``) and reads it for as long as it holds it, even after a
/// reload switched to a newer one; the generation's files stay mapped and on disk until the last holder lets go.
public final class ServedIndex: Sendable {
    /// One open generation with everything made from it once: the searcher, the people directory.
    public final class Generation: Sendable {
        /// The lease that keeps the generation mapped and its folder locked against removal.
        private let lease: LiveIndex.Lease
        public let searcher: FilmSearcher
        private let directory = Memo<PeopleDirectory>()

        init(_ lease: LiveIndex.Lease, root: String) {
            self.lease = lease
            let folder = IndexGenerations(root: root).path(of: lease.generation)
            searcher = FilmSearcher(index: FilmIndex(generation: lease.generation, folder: folder, segment: lease.segment))
        }

        public var name: String { lease.generation }
        public var index: FilmIndex { searcher.index }

        /// People and their films, read from the stored films on first use.
        public var people: PeopleDirectory {
            directory.value { PeopleDirectory(index: searcher.index) }
        }
    }

    private let live: LiveIndex
    private let root: String
    private let served: Mutex<Generation>

    /// Opens the generation `CURRENT` names under `root`; throws ``SearchError`` when there is none or it does not
    /// validate.
    public init(root: String) throws(SearchError) {
        do {
            live = try LiveIndex(root: root)
        } catch {
            throw SearchError(error.code == .noIndex ? .noIndex : .corruptIndex, error.message)
        }
        self.root = root
        let first = Generation(live.acquire(), root: root)
        _ = first.people
        served = Mutex(first)
    }

    /// The generation served now.
    public var current: Generation {
        served.withLock { $0 }
    }

    /// Switches to the generation `CURRENT` names when it changed since the last look; cheap enough to poll.
    @discardableResult
    public func reloadIfChanged() -> LiveIndex.Reload {
        let result = live.reloadIfChanged()
        if case .switched = result {
            let next = Generation(live.acquire(), root: root)
            // Made before the switch, so no request waits for it.
            _ = next.people
            served.withLock { $0 = next }
        }
        return result
    }

    /// Calls ``reloadIfChanged()`` every `interval` until the calling task is cancelled, passing every switch or
    /// refusal to `onReload`.
    public func watch(every interval: Duration, onReload: (LiveIndex.Reload) -> Void = { _ in }) async {
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
}
