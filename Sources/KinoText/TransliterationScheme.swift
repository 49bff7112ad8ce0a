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
        // The lattice's slots and counts are in temporary memory: a few kilobytes, on the stack.
        return withUnsafeTemporaryAllocation(of: Partial.self, capacity: (input.count + 1) * limit) { slots in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: input.count + 1) { counts in
                counts.initialize(repeating: 0)
                var lattice = Lattice(slots: slots, counts: counts, limit: limit)
                lattice.insert(Partial(start: 0, count: 0, cost: 0, length: 0), at: 0)
                outputs.withUnsafeBufferPointer { outputs in
                    endingSuffix.withUnsafeBufferPointer { endingSuffix in
                        extend(&lattice, over: input, outputs: outputs, endingSuffix: endingSuffix)
                    }
                }
                return (0..<lattice.counts[input.count]).map { lattice.text(of: lattice.partial($0, at: input.count)) }
            }
        }
    }

    /// The k-best search over `input`'s positions, from the first: each rule that applies at a position extends the
    /// partials kept there to the position after its pattern. `outputs` and `endingSuffix` are the scheme's.
    private func extend(_ lattice: inout Lattice, over input: [Unicode.Scalar], outputs: UnsafeBufferPointer<UInt8>,
                        endingSuffix: UnsafeBufferPointer<UInt8>) {
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
                    let output = UnsafeBufferPointer(
                        rebasing: outputs[rule.outputStart..<(rule.outputStart + rule.outputCount)])
                    let extended = lattice.appending(output, to: partial, length: rule.outputLength, cost: rule.cost)
                    lattice.insert(extended, at: next)
                    if endsWord, rule.takesEnding, let ending {
                        lattice.insert(lattice.appending(endingSuffix, to: extended, length: endingLength,
                                                         cost: ending.cost), at: next)
                    }
                }
            }
            if !matched {
                var copied = String(input[index])
                copied.withUTF8 { copied in
                    for source in 0..<lattice.counts[index] {
                        let partial = lattice.partial(source, at: index)
                        lattice.insert(lattice.appending(copied, to: partial, length: 1, cost: 0), at: index + 1)
                    }
                }
            }
        }
    }

    /// Every complete rewriting of `text` (lower-cased first) with its cost, by trying every rule and ending at
    /// every position: what ``candidates(for:limit:)`` searches, for checking it on short words. Exponential in
    /// the length of `text`.
    func allRewritings(of text: String) -> [(text: String, cost: Int)] {
        let input = Unicode.Scalar.lowercased(text)
        guard input.count <= Self.maximumInputLength, input.contains(where: isLetter) else { return [] }
        var results: [(text: String, cost: Int)] = []
        func extend(from index: Int, _ written: [UInt8], cost: Int) {
            guard index < input.count else {
                results.append((String(decoding: written, as: UTF8.self), cost))
                return
            }
            let applying = rules[rules(startingWith: input[index])].filter { applies($0, at: index, in: input) }
            if applying.isEmpty {
                extend(from: index + 1, written + Array(String(input[index]).utf8), cost: cost)
            }
            for rule in applying {
                let next = index + rule.patternCount
                let output = written + outputs[rule.outputStart..<(rule.outputStart + rule.outputCount)]
                extend(from: next, output, cost: cost + rule.cost)
                if rule.takesEnding, let ending, next == input.count || !isLetter(input[next]) {
                    extend(from: next, output + endingSuffix, cost: cost + rule.cost + ending.cost)
                }
            }
        }
        extend(from: 0, [], cost: 0)
        return results
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

    /// A rewriting of a prefix of the input: its UTF-8 (a range of the lattice's bytes), its cost, its length in
    /// Unicode scalars, and the FNV-1a hash of its UTF-8, which tells most different texts apart without reading them.
    private struct Partial {
        var start: Int
        var count: Int
        var cost: Int
        var length: Int
        var hash: UInt64 = Self.emptyHash

        static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325
    }

    /// The k-best search's state: the `limit` best partials ending at each input position, best first, with their
    /// texts in one byte buffer, of which the first `used` bytes are written.
    private struct Lattice {
        var bytes = [UInt8](repeating: 0, count: 1024)
        var used = 0
        /// `limit` slots per position, of which the first `counts[position]` are written.
        let slots: UnsafeMutableBufferPointer<Partial>
        let counts: UnsafeMutableBufferPointer<Int>
        let limit: Int

        init(slots: UnsafeMutableBufferPointer<Partial>, counts: UnsafeMutableBufferPointer<Int>, limit: Int) {
            self.slots = slots
            self.counts = counts
            self.limit = limit
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
        mutating func appending(_ output: UnsafeBufferPointer<UInt8>, to partial: Partial, length: Int,
                                cost: Int) -> Partial {
            let start = used
            let count = partial.count + output.count
            if start + count > bytes.count {
                bytes += repeatElement(0, count: max(bytes.count, count))
            }
            bytes.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                // The partial's text lies before `start`: the two ranges never overlap.
                (base + start).update(from: base + partial.start, count: partial.count)
                if let source = output.baseAddress {
                    (base + start + partial.count).update(from: source, count: output.count)
                }
            }
            used += count
            var hash = partial.hash
            for byte in output {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Partial(start: start, count: count, cost: partial.cost + cost, length: partial.length + length,
                           hash: hash)
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
            lhs.hash == rhs.hash && lhs.count == rhs.count && compareText(lhs, rhs) == 0
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
