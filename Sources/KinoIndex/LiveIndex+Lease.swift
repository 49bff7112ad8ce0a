#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LiveIndex {
    /// One open generation: its mapped segment, and the shared lock on its folder that keeps any process from
    /// removing it (see ``IndexGenerations/removeUnused()``).
    ///
    /// A lease lasts as long as a reference to it: the ``LiveIndex`` holds one while the generation is served, and
    /// every query that took it from ``LiveIndex/acquire()`` holds another. When the last one goes, the files are
    /// unmapped and the lock released; if the index had switched away from the generation, unused generations are
    /// then removed, on the thread that let the lease go.
    public final class Lease: Sendable {
        /// The generation's name (`g000042`).
        public let generation: String
        /// The searcher over the generation's segment.
        public let searcher: Searcher
        private let generations: IndexGenerations
        /// The open folder that holds the shared lock.
        private let lock: Int32
        /// Whether the index has switched away from this generation.
        private let retired = Locked(false)

        /// The generation's segment.
        public var segment: SegmentReader { searcher.segment }

        /// Locks and opens `generation`; errors of its files are prefixed with the generation (`g000002/terms.kix:`).
        init(generations: IndexGenerations, generation: String) throws(IndexError) {
            let folder = generations.path(of: generation)
            let lock = try FolderLock.shared(folder, name: generation)
            let segment: SegmentReader
            do {
                segment = try SegmentReader(directory: folder)
            } catch {
                close(lock)
                throw IndexError(error.code, "\(generation)/\(error.message)")
            }
            self.generation = generation
            self.generations = generations
            self.lock = lock
            searcher = Searcher(segment: segment)
        }

        /// Marks the generation as no longer served, so that its end removes unused generations.
        func retire() {
            retired.withLock { $0 = true }
        }

        deinit {
            close(lock)
            if retired.withLock({ $0 }) {
                // Best effort: what cannot be removed now is removed by a later call.
                _ = try? generations.removeUnused()
            }
        }
    }
}
