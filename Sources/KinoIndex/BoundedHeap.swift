/// Something with a total order of "better": ``BoundedHeap`` keeps the best ones.
protocol Ranked {
    /// Whether `self` comes before `other` in a result list.
    func ranks(before other: Self) -> Bool
}

/// The best `capacity` elements seen so far, in a binary heap whose root is the worst element kept, so a candidate
/// is compared with the root once and costs O(log capacity) only when it gets in. Top-k collectors share it.
struct BoundedHeap<Element: Ranked> {
    let capacity: Int
    private(set) var elements: [Element] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        elements.reserveCapacity(min(self.capacity, 1024))
    }

    var isFull: Bool { elements.count == capacity }

    /// The worst element kept (the one a better candidate replaces), nil when empty.
    var worst: Element? { elements.first }

    /// Keeps `candidate` if there is room or it ranks before the worst element kept.
    mutating func insert(_ candidate: Element) {
        if elements.count < capacity {
            elements.append(candidate)
            siftUp(elements.count - 1)
        } else if capacity > 0 && candidate.ranks(before: elements[0]) {
            elements[0] = candidate
            siftDown(0)
        }
    }

    /// The kept elements, best first.
    func sorted() -> [Element] {
        elements.sorted { $0.ranks(before: $1) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[parent].ranks(before: elements[child]) else { return }
            elements.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            let left = 2 * parent + 1
            if left < elements.count, elements[worst].ranks(before: elements[left]) { worst = left }
            if left + 1 < elements.count, elements[worst].ranks(before: elements[left + 1]) { worst = left + 1 }
            guard worst != parent else { return }
            elements.swapAt(parent, worst)
            parent = worst
        }
    }
}
