import KinoIndex

// Interim: replaced by KinoIndex's fuzzy dictionary walk.
public struct FuzzyQuery {
    public static func maxEdits(forLength characters: Int) -> Int {
        characters < 4 ? 0 : characters < 8 ? 1 : 2
    }
}

public struct PendingFuzzyTerm {
    public var term: String
    public var info: TermInfo
    public var distance: Int
}

extension SegmentReader {
    public func terms(field: FieldID, fuzzy term: String, maxEdits: Int, prefixLength: Int = 0) -> [PendingFuzzyTerm] {
        let target = Array(term.unicodeScalars)
        var result: [PendingFuzzyTerm] = []
        for entry in terms(field: field, prefix: "") {
            let candidate = Array(entry.term.unicodeScalars)
            guard abs(candidate.count - target.count) <= maxEdits else { continue }
            let distance = osa(target, candidate)
            if distance <= maxEdits { result.append(PendingFuzzyTerm(term: entry.term, info: entry.info, distance: distance)) }
        }
        return result
    }
}

private func osa(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}
