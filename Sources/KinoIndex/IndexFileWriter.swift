#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frames a body with the index file header and footer and commits it to a directory by rename.
///
/// `commit(to:name:)` writes `NAME.tmp` in the directory, fsyncs it, renames it to `NAME` and fsyncs the directory,
/// so a reader sees either the previous file or the complete new one. The file is never empty: even an empty body
/// has a 32-byte header and a 24-byte footer.
struct IndexFileWriter {
    let kind: FileKind
    let segmentID: SegmentID
    /// The body being built.
    var body = ByteWriter()

    init(kind: FileKind, segmentID: SegmentID) {
        self.kind = kind
        self.segmentID = segmentID
    }

    /// The complete file: header, body, footer.
    func finish() -> [UInt8] {
        var file = ByteWriter()
        file.reserve(IndexFileFormat.headerSize + body.count + IndexFileFormat.footerSize)
        file.append(contentsOf: IndexFileFormat.magic)
        file.append(contentsOf: kind.tag)
        file.appendU32(IndexFileFormat.version)
        file.append(contentsOf: segmentID.bytes)
        file.append(contentsOf: body.bytes)
        let checksum = XXHash64.hash(file.bytes)
        file.appendU64(UInt64(body.count))
        file.appendU64(checksum)
        file.append(contentsOf: IndexFileFormat.magic)
        return file.bytes
    }

    /// Writes the file as `directory/name` atomically and durably.
    func commit(to directory: String, name: String) throws(IndexError) {
        try Self.commit(finish(), to: directory, name: name)
    }

    /// Writes `bytes` as `directory/name`: temp file, fsync, rename, fsync of the directory.
    static func commit(_ bytes: [UInt8], to directory: String, name: String) throws(IndexError) {
        let path = directory + "/" + name
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ioError(name, "cannot create \(temporary)") }
        var failure: IndexError?
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }
        if !written {
            failure = ioError(name, "cannot write \(temporary)")
        } else if fsync(descriptor) != 0 {
            failure = ioError(name, "cannot fsync \(temporary)")
        }
        if close(descriptor) != 0 && failure == nil {
            failure = ioError(name, "cannot close \(temporary)")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let error = ioError(name, "cannot rename \(temporary) to \(path)")
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory, file: name)
    }

    /// Fsyncs a directory so that a rename inside it is durable.
    static func syncDirectory(_ directory: String, file: String) throws(IndexError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ioError(file, "cannot open directory \(directory)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw ioError(file, "cannot fsync directory \(directory)") }
    }

    static func ioError(_ file: String, _ what: String) -> IndexError {
        let code = errno
        let reason = String(cString: strerror(code))
        return IndexError(.io, "\(file): \(what): \(reason) (errno \(code))")
    }
}
