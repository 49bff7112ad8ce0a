/// Keeps the `k` best documents: by score descending, ties by doc id ascending, in a bounded heap whose root is the
/// worst document kept.
///
/// For a scored pure disjunction (a ``BooleanQuery`` of only `should` clauses) it does not score every match: it
/// runs MaxScore (see ``collectSegment(_:)``).
public struct TopDocsCollector: Collector {
    /// The number of documents to keep.
    public let k: Int
    /// Whether pure disjunctions may be collected with MaxScore pruning (the result is the same either way).
    public let pruning: Bool
    private var heap: BoundedHeap<ScoredDoc>

    /// Makes a collector keeping the `k` best documents.
    public init(k: Int, pruning: Bool = true) {
        self.k = max(0, k)
        self.pruning = pruning
        heap = BoundedHeap(capacity: k)
    }

    public var needsScores: Bool { true }

    /// The kept documents, best first.
    public var topDocs: [ScoredDoc] {
        heap.sorted()
    }

    public mutating func collect(doc: DocID, score: Double) {
        heap.insert(ScoredDoc(doc: doc, score: score))
    }

    /// Walks the matches of `weight`, with MaxScore for a pure disjunction when ``pruning`` is on.
    ///
    /// MaxScore: every clause has an upper bound of its scores (``Weight/maxScore``; for terms
    /// `boost · idf · (k1 + 1)`, since the storage keeps no per-block maxima). Clauses are sorted by bound; once the
    /// heap is full, the longest run of lowest-bound clauses whose bounds sum to no more than the k-th score is
    /// "non-essential": a document found only in them cannot enter the top k (documents come in increasing id order,
    /// so a tie with the k-th score loses). Candidates come from the essential clauses only; the non-essential ones
    /// are advanced to a candidate, highest bound first, only while the candidate can still beat the k-th score.
    /// Scores of kept candidates are summed in clause order, so they equal the exhaustive walk's exactly.
    public mutating func collectSegment(_ weight: any Weight) {
        guard k > 0 else { return }
        if pruning, let boolean = weight as? BooleanWeight, let clauses = boolean.prunableDisjunction {
            collectMaxScore(clauses)
            return
        }
        var scorer = weight.scorer()
        while scorer.doc != .terminated {
            collect(doc: scorer.doc, score: scorer.score())
            scorer.next()
        }
    }

    private mutating func collectMaxScore(_ clauses: [any Weight]) {
        // Each scorer's current document is kept beside it, and both are walked through buffer pointers: reading
        // `doc` through the existential, or stepping an array element, would copy the scorer and retain its buffers.
        var scorers = clauses.map { $0.scorer() }
        var docs = scorers.map { $0.doc }
        let order = clauses.indices.sorted { clauses[$0].maxScore < clauses[$1].maxScore }
        var boundSums = [0.0]
        for index in order {
            boundSums.append(boundSums.last! + clauses[index].maxScore)
        }
        var contributions = [Double](repeating: 0, count: clauses.count)
        var matched: [Int] = []
        var firstEssential = 0
        scorers.withUnsafeMutableBufferPointer { scorers in
            docs.withUnsafeMutableBufferPointer { docs in
                while true {
                    let threshold = heap.isFull ? heap.worst?.score ?? -Double.infinity : -Double.infinity
                    while firstEssential < order.count && !Self.canBeat(boundSums[firstEssential + 1], threshold) {
                        firstEssential += 1
                    }
                    guard firstEssential < order.count else { return }
                    var candidate = DocID.terminated
                    for position in firstEssential..<order.count {
                        candidate = min(candidate, docs[order[position]])
                    }
                    guard candidate != .terminated else { return }

                    matched.removeAll(keepingCapacity: true)
                    var partial = 0.0
                    for position in firstEssential..<order.count where docs[order[position]] == candidate {
                        let clause = order[position]
                        contributions[clause] = scorers[clause].score()
                        partial += contributions[clause]
                        matched.append(clause)
                    }
                    var pruned = false
                    for position in stride(from: firstEssential - 1, through: 0, by: -1) {
                        guard Self.canBeat(partial + boundSums[position + 1], threshold) else {
                            pruned = true
                            break
                        }
                        let clause = order[position]
                        if docs[clause] < candidate {
                            docs[clause] = scorers[clause].advance(to: candidate)
                        }
                        if docs[clause] == candidate {
                            contributions[clause] = scorers[clause].score()
                            partial += contributions[clause]
                            matched.append(clause)
                        }
                    }
                    if !pruned {
                        matched.sort()
                        var total = 0.0
                        for clause in matched {
                            total += contributions[clause]
                        }
                        collect(doc: candidate, score: total)
                    }
                    for position in firstEssential..<order.count where docs[order[position]] == candidate {
                        docs[order[position]] = scorers[order[position]].next()
                    }
                }
            }
        }
    }

    /// Whether a score estimated at `estimate` may exceed `threshold`, with a relative margin that absorbs the
    /// rounding of summing in another order.
    private static func canBeat(_ estimate: Double, _ threshold: Double) -> Bool {
        estimate * (1 + 1e-9) + 1e-300 > threshold
    }
}

extension ScoredDoc: Ranked {}
