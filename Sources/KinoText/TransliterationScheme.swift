/// A weighted rewriting of one alphabet into another, searched for its cheapest results.
///
/// Each rule rewrites a short sequence of source letters, in a context, into a string with a cost (0 is the usual
/// spelling, higher is rarer). The candidates are the cheapest complete rewritings, found with a k-best search over
/// the input positions, so their number and the work done stay bounded. Characters without a rule are copied.
struct TransliterationScheme: Sendable {
    /// Where in a word a rule applies. "Letters" are the scheme's source letters.
    enum Context: Sendable {
        case anywhere
        case wordStart
        case wordEnd
        case afterVowel
        case afterConsonant
        /// Not followed by a vowel (for signs that only vanish before consonants and at the end).
        case notBeforeVowel
        /// After a letter ("ы" never starts a Russian word).
        case notWordStart
    }

    struct Rule: Sendable {
        var pattern: [Unicode.Scalar]
        /// The output's UTF-8 and its length in Unicode scalars.
        var output: [UInt8]
        var outputLength: Int
        var cost: Int
        var context: Context
        /// Whether the scheme's ``Ending`` may follow this rule's output at the end of a word.
        var takesEnding: Bool
    }

    /// An extra ending tried at the end of a word after some letters ("жизн" → "жизнь").
    struct Ending: Sendable {
        var after: Set<Character>
        var suffix: String
        var cost: Int
    }

    /// Inputs longer than this many Unicode scalars get no candidates.
    static let maximumInputLength = 256

    /// The rules by their first scalar: `ruleLists[ruleSlots[scalar]]`, for scalars below `ruleSlots.count`.
    private let ruleLists: [[Rule]]
    private let ruleSlots: [Int16]
    /// ``ScalarClass`` bits by scalar value, for scalars below its count; others are neither letters nor vowels.
    private let classes: [UInt8]
    private let ending: Ending?
    private let endingSuffix: [UInt8]
    private let endingLength: Int

    private enum ScalarClass {
        static let letter: UInt8 = 1
        static let vowel: UInt8 = 2
    }

    /// Builds a scheme from rows of (source sequence, context, outputs with costs).
    init(letters: String, vowels: String, ending: Ending? = nil,
         rows: [(String, Context, [(String, Int)])]) {
        var rules: [Unicode.Scalar: [Rule]] = [:]
        for (pattern, context, outputs) in rows {
            let scalars = Array(pattern.unicodeScalars)
            for (output, cost) in outputs {
                let takesEnding = output.last.map { ending?.after.contains($0) ?? false } ?? false
                rules[scalars[0], default: []].append(Rule(pattern: scalars, output: Array(output.utf8),
                                                           outputLength: output.unicodeScalars.count, cost: cost,
                                                           context: context, takesEnding: takesEnding))
            }
        }
        let scalars = Array(letters.unicodeScalars) + Array(vowels.unicodeScalars) + Array(rules.keys)
        let tableSize = Int(scalars.map(\.value).max() ?? 0) + 1
        var classes = [UInt8](repeating: 0, count: tableSize)
        for letter in letters.unicodeScalars {
            classes[Int(letter.value)] |= ScalarClass.letter
        }
        for vowel in vowels.unicodeScalars {
            classes[Int(vowel.value)] |= ScalarClass.vowel
        }
        var ruleSlots = [Int16](repeating: -1, count: tableSize)
        var ruleLists: [[Rule]] = []
        for (first, list) in rules {
            ruleSlots[Int(first.value)] = Int16(ruleLists.count)
            ruleLists.append(list)
        }
        self.classes = classes
        self.ruleSlots = ruleSlots
        self.ruleLists = ruleLists
        self.ending = ending
        endingSuffix = ending.map { Array($0.suffix.utf8) } ?? []
        endingLength = ending?.suffix.unicodeScalars.count ?? 0
    }

    /// The `limit` cheapest rewritings of `text` (lower-cased first), cheapest first; ties go to the shorter one.
    /// Empty when `text` has none of the source letters or is too long.
    func candidates(for text: String, limit: Int) -> [String] {
        let input = Unicode.Scalar.lowercased(text)
        guard limit > 0, input.count <= Self.maximumInputLength, input.contains(where: isLetter) else {
            return []
        }
        var lattice = Lattice(positions: input.count + 1, limit: limit)
        lattice.insert(Partial(start: 0, count: 0, cost: 0, length: 0), at: 0)
        for index in input.indices where lattice.counts[index] > 0 {
            var matched = false
            for rule in rules(startingWith: input[index]) where applies(rule, at: index, in: input) {
                matched = true
                let next = index + rule.pattern.count
                let endsWord = next == input.count || !isLetter(input[next])
                for source in 0..<lattice.counts[index] {
                    let partial = lattice.partial(source, at: index)
                    // The sources are cheapest first, then shortest: once one would rank after all `limit` kept at
                    // `next` by cost, or by length at the same cost, so would the rest, and none of them would be kept.
                    if lattice.isFull(at: next) {
                        let worst = lattice.worst(at: next)
                        let cost = partial.cost + rule.cost
                        if cost > worst.cost || cost == worst.cost && partial.length + rule.outputLength > worst.length {
                            break
                        }
                    }
                    let extended = lattice.appending(rule.output, to: partial, length: rule.outputLength,
                                                     cost: rule.cost)
                    lattice.insert(extended, at: next)
                    if endsWord, rule.takesEnding, let ending {
                        lattice.insert(lattice.appending(endingSuffix, to: extended, length: endingLength,
                                                         cost: ending.cost), at: next)
                    }
                }
            }
            if !matched {
                let copied = Array(String(input[index]).utf8)
                for source in 0..<lattice.counts[index] {
                    let partial = lattice.partial(source, at: index)
                    lattice.insert(lattice.appending(copied, to: partial, length: 1, cost: 0), at: index + 1)
                }
            }
        }
        return (0..<lattice.counts[input.count]).map { lattice.text(of: lattice.partial($0, at: input.count)) }
    }

