/// One term searched in several fields at once and scored with BM25F: the field frequencies are weighted and
/// length-normalised per field, summed into one pseudo-frequency, and saturated once with a shared `k1`.
///
/// For a document `d`:
///
///     t(d)     = Σ_f  w_f · tf_f(d) / (1 − b_f + b_f · len_f(d) / avglen_f)
///     score(d) = boost · idf · t(d) · (k1 + 1) / (k1 + t(d))
///     idf      = ln(1 + (N − df + 0.5) / (df + 0.5)),   df = max_f df_f
///
/// `tf_f` is the term's frequency in field `f`, `len_f` the field's length in the document and `avglen_f` its
/// average over the snapshot (a normalisation of 1 when that average is 0). The exact number of documents that contain
/// the term in any of the fields would need a pass over all postings, so `df` is estimated by the largest per-field
/// document frequency. Fields with the term in no document are left out; a document matches if it contains the
/// term in at least one of the fields.
public struct MultiFieldTermQuery: Query {
    /// The analysed term.
    public var term: String
    /// The fields with their weights and `b`s.
    public var fields: [FieldWeighting]
    /// The term-frequency saturation, shared by all fields.
    public var k1: Double
    /// A factor applied to the whole score.
    public var boost: Double

    /// Makes a BM25F query for `term` over `fields`.
    public init(term: String, fields: [FieldWeighting], k1: Double = 1.2, boost: Double = 1) {
        self.term = term
        self.fields = fields
        self.k1 = max(0, k1)
        self.boost = boost
    }

    public func weight(searcher: Searcher, scoring: Bool) -> any Weight {
        var parts: [TermWeight.Part] = []
        var docFrequency = 0
        // One look-up gives the term's entries in every field; the parts follow the order of `fields`.
        withUnsafeTemporaryAllocation(of: TermInfo?.self, capacity: fields.count) { infos in
            infos.initialize(repeating: nil)
            var found = 0
            for entry in searcher.segment.termTable.entries(of: term) {
                for index in fields.indices where fields[index].field == entry.field {
                    infos[index] = entry.info
                    found += 1
                }
            }
            guard found > 0 else { return }
            parts.reserveCapacity(found)
            for (weighting, info) in zip(fields, infos) {
                guard let info else { continue }
                docFrequency = max(docFrequency, Int(info.docFrequency))
                parts.append(TermWeight.Part(segment: searcher.segment, info: info, weighting: weighting,
                                             averageLength: searcher.averageLength(field: weighting.field), k1: k1))
            }
        }
        // A term in none of the fields weighs nothing, without the room a term weight takes.
        guard !parts.isEmpty else { return EmptyWeight() }
        let idf = BM25.idf(docFrequency: docFrequency, docCount: searcher.docCount)
        return TermWeight(parts: parts, idf: idf, boost: boost, scoring: scoring)
    }
}
