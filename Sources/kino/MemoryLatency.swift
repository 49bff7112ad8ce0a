/// The time of one dependent read from memory, measured by chasing pointers through one random cycle over a
/// buffer larger than the caches. The benchmarks print it beside their figures: on a shared host the latency of
/// memory changes with the neighbours' load, and searches that reach their data cold slow down with it.
struct MemoryLatency {
    /// 8 MiB of slots: past a core's L2 and a share of L3.
    static let slots = 1 << 20

    private let next: [Int]

    init() {
        // Sattolo's shuffle makes one cycle through every slot, so the chase never settles in a short loop.
        var next = Array(0..<Self.slots)
        var generator = SystemRandomNumberGenerator()
        for index in stride(from: Self.slots - 1, to: 0, by: -1) {
            next.swapAt(index, Int.random(in: 0..<index, using: &generator))
        }
        self.next = next
    }

    /// The median over `rounds` of the nanoseconds per read of a chase of `steps` reads.
    func nanosecondsPerRead(steps: Int = 1_000_000, rounds: Int = 5) -> Double {
        let clock = ContinuousClock()
        var medians: [Double] = []
        var slot = 0
        next.withUnsafeBufferPointer { next in
            for _ in 0..<rounds {
                let started = clock.now
                for _ in 0..<steps { slot = next[slot] }
                let elapsed = (clock.now - started).components
                medians.append((Double(elapsed.seconds) * 1e9 + Double(elapsed.attoseconds) / 1e9) / Double(steps))
            }
        }
        // The slot reached is used, so the chase cannot be left out.
        precondition(slot >= 0)
        return medians.sorted()[rounds / 2]
    }
}

/// Evicts the caches by reading a buffer larger than them (64 MiB, twice this host's last-level cache), one read per
/// cache line.
final class CacheEviction {
    private let buffer: UnsafeMutableBufferPointer<UInt64>
    /// The sum of what was read, so that the reads cannot be left out.
    private(set) var checksum: UInt64 = 0

    init(bytes: Int = 64 << 20) {
        buffer = .allocate(capacity: bytes / 8)
        buffer.initialize(repeating: 1)
    }

    deinit {
        buffer.deallocate()
    }

    func evict() {
        var sum: UInt64 = 0
        for index in stride(from: 0, to: buffer.count, by: 8) {
            sum &+= buffer[index]
        }
        checksum &+= sum
    }
}
