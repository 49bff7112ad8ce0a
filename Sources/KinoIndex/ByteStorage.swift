#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes that outlive every ``ByteView`` over them: a read-only memory mapping or a heap copy.
///
/// The memory is never written after creation, so views over it can be shared across tasks.
final class ByteStorage: @unchecked Sendable {
    private enum Ownership {
        case mapped(length: Int)
        case heap
    }

    /// The first byte. Valid for `count` bytes as long as this object lives.
    let base: UnsafeRawPointer
    /// The number of bytes.
    let count: Int
    private let ownership: Ownership

    /// Takes over a mapping made with `mmap`; it is unmapped when the storage goes away.
    init(mapping: UnsafeRawPointer, length: Int) {
        base = mapping
        count = length
        ownership = .mapped(length: length)
    }

    /// Copies `bytes` to the heap.
    init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let address = source.baseAddress {
                memory.copyMemory(from: address, byteCount: source.count)
            }
        }
        base = UnsafeRawPointer(memory)
        count = bytes.count
        ownership = .heap
    }

    deinit {
        switch ownership {
        case .mapped(let length):
            munmap(UnsafeMutableRawPointer(mutating: base), length)
        case .heap:
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }
}
