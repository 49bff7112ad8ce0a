/// A manually managed, growable buffer of plain values, reused across analysis calls.
///
/// Its owner frees it with ``free()``; it is never copied while two copies are both in use.
struct ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Makes room for at least `minimumCapacity` elements, keeping the first `preserving` ones.
    mutating func reserve(_ minimumCapacity: Int, preserving count: Int = 0) {
        guard minimumCapacity > capacity else { return }
        var newCapacity = capacity
        while newCapacity < minimumCapacity {
            newCapacity *= 2
        }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if count > 0 {
            newBase.update(from: base, count: count)
        }
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Gives memory back when a rare huge input made the buffer grow past `limit` elements.
    mutating func shrink(ifLargerThan limit: Int, to smaller: Int) {
        guard capacity > limit else { return }
        base.deallocate()
        capacity = max(smaller, 16)
        base = .allocate(capacity: capacity)
    }

    func free() {
        base.deallocate()
    }
}
