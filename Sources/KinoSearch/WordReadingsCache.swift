import Foundation

/// The readings of query words read lately on one generation, so that a word met again is not read again: common
/// words ("the", "of", "в", "и") come back in many queries, and a search box sends the words before the one being
/// typed with every key.
///
/// Reading a word is most of a search's work (its keyboard-layout and transliterated forms, which of them the index
/// knows, its completions and typo corrections), and its readings depend only on the word, on whether it is being
/// completed, and on the generation's terms: a searcher of one generation keeps one cache, and a new generation starts
/// with an empty one. The cache holds at most ``capacity`` words: the words read since the last turn, and those of
/// the turn before, which a word found there rejoins. A turn comes when the newer half is full, so a word read
/// repeatedly stays, and one not met for a while goes.
public final class WordReadingsCache: @unchecked Sendable {
    /// The most words kept.
    public let capacity: Int
    private let lock = NSLock()
    /// Guarded by `lock`: the words read since the last turn, and those of the turn before.
    private var newer: [Key: [QueryPlan.Reading]] = [:]
    private var older: [Key: [QueryPlan.Reading]] = [:]
    /// Guarded by `lock`: how many look-ups found their word, and how many did not.
    private var hits = 0
    private var misses = 0

    /// A word by its UTF-8 (hashing Cyrillic `String`s normalizes them first), and whether it is being completed.
    private struct Key: Hashable {
        var utf8: [UInt8]
        var completing: Bool
    }

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 2)
    }

    /// The readings of `word`, from the cache or by `read`, which is called outside the lock.
    func readings(of word: String, completing: Bool, _ read: () -> [QueryPlan.Reading]) -> [QueryPlan.Reading] {
        let key = Key(utf8: Array(word.utf8), completing: completing)
        if let found = lookUp(key) { return found }
        let readings = read()
        lock.lock()
        defer { lock.unlock() }
        store(readings, for: key)
        return readings
    }

    /// Forgets every word (the counts of look-ups stay).
    public func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        newer = [:]
        older = [:]
    }

    /// The number of words kept, and how many look-ups found their word and how many did not.
    public var statistics: (count: Int, hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (newer.count + older.count, hits, misses)
    }

    private func lookUp(_ key: Key) -> [QueryPlan.Reading]? {
        lock.lock()
        defer { lock.unlock() }
        if let found = newer[key] {
            hits += 1
            return found
        }
        if let found = older.removeValue(forKey: key) {
            hits += 1
            store(found, for: key)
            return found
        }
        misses += 1
        return nil
    }

    /// Keeps `readings` among the newer words, turning first when they fill their half. Called under the lock.
    private func store(_ readings: [QueryPlan.Reading], for key: Key) {
        if newer.count >= capacity / 2, newer[key] == nil {
            older = newer
            newer = [:]
            newer.reserveCapacity(capacity / 2)
        }
        newer[key] = readings
    }
}
