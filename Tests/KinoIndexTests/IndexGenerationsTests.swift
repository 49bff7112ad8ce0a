#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import KinoIndex

/// The generation folders of a root, `CURRENT`, and which generations may be removed.
struct IndexGenerationsTests {
    @Test func currentIsNilUntilTheFirstSwitchAndMustNameAGeneration() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        #expect(try generations.current() == nil)
        try generations.switchCurrent(to: "g000007")
        #expect(try generations.current() == "g000007")
        #expect(readFile(root.file("CURRENT")) == Array("g000007\n".utf8))

        writeFile(root.file("CURRENT"), Array("../../etc\n".utf8))
        let error = #expect(throws: IndexError.self) { try generations.current() }
        #expect(error?.code == .corrupt)
        let refused = #expect(throws: IndexError.self) { try generations.switchCurrent(to: "../x") }
        #expect(refused?.code == .invalidArgument)
    }

    @Test func generationsAreNumberedOnePastTheNewest() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path + "/index")
        #expect(generations.all() == [])
        #expect(generations.nextName() == "g000001")
        #expect(try generations.write(TaggedGeneration.writer(1)) == "g000001")
        #expect(try generations.current() == "g000001")
        mkdir(generations.path(of: "g000041"), 0o755)
        mkdir(generations.path(of: "notes"), 0o755)
        #expect(generations.all() == ["g000001", "g000041"])
        #expect(generations.nextName() == "g000042")
    }

    @Test func removeUnusedKeepsTheCurrentAndNewerGenerations() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        try generations.write(TaggedGeneration.writer(2))
        // Written but not switched to, like a build in progress.
        try generations.write(TaggedGeneration.writer(3), makeCurrent: false)
        #expect(try generations.removeUnused() == ["g000001"])
        #expect(generations.all() == ["g000002", "g000003"])
        #expect(try generations.removeUnused() == [])
    }

    @Test func removeUnusedRemovesNothingWithoutCurrent() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1), makeCurrent: false)
        try generations.write(TaggedGeneration.writer(2), makeCurrent: false)
        #expect(try generations.removeUnused() == [])
        #expect(generations.all() == ["g000001", "g000002"])
    }

    /// Two live indexes over one root stand for two processes: each holds its own lock on the generation it reads.
    @Test func aGenerationAnotherReaderHoldsIsKeptUntilThatReaderLetsGo() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        let server = try LiveIndex(root: root.path)
        let other = try LiveIndex(root: root.path)
        try generations.write(TaggedGeneration.writer(2))

        // The server switches; its old lease ends, but the other reader still holds generation 1.
        #expect(server.reload() == .switched(from: "g000001", to: "g000002"))
        #expect(try generations.removeUnused() == [])
        #expect(generations.all() == ["g000001", "g000002"])
        #expect(other.withSearcher { TaggedGeneration.problem($0, generation: $1) } == nil)

        // When the other reader switches too, the end of its lease removes generation 1.
        #expect(other.reload() == .switched(from: "g000001", to: "g000002"))
        #expect(generations.all() == ["g000002"])
    }

    @Test func aGenerationIsRemovableOnceItsReaderIsGone() throws {
        let root = TemporaryDirectory()
        let generations = IndexGenerations(root: root.path)
        try generations.write(TaggedGeneration.writer(1))
        var reader: LiveIndex? = try LiveIndex(root: root.path)
        try generations.write(TaggedGeneration.writer(2))
        #expect(try generations.removeUnused() == [])
        #expect(reader?.generation == "g000001")
        reader = nil
        #expect(try generations.removeUnused() == ["g000001"])
        #expect(generations.all() == ["g000002"])
    }

    @Test func sharedLocksKeepTheExclusiveOneAwayAndItKeepsThemAway() throws {
        let folder = TemporaryDirectory()
        let first = try FolderLock.shared(folder.path, name: "folder")
        let second = try FolderLock.shared(folder.path, name: "folder")
        #expect(FolderLock.exclusive(folder.path) == nil)
        close(first)
        #expect(FolderLock.exclusive(folder.path) == nil)
        close(second)
        let exclusive = try #require(FolderLock.exclusive(folder.path))
        #expect(FolderLock.exclusive(folder.path) == nil)
        let error = #expect(throws: IndexError.self) { try FolderLock.shared(folder.path, name: "folder") }
        #expect(error?.message.hasPrefix("folder: ") == true)
        close(exclusive)
        close(try FolderLock.shared(folder.path, name: "folder"))
    }

    @Test func aMissingFolderCannotBeLocked() {
        let folder = TemporaryDirectory()
        #expect(FolderLock.exclusive(folder.file("missing")) == nil)
        let error = #expect(throws: IndexError.self) { try FolderLock.shared(folder.file("missing"), name: "missing") }
        #expect(error?.code == .io)
        #expect(error?.message.hasPrefix("missing: cannot open ") == true)
    }
}
