import Foundation
import KinoIndex

/// The generations of the index under one folder (`IndexData/` by default): each build writes a new, immutable
/// `generations/gNNNNNN/` folder, then switches `CURRENT` to it atomically (write `CURRENT.tmp`, fsync, rename), so a
/// reader sees the old generation or the new one, never half of one.
public struct IndexGenerations: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var generationsFolder: String { root + "/generations" }

    /// The name `CURRENT` names, nil when there is none yet. A `CURRENT` that does not name a generation folder is an
    /// error, not a path to follow.
    public func current() throws -> String? {
        let path = root + "/CURRENT"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SearchError(.unreadable, "\(path): cannot read")
        }
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isGenerationName(name) else {
            throw SearchError(.corruptIndex, "\(path): '\(name.prefix(40))' is not a generation name")
        }
        return name
    }

    /// The folder of a generation.
    public func path(of generation: String) -> String { generationsFolder + "/" + generation }

    /// The generations on disk, oldest first.
    public func all() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: generationsFolder)) ?? []
        return names.filter(Self.isGenerationName).sorted()
    }

    /// The name the next build writes: one past the newest on disk.
    public func nextName() -> String {
        let newest = all().last.flatMap { Int($0.dropFirst()) } ?? 0
        let number = String(newest + 1)
        return "g" + String(repeating: "0", count: max(0, 6 - number.count)) + number
    }

    /// Makes `generation` the current one, atomically.
    public func switchCurrent(to generation: String) throws {
        guard Self.isGenerationName(generation) else { throw SearchError(.invalidArgument, "'\(generation)' is not a generation name") }
        let temporary = root + "/CURRENT.tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SearchError(.unwritable, "\(temporary): cannot create") }
        let bytes = Array((generation + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, root + "/CURRENT") == 0 else {
            unlink(temporary)
            throw SearchError(.unwritable, "\(root)/CURRENT: cannot switch to \(generation)")
        }
        let folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    static func isGenerationName(_ name: String) -> Bool {
        name.count == 7 && name.first == "g" && name.dropFirst().allSatisfy(\.isASCIIDigitCharacter)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
