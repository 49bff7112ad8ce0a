import KinoText
@testable import KinoIndex

/// The brute-force answer to every question a segment reader can be asked, computed from the documents directly.
struct SegmentOracle {
    struct Key: Hashable {
        let field: FieldID
        let term: String
    }

    /// Per term, per document in increasing order, the positions of the term.
    var postings: [Key: [(doc: DocID, positions: [UInt32])]] = [:]
    /// Per document, per field, the length.
    var lengths: [[FieldID: UInt32]] = []

    init(schema: Schema, documents: [Document], analyzer: Analyzer = Analyzer()) {
        for (index, document) in documents.enumerated() {
            let doc = DocID(index)
            var perTerm: [Key: [UInt32]] = [:]
            var docLengths: [FieldID: UInt32] = [:]
            var bases: [FieldID: UInt32] = [:]
            for (field, text) in document.fields {
                let base = bases[field] ?? 0
                var valueLength: UInt32 = 0
                for token in analyzer.tokens(text) {
                    perTerm[Key(field: field, term: token.stem), default: []].append(base + UInt32(token.position))
                    valueLength = max(valueLength, UInt32(token.position) + 1)
                }
                if valueLength > 0 {
                    docLengths[field, default: 0] += valueLength
                    bases[field] = base + valueLength + 1
                }
            }
            for (key, positions) in perTerm {
                postings[key, default: []].append((doc, positions.sorted()))
            }
            lengths.append(docLengths)
        }
    }

    /// The keys in the dictionary's order: by field id, then by the term's UTF-8 bytes.
    var sortedKeys: [Key] {
        postings.keys.sorted { lhs, rhs in
            TermKey.precedes(TermKey.make(field: lhs.field, term: lhs.term), TermKey.make(field: rhs.field, term: rhs.term))
        }
    }
}
