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

    /// A rule, its pattern and output kept in the scheme's shared arrays: a plain value, which the search copies
    /// and compares without reference counting.
    struct Rule: Sendable {
        /// Where the pattern's scalars are in `patterns`, and how many there are.
        var patternStart: Int
        var patternCount: Int
        /// Where the output's UTF-8 is in `outputs`, its length in bytes and in Unicode scalars.
        var outputStart: Int
        var outputCount: Int
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

    /// The rules, those of one first scalar together: `rules[ruleStarts[scalar]..<ruleEnds[scalar]]`, for scalars
    /// below `ruleStarts.count`.
    private let rules: [Rule]
    private let ruleStarts: [Int32]
    private let ruleEnds: [Int32]
    private let patterns: [Unicode.Scalar]
    private let outputs: [UInt8]
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
        var patterns: [Unicode.Scalar] = []
        var outputBytes: [UInt8] = []
        var byFirst: [Unicode.Scalar: [Rule]] = [:]
        for (pattern, context, outputs) in rows {
            let scalars = Array(pattern.unicodeScalars)
            let patternStart = patterns.count
            patterns += scalars
            for (output, cost) in outputs {
                let takesEnding = output.last.map { ending?.after.contains($0) ?? false } ?? false
                byFirst[scalars[0], default: []].append(Rule(
                    patternStart: patternStart, patternCount: scalars.count, outputStart: outputBytes.count,
                    outputCount: output.utf8.count, outputLength: output.unicodeScalars.count, cost: cost,
                    context: context, takesEnding: takesEnding))
                outputBytes += output.utf8
            }
        }
        let scalars = Array(letters.unicodeScalars) + Array(vowels.unicodeScalars) + Array(byFirst.keys)
        let tableSize = Int(scalars.map(\.value).max() ?? 0) + 1
        var classes = [UInt8](repeating: 0, count: tableSize)
        for letter in letters.unicodeScalars {
            classes[Int(letter.value)] |= ScalarClass.letter
        }
        for vowel in vowels.unicodeScalars {
            classes[Int(vowel.value)] |= ScalarClass.vowel
        }
        var rules: [Rule] = []
        var ruleStarts = [Int32](repeating: 0, count: tableSize)
        var ruleEnds = [Int32](repeating: 0, count: tableSize)
        for (first, list) in byFirst.sorted(by: { $0.key.value < $1.key.value }) {
            ruleStarts[Int(first.value)] = Int32(rules.count)
            rules += list
            ruleEnds[Int(first.value)] = Int32(rules.count)
        }
        self.classes = classes
        self.rules = rules
        self.ruleStarts = ruleStarts
        self.ruleEnds = ruleEnds
        self.patterns = patterns
        outputs = outputBytes
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
            for rule in rules[rules(startingWith: input[index])] where applies(rule, at: index, in: input) {
                matched = true
                let next = index + rule.patternCount
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
                    let extended = lattice.appending(outputs[rule.outputStart..<(rule.outputStart + rule.outputCount)],
                                                     to: partial, length: rule.outputLength, cost: rule.cost)
                    lattice.insert(extended, at: next)
                    if endsWord, rule.takesEnding, let ending {
                        lattice.insert(lattice.appending(endingSuffix[...], to: extended, length: endingLength,
                                                         cost: ending.cost), at: next)
                    }
                }
            }
            if !matched {
                let copied = Array(String(input[index]).utf8)[...]
                for source in 0..<lattice.counts[index] {
                    let partial = lattice.partial(source, at: index)
                    lattice.insert(lattice.appending(copied, to: partial, length: 1, cost: 0), at: index + 1)
                }
            }
        }
        return (0..<lattice.counts[input.count]).map { lattice.text(of: lattice.partial($0, at: input.count)) }
    }

    /// Where the rules whose pattern starts with `scalar` are in `rules`.
    private func rules(startingWith scalar: Unicode.Scalar) -> Range<Int> {
        let value = Int(scalar.value)
        guard value < ruleStarts.count else { return 0..<0 }
        return Int(ruleStarts[value])..<Int(ruleEnds[value])
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
        let end = index + rule.patternCount
        guard end <= input.count else { return false }
        for offset in 1..<max(rule.patternCount, 1) where input[index + offset] != patterns[rule.patternStart + offset] {
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
        mutating func appending(_ output: ArraySlice<UInt8>, to partial: Partial, length: Int, cost: Int) -> Partial {
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
