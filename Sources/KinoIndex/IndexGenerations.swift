#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The generations of an index under one root folder (`IndexData/` by default).
///
/// Each build writes a new, immutable `generations/gNNNNNN/` folder, numbered one past the newest on disk, then
/// switches `CURRENT` to it atomically (write `CURRENT.tmp`, fsync, rename, fsync the root), so a reader sees the old
/// generation or the new one, never half of one. Readers and writers hold a lock on the folder of the generation they
/// use (see ``removeUnused()``), which keeps it on disk until they are done, in whichever process they run.
public struct IndexGenerations: Sendable {
    /// The root folder: `CURRENT` and `generations/` live here.
    public let root: String

    /// The generations under `root`; nothing is read or created yet.
    public init(root: String) {
        self.root = root
    }

    /// The folder holding one folder per generation.
    public var generationsFolder: String { root + "/generations" }

    /// The folder of a generation.
    public func path(of generation: String) -> String { generationsFolder + "/" + generation }

    /// The generation `CURRENT` names, nil when there is no `CURRENT` yet. A `CURRENT` that does not hold a generation
    /// name is refused with ``IndexError/Code/corrupt``: it is never followed as a path.
    public func current() throws(IndexError) -> String? {
        let path = root + "/" + Self.currentFile
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT { return nil }
        guard descriptor >= 0 else { throw IndexFileWriter.ioError(Self.currentFile, "cannot open \(path)") }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw IndexFileWriter.ioError(Self.currentFile, "cannot read \(path)") }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        let text = buffer[..<count]
        let start = text.firstIndex { !isSpace($0) } ?? count
        let end = text.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        let name = String(decoding: text[start..<max(start, end)], as: UTF8.self)
        guard Self.isGenerationName(name) else {
            throw IndexError(.corrupt, "\(Self.currentFile): '\(name.prefix(40))' is not a generation name")
        }
        return name
    }

    /// The generations on disk, oldest first. Anything in `generations/` not named like one is ignored.
    public func all() -> [String] {
        (Folder.entries(generationsFolder) ?? []).filter(Self.isGenerationName).sorted()
    }

    /// The name the next generation gets: one past the newest on disk.
    public func nextName() -> String {
        let number = String((all().last.flatMap(Self.number) ?? 0) + 1)
        return "g" + String(repeating: "0", count: max(0, 6 - number.count)) + number
    }

    /// Makes `generation` the current one, atomically and durably.
    public func switchCurrent(to generation: String) throws(IndexError) {
        guard Self.isGenerationName(generation) else {
            throw IndexError(.invalidArgument,
                             "\(Self.currentFile): '\(generation.prefix(40))' is not a generation name")
        }
        try IndexFileWriter.commit(Array((generation + "\n").utf8), to: root, name: Self.currentFile)
    }

    /// Writes `segment` as a new generation, checks that it opens, switches `CURRENT` to it unless `makeCurrent` is
    /// false, and returns its name. Builds run one at a time.
    ///
    /// The new folder is locked against ``removeUnused()`` until this returns. A generation that fails to write or to
    /// open is removed again and `CURRENT` stays as it was.
    @discardableResult
    public func write(_ segment: SegmentWriter, makeCurrent: Bool = true) throws(IndexError) -> String {
        try Folder.create(generationsFolder)
        let name = nextName()
        let folder = path(of: name)
        guard mkdir(folder, 0o755) == 0 else { throw IndexFileWriter.ioError(name, "cannot create \(folder)") }
        let lock: Int32
        do {
            lock = try FolderLock.shared(folder, name: name)
        } catch {
            rmdir(folder)
            throw error
        }
        defer { close(lock) }
        do {
            try segment.write(to: folder)
            _ = try SegmentReader(directory: folder)
        } catch {
            try? Folder.remove(folder)
            throw error
        }
        if makeCurrent {
            try switchCurrent(to: name)
        }
        return name
    }

    static let currentFile = "CURRENT"

    /// Whether `name` is a generation's: `g` and six ASCII digits.
    static func isGenerationName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return bytes.count == 7 && bytes[0] == UInt8(ascii: "g")
            && bytes.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The number of a generation name, or nil.
    static func number(_ name: String) -> Int? {
        isGenerationName(name) ? Int(name.dropFirst()) : nil
    }
}