    private func rules(startingWith scalar: Unicode.Scalar) -> [Rule] {
        let value = Int(scalar.value)
        guard value < ruleSlots.count, ruleSlots[value] >= 0 else { return [] }
        return ruleLists[Int(ruleSlots[value])]
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        return value < classes.count && classes[value] & ScalarClass.letter != 0
    }

    private func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        return value < classes.count && classes[value] & ScalarClass.vowel != 0
    }

    private func applies(_ rule: Rule, at index: Int, in input: [Unicode.Scalar]) -> Bool {
        let end = index + rule.pattern.count
        guard end <= input.count else { return false }
        for offset in 1..<max(rule.pattern.count, 1) where input[index + offset] != rule.pattern[offset] {
            return false
        }
        let previous = index > 0 && isLetter(input[index - 1]) ? input[index - 1] : nil
        let next = end < input.count && isLetter(input[end]) ? input[end] : nil
        switch rule.context {
        case .anywhere: return true
        case .wordStart: return previous == nil
        case .wordEnd: return next == nil
        case .afterVowel: return previous.map(isVowel) ?? false
        case .afterConsonant: return previous.map { !isVowel($0) } ?? false
        case .notBeforeVowel: return !(next.map(isVowel) ?? false)
        case .notWordStart: return previous != nil
        }
    }

    /// A rewriting of a prefix of the input: its UTF-8 (a range of the lattice's bytes), its cost and its length in
    /// Unicode scalars.
    private struct Partial {
        var start: Int
        var count: Int
        var cost: Int
        var length: Int
    }

    /// The k-best search's state: the `limit` best partials ending at each input position, best first, with their
    /// texts in one growing byte buffer.
    private struct Lattice {
        var bytes: [UInt8] = []
        var slots: [Partial]
        var counts: [Int]
        let limit: Int

        init(positions: Int, limit: Int) {
            self.limit = limit
            slots = Array(repeating: Partial(start: 0, count: 0, cost: 0, length: 0), count: positions * limit)
            counts = Array(repeating: 0, count: positions)
            bytes.reserveCapacity(256)
        }

        func isFull(at position: Int) -> Bool {
            counts[position] == limit
        }

        /// The last partial kept at `position`, which is not empty.
        func worst(at position: Int) -> Partial {
            slots[position * limit + counts[position] - 1]
        }

        func partial(_ rank: Int, at position: Int) -> Partial {
            slots[position * limit + rank]
        }

        func text(of partial: Partial) -> String {
            String(decoding: bytes[partial.start..<(partial.start + partial.count)], as: UTF8.self)
        }

        /// `partial` followed by `output`, its text copied to the end of the buffer.
        mutating func appending(_ output: [UInt8], to partial: Partial, length: Int, cost: Int) -> Partial {
            let start = bytes.count
            for offset in partial.start..<(partial.start + partial.count) {
                bytes.append(bytes[offset])
            }
            bytes.append(contentsOf: output)
            return Partial(start: start, count: partial.count + output.count, cost: partial.cost + cost,
                           length: partial.length + length)
        }

        /// Keeps `partial` among the best at `position` if it is one of them; of two with the same text the cheaper
        /// stays.
        mutating func insert(_ partial: Partial, at position: Int) {
            let base = position * limit
            var count = counts[position]
            if let existing = (0..<count).first(where: { sameText(slots[base + $0], partial) }) {
                guard partial.cost < slots[base + existing].cost else { return }
                for rank in existing..<(count - 1) {
                    slots[base + rank] = slots[base + rank + 1]
                }
                count -= 1
            }
            let place = (0..<count).first(where: { ranksBefore(partial, slots[base + $0]) }) ?? count
            guard place < limit else {
                counts[position] = count
                return
            }
            var rank = min(count, limit - 1)
            while rank > place {
                slots[base + rank] = slots[base + rank - 1]
                rank -= 1
            }
            slots[base + place] = partial
            counts[position] = min(count + 1, limit)
        }

        private func sameText(_ lhs: Partial, _ rhs: Partial) -> Bool {
            lhs.count == rhs.count && compareText(lhs, rhs) == 0
        }

        /// Cheaper first, then shorter, then by text; outputs are plain letters, so comparing UTF-8 bytes orders
        /// them as their scalars.
        private func ranksBefore(_ lhs: Partial, _ rhs: Partial) -> Bool {
            if lhs.cost != rhs.cost { return lhs.cost < rhs.cost }
            if lhs.length != rhs.length { return lhs.length < rhs.length }
            return compareText(lhs, rhs) < 0
        }

        private func compareText(_ lhs: Partial, _ rhs: Partial) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                let common = min(lhs.count, rhs.count)
                for offset in 0..<common where buffer[lhs.start + offset] != buffer[rhs.start + offset] {
                    return buffer[lhs.start + offset] < buffer[rhs.start + offset] ? -1 : 1
                }
                return lhs.count - rhs.count
            }
        }
    }
}
