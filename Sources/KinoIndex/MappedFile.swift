#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One index file mapped read-only into memory and validated once at open.
///
/// Opening checks, in order: the file is at least a header and a footer long (an empty file is never mapped), the
/// header magic, the format version, the kind tag, the footer magic, the body length, and the xxHash64 checksum of
/// header and body. After that the body is trusted to be the bytes that were written, though readers still check
/// every offset they take from it. The mapping is released when the last ``ByteView`` over it goes away.
struct MappedFile: Sendable {
    /// The file name used in error messages (without the directory).
    let name: String
    let kind: FileKind
    /// The format version the file was written in, one this build reads.
    let version: UInt32
    let segmentID: SegmentID
    /// The bytes between header and footer.
    let body: ByteView

    /// Maps and validates `directory/name`, which must be a file of kind `kind`.
    init(directory: String, name: String, kind: FileKind) throws(IndexError) {
        let path = directory + "/" + name
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IndexFileWriter.ioError(name, "cannot open \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw IndexFileWriter.ioError(name, "cannot stat \(path)") }
        let size = Int(status.st_size)
        guard size > 0 else { throw IndexError(.truncated, "\(name): file is empty") }
        guard size >= IndexFileFormat.headerSize + IndexFileFormat.footerSize else {
            throw IndexError(.truncated, "\(name): \(size) bytes is shorter than a header and a footer")
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), address != MAP_FAILED else {
            throw IndexFileWriter.ioError(name, "cannot map \(path)")
        }
        let storage = ByteStorage(mapping: UnsafeRawPointer(address), length: size)
        try self.init(name: name, kind: kind, file: ByteView(storage: storage))
    }

    /// Validates a complete file already in memory (the same checks as opening one from disk).
    init(name: String, kind: FileKind, bytes: [UInt8]) throws(IndexError) {
        guard !bytes.isEmpty else { throw IndexError(.truncated, "\(name): file is empty") }
        try self.init(name: name, kind: kind, file: ByteView(bytes))
    }

    private init(name: String, kind expected: FileKind, file: ByteView) throws(IndexError) {
        self.name = name
        let headerSize = IndexFileFormat.headerSize
        let footerSize = IndexFileFormat.footerSize
        let magic = IndexFileFormat.magic
        if file.count < magic.count {
            throw IndexError(.truncated, "\(name): \(file.count) bytes is shorter than the magic")
        }
        guard file.bytes(at: 0, length: magic.count) == magic else {
            throw IndexError(.badMagic, "\(name): not a Kino index file (wrong magic at the start)")
        }
        guard file.count >= headerSize + footerSize else {
            throw IndexError(.truncated, "\(name): \(file.count) bytes is shorter than a header and a footer")
        }
        let version = file.u32(at: 12) ?? 0
        guard IndexFileFormat.readableVersions.contains(version) else {
            let readable = IndexFileFormat.readableVersions
            throw IndexError(.unsupportedVersion, "\(name): format version \(version), this build reads versions "
                                 + "\(readable.lowerBound) to \(readable.upperBound)")
        }
        self.version = version
        let kind = FileKind(bytes: file.bytes(at: 8, length: 4) ?? []) ?? expected
        guard kind == expected else {
            throw IndexError(.corrupt, "\(name): holds a '\(kind)' structure, expected '\(expected)'")
        }
        self.kind = kind
        segmentID = SegmentID(bytes: file.bytes(at: 16, length: 16) ?? []) ?? SegmentID.random()
        let footer = file.count - footerSize
        guard file.bytes(at: footer + 16, length: magic.count) == magic else {
            throw IndexError(.truncated, "\(name): footer missing (the file was cut short or not fully written)")
        }
        let statedLength = file.u64(at: footer) ?? 0
        let actualLength = file.count - headerSize - footerSize
        guard statedLength == UInt64(actualLength) else {
            let code: IndexError.Code = statedLength > UInt64(actualLength) ? .truncated : .corrupt
            throw IndexError(code, "\(name): footer says the body is \(statedLength) bytes, the file holds \(actualLength)")
        }
        let stored = file.u64(at: footer + 8) ?? 0
        let computed = file.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<footer])) }
        guard stored == computed else {
            throw IndexError(.checksumMismatch, "\(name): checksum mismatch (footer \(hex(stored)), data \(hex(computed)))")
        }
        guard let body = file.slice(at: headerSize, length: actualLength) else {
            throw IndexError(.truncated, "\(name): body out of range")
        }
        self.body = body
    }
}

private func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
