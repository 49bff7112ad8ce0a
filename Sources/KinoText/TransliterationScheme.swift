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

    private let rules: [Unicode.Scalar: [Rule]]
    private let letters: Set<Unicode.Scalar>
    private let vowels: Set<Unicode.Scalar>
    private let ending: Ending?
    private let endingSuffix: [UInt8]
    private let endingLength: Int

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
        self.rules = rules
        self.letters = Set(letters.unicodeScalars)
        self.vowels = Set(vowels.unicodeScalars)
        self.ending = ending
        endingSuffix = ending.map { Array($0.suffix.utf8) } ?? []
        endingLength = ending?.suffix.unicodeScalars.count ?? 0
    }

    /// The `limit` cheapest rewritings of `text` (lower-cased first), cheapest first; ties go to the shorter one.
    /// Empty when `text` has none of the source letters or is too long.
    func candidates(for text: String, limit: Int) -> [String] {
        let input = Array(text.lowercased().unicodeScalars)
        guard limit > 0, input.count <= Self.maximumInputLength, input.contains(where: letters.contains) else {
            return []
        }
        var nodes = [[Partial]](repeating: [], count: input.count + 1)
        nodes[0] = [Partial(text: [], cost: 0, length: 0)]
        for index in input.indices where !nodes[index].isEmpty {
            var matched = false
            for rule in rules[input[index]] ?? [] where applies(rule, at: index, in: input) {
                matched = true
                let next = index + rule.pattern.count
                let endsWord = next == input.count || !letters.contains(input[next])
                let sources = nodes[index]
                for partial in sources {
                    let extended = partial.appending(rule.output, length: rule.outputLength, cost: rule.cost)
                    insert(extended, into: &nodes[next], limit: limit)
                    if endsWord, rule.takesEnding, let ending {
                        insert(extended.appending(endingSuffix, length: endingLength, cost: ending.cost),
                               into: &nodes[next], limit: limit)
                    }
                }
            }
            if !matched {
                let copied = Array(String(input[index]).utf8)
                for partial in nodes[index] {
                    insert(partial.appending(copied, length: 1, cost: 0), into: &nodes[index + 1], limit: limit)
                }
            }
            nodes[index] = []
        }
        return nodes[input.count].map { String(decoding: $0.text, as: UTF8.self) }
    }

    private func applies(_ rule: Rule, at index: Int, in input: [Unicode.Scalar]) -> Bool {
        let end = index + rule.pattern.count
        guard end <= input.count else { return false }
        for offset in 1..<max(rule.pattern.count, 1) where input[index + offset] != rule.pattern[offset] {
            return false
        }
        let previous = index > 0 && letters.contains(input[index - 1]) ? input[index - 1] : nil
        let next = end < input.count && letters.contains(input[end]) ? input[end] : nil
        switch rule.context {
        case .anywhere: return true
        case .wordStart: return previous == nil
        case .wordEnd: return next == nil
        case .afterVowel: return previous.map(vowels.contains) ?? false
        case .afterConsonant: return previous.map { !vowels.contains($0) } ?? false
        case .notBeforeVowel: return !(next.map(vowels.contains) ?? false)
        case .notWordStart: return previous != nil
        }
    }

    private func insert(_ partial: Partial, into list: inout [Partial], limit: Int) {
        if let existing = list.firstIndex(where: { $0.text == partial.text }) {
            guard partial.cost < list[existing].cost else { return }
            list.remove(at: existing)
        }
        let place = list.firstIndex(where: { partial.ranksBefore($0) }) ?? list.endIndex
        guard place < limit else { return }
        list.insert(partial, at: place)
        if list.count > limit {
            list.removeLast()
        }
    }

    /// A rewriting of a prefix of the input: its UTF-8, its cost and its length in Unicode scalars. Outputs are
    /// plain letters, so comparing UTF-8 bytes orders them as their scalars.
    private struct Partial {
        var text: [UInt8]
        var cost: Int
        var length: Int

        func appending(_ output: [UInt8], length extra: Int, cost extraCost: Int) -> Partial {
            var text = text
            text.append(contentsOf: output)
            return Partial(text: text, cost: cost + extraCost, length: length + extra)
        }

        func ranksBefore(_ other: Partial) -> Bool {
            if cost != other.cost { return cost < other.cost }
            if length != other.length { return length < other.length }
            return text.lexicographicallyPrecedes(other.text)
        }
    }
}
