import Foundation
import KinoIndex

/// An opened generation of the film index: the mapped segment and its stored films.
public struct FilmIndex: Sendable {
    public let generation: String
    public let folder: String
    public let segment: SegmentReader

    /// Opens the generation `CURRENT` names (or the given one), validating every file.
    public static func open(root: String, generation: String? = nil) throws -> FilmIndex {
        let generations = IndexGenerations(root: root)
        guard let name = try generation ?? current(of: generations) else {
            throw SearchError(.noIndex, "\(root) has no index yet: run kino index build")
        }
        let folder = generations.path(of: name)
        do {
            return FilmIndex(generation: name, folder: folder, segment: try SegmentReader(directory: folder))
        } catch {
            throw SearchError(.corruptIndex, "generation \(name) in \(folder): \(error.message)")
        }
    }

    /// The generation `CURRENT` names, with the engine's errors mapped to ``SearchError``.
    static func current(of generations: IndexGenerations) throws(SearchError) -> String? {
        do {
            return try generations.current()
        } catch {
            throw SearchError(error.code == .io ? .unreadable : .corruptIndex, error.message)
        }
    }

    /// The stored film of a document.
    public func film(_ doc: DocID) -> IndexedFilm? {
        segment.storedFields.withDocument(doc) { StoredFilmCodec.decode(raw: $0) } ?? nil
    }

    /// The stored film of a document as result lists show it: without its English and other titles, keywords and
    /// people (left empty).
    public func listedFilm(_ doc: DocID) -> IndexedFilm? {
        segment.storedFields.withDocument(doc) { StoredFilmCodec.decode(raw: $0, listing: true) } ?? nil
    }

    /// The document of the film with this catalog id, or nil. Builds add films in id order, so this is a binary
    /// search of the `film_id` column.
    public func doc(forFilm id: Int) -> DocID? {
        guard id > 0, id <= Int(UInt32.max) else { return nil }
        let target = UInt32(id)
        var low = 0
        var high = segment.docCount
        while low < high {
            let middle = (low + high) / 2
            if (segment.columns.u32(FilmSchema.filmID, doc: DocID(middle)) ?? 0) < target {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < segment.docCount, segment.columns.u32(FilmSchema.filmID, doc: DocID(low)) == target else { return nil }
        return DocID(low)
    }

    /// Files of the generation and their sizes in bytes.
    public func files() -> [(name: String, bytes: Int)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.map { ($0, IndexBuilder.size(of: folder + "/" + $0)) }
    }
}
