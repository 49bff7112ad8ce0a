import Foundation

/// Runs `body(0)`, …, `body(count - 1)` at once, each on a thread of its own, and returns when all of them have.
/// Threads are preempted anywhere, so they interleave more than tasks on the cooperative pool (two threads on two
/// cores), and waiting for them does not hold a thread of that pool.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async {
    await withCheckedContinuation { continuation in
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(index)
                group.leave()
            }
        }
        group.notify(queue: .global()) { continuation.resume() }
    }
}
