/// The documents of a required scorer; an optional scorer adds its score where it matches too.
struct RequiredOptionalScorer: Scorer {
    private var required: any Scorer
    private var optional: any Scorer

    init(required: any Scorer, optional: any Scorer) {
        self.required = required
        self.optional = optional
    }

    var doc: DocID { required.doc }

    mutating func next() -> DocID { required.next() }

    mutating func advance(to target: DocID) -> DocID { required.advance(to: target) }

    mutating func score() -> Double {
        let current = required.doc
        var total = required.score()
        if optional.advance(to: current) == current {
            total += optional.score()
        }
        return total
    }
}
