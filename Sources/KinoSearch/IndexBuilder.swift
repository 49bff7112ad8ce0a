import Foundation
import KinoCatalog
import KinoIndex
import KinoText

/// Builds a new index generation from the catalog in one pass, switches `CURRENT` to it and removes the generations
/// no process reads any more.
public struct IndexBuilder: Sendable {
    /// What a build did.
    public struct Report: Sendable {
        public var generation: String
        public var films: Int
        public var seconds: Double
        public var bytes: Int

        public var filmsPerSecond: Double { seconds > 0 ? Double(films) / seconds : 0 }
    }

    let store: any CatalogStore
    let generations: IndexGenerations
    static let pageSize = 1000

    public init(store: any CatalogStore, root: String) {
        self.store = store
        self.generations = IndexGenerations(root: root)
    }

    /// Reads every film, writes the new generation and makes it current. A failed build leaves `CURRENT` as it was.
    public func build() async throws -> Report {
        let started = ContinuousClock.now
        var writer = SegmentWriter(schema: FilmSchema.schema)
        let analyzer = Analyzer()
        // Reading and decoding the next page of films overlaps with indexing the current one.
        var page = try await store.films(after: 0, limit: Self.pageSize)
        while let last = page.last {
            async let next = store.films(after: last.id, limit: Self.pageSize)
            for film in page { _ = try writer.addDocument(FilmDocument.make(film, analyzer: analyzer)) }
            page = try await next
        }
        let name = try generations.write(writer)
        // Best effort: a generation that a server still reads is removed by a later call.
        _ = try? generations.removeUnused()
        let folder = generations.path(of: name)
        let elapsed = (ContinuousClock.now - started).components
        return Report(generation: name, films: writer.docCount,
                      seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18,
                      bytes: Self.size(of: folder))
    }

    /// Builds a new generation under `root` straight from a catalog snapshot file (`kino bench corpus` makes large
    /// ones), without a database, and makes it current.
    ///
    /// Two threads share the work: one reads, decodes and lays out the films as documents, the calling thread
    /// indexes them, batch by batch.
    public static func build(snapshot path: String, root: String) throws -> Report {
        let started = ContinuousClock.now
        var writer = SegmentWriter(schema: FilmSchema.schema)
        let pipe = BatchPipe<Document>(capacity: 8)
        let reader = Thread {
            do {
                let analyzer = Analyzer()
                var lastID = 0
                var batch: [Document] = []
                _ = try CatalogSnapshot.read(path, person: { _ in }) { film in
                    guard film.id > lastID else {
                        throw SearchError(.invalidArgument, "\(path): film \(film.id) comes after film \(lastID); a snapshot lists films in id order")
                    }
                    lastID = film.id
                    batch.append(FilmDocument.make(film, analyzer: analyzer))
                    if batch.count == Self.pageSize {
                        try pipe.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try pipe.put(batch) }
                pipe.finish(throwing: nil)
            } catch {
                pipe.finish(throwing: error)
            }
        }
        reader.start()
        do {
            while let batch = try pipe.take() {
                for document in batch { _ = try writer.addDocument(document) }
            }
        } catch {
            pipe.cancel()
            throw error
        }
        let generations = IndexGenerations(root: root)
        let name = try generations.write(writer)
        _ = try? generations.removeUnused()
        let elapsed = (ContinuousClock.now - started).components
        return Report(generation: name, films: writer.docCount,
                      seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18,
                      bytes: size(of: generations.path(of: name)))
    }

    /// The size in bytes of a file, or of the files of a folder.
    static func size(of path: String) -> Int {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return 0 }
        guard isFolder.boolValue else {
            return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.reduce(0) { $0 + size(of: path + "/" + $1) }
    }
}

/// Batches handed from one thread to another, at most `capacity` of them waiting: the producer blocks while the pipe
/// is full, the consumer while it is empty. The producer ends it with ``finish(throwing:)``; a consumer that gives up
/// calls ``cancel()``, and the producer's next ``put(_:)`` throws.
final class BatchPipe<Element: Sendable>: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[Element]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    init(capacity: Int) {
        self.capacity = capacity
    }

    func put(_ batch: [Element]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled {
            condition.wait()
        }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    /// Ends the batches: the consumer takes the ones waiting, then gets nil, or `error` thrown.
    func finish(throwing error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, nil once the producer has finished, or the producer's error.
    func take() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished {
            condition.wait()
        }
        if let failure { throw failure }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
