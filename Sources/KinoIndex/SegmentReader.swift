/// An open segment: every file mapped and validated, with zero-copy readers over them.
///
/// Opening maps `meta.kix` and the structure files, validates each file's header, footer and checksum, and checks
/// that all of them carry the same segment id and agree on the document count. After that, lookups read the mapped
/// bytes directly. A reader is immutable and can be shared between tasks.
public final class SegmentReader: Sendable {
    /// The segment's id, from its files' headers.
    public let segmentID: SegmentID
    /// The schema the segment was written with.
    public let schema: Schema
    /// The number of documents; their ids are `0..<docCount`.
    public let docCount: Int
    /// The sorted terms of all fields.
    public let terms: TermDictionaryReader
    /// Per-document field lengths.
    public let fieldLengths: FieldLengthsReader
    /// Per-document stored bytes.
    public let storedFields: StoredFieldsReader
    /// Per-document column values.
    public let columns: ColumnsReader
    private let totalLengths: [FieldID: UInt64]
    /// ``averageLength(field:)`` by field id, worked out once (a weight asks for it for every field of every term).
    private let averageLengths: [Double]
    /// The dictionary's terms by text, for look-ups without seeking.
    let termTable: TermTable
    /// The typo index of the unstemmed fields; nil in a segment of format version 1, which has none.
    let typos: TypoIndexReader?
    private let postingsBody: ByteView
    private let positionsBody: ByteView
    /// How the postings blocks are written: packed from format version 3, varints before.
    private let postingsEncoding: PostingsCursor.Encoding
    /// ``facetRows(for:)`` by their columns, made on first use.
    private let facetRowsByColumns = Locked<[[ColumnID]: FacetRows]>([:])

    /// Maps and validates the segment in `directory`.
    public init(directory: String) throws(IndexError) {
        let metaFile = try MappedFile(directory: directory, name: SegmentFiles.meta, kind: .meta)
        let meta = try SegmentMeta(file: metaFile)
        segmentID = metaFile.segmentID
        schema = meta.schema
        docCount = meta.docCount
        totalLengths = meta.totalLengths
        var averages = [Double](repeating: 0, count: Int(meta.totalLengths.keys.map { $0.rawValue }.max() ?? 0) + 1)
        for (field, total) in meta.totalLengths where meta.docCount > 0 {
            averages[Int(field.rawValue)] = Double(total) / Double(meta.docCount)
        }
        averageLengths = averages

        func open(_ name: String, _ kind: FileKind) throws(IndexError) -> MappedFile {
            let file = try MappedFile(directory: directory, name: name, kind: kind)
            guard file.segmentID == metaFile.segmentID else {
                throw IndexError(.corrupt, "\(name): belongs to segment \(file.segmentID), not \(metaFile.segmentID)")
            }
            guard file.version == metaFile.version else {
                throw IndexError(.corrupt, "\(name): format version \(file.version), the segment's is \(metaFile.version)")
            }
            return file
        }
        terms = try TermDictionaryReader(file: open(SegmentFiles.terms, .terms))
        termTable = TermTable(terms)
        postingsBody = try open(SegmentFiles.postings, .postings).body
        positionsBody = try open(SegmentFiles.positions, .positions).body
        fieldLengths = try FieldLengthsReader(file: open(SegmentFiles.fieldLengths, .fieldLengths), docCount: docCount)
        storedFields = try StoredFieldsReader(file: open(SegmentFiles.stored, .storedFields), docCount: docCount)
        columns = try ColumnsReader(file: open(SegmentFiles.columns, .columns), docCount: docCount)
        postingsEncoding = metaFile.version >= 3 ? .packed : .varint
        typos = metaFile.version >= 2 ? try TypoIndexReader(file: open(SegmentFiles.typos, .typos)) : nil
    }

    /// The dictionary entry of `term` (an analysed term, as ``Analyzer/terms(_:)`` makes) in `field`, or nil.
    public func termInfo(field: FieldID, term: String) -> TermInfo? {
        termTable.termInfo(field: field, term: term)
    }

    /// Whether some field's dictionary has `term`.
    public func hasTerm(_ term: String) -> Bool {
        termTable.entries(of: term).contains { _ in true }
    }

    /// Whether the dictionary of one of `fields` has `term`: one look-up for all of them.
    public func hasTerm(_ term: String, inAnyOf fields: [FieldID]) -> Bool {
        termTable.entries(of: term).contains { entry in fields.contains(entry.field) }
    }

    /// The values of `columns` for every document, each document's together, made from the columns on the first
    /// call for these columns (a pass over every document) and kept while the segment is open.
    func facetRows(for columns: [ColumnID]) -> FacetRows {
        facetRowsByColumns.withLock { made in
            if let rows = made[columns] { return rows }
            let rows = FacetRows(columns: columns, in: self.columns, docCount: docCount)
            made[columns] = rows
            return rows
        }
    }

    /// Makes the rows that counting facets of `columns` reads (``facetRows(for:)``) now rather than in the first
    /// search that counts them: a pass over every document.
    public func prepareFacetCounts(for columns: [ColumnID]) {
        _ = facetRows(for: columns)
    }

    /// A cursor over the documents that contain `term` in `field`, or nil if none do.
    public func postings(field: FieldID, term: String) -> PostingsCursor? {
        termInfo(field: field, term: term).map(postings)
    }

    /// A cursor over the postings a dictionary entry points to.
    public func postings(_ info: TermInfo) -> PostingsCursor {
        PostingsCursor(info: info, postings: postingsBody, positions: positionsBody, fileName: SegmentFiles.postings,
                       encoding: postingsEncoding)
    }

    /// The terms of `field` that start with `prefix` (an as-you-type prefix), in byte order, read lazily from the
    /// in-memory ``TermTable``.
    public func terms(field: FieldID, prefix: String) -> some Sequence<(term: String, info: TermInfo)> {
        let key = TermKey.make(field: field, term: prefix)
        var cursor = termTable.cursor()
        cursor.seek(to: key)
        return sequence(state: cursor) { cursor in
            guard let entry = cursor.next(), entry.key.starts(with: key) else { return nil }
            return (term: String(decoding: entry.key.dropFirst(2), as: UTF8.self), info: entry.info)
        }
    }

    /// The `count` terms of `field` that start with `prefix` with the highest document frequencies (ties in byte
    /// order), most frequent first, without making strings of the others.
    public func mostFrequentTerms(field: FieldID, prefix: String, count: Int) -> [(term: String, info: TermInfo)] {
        termTable.mostFrequent(withPrefix: TermKey.make(field: field, term: prefix), count: count)
    }

    /// The terms of `field` within `maxEdits` edits of `term`, in byte order, with their distances.
    ///
    /// The distance is the optimal-string-alignment distance counted in Unicode scalars: inserting, deleting or
    /// substituting one scalar, or swapping two adjacent ones, costs 1 ("матрица" → "матрицы" and "matirx" → "matrix"
    /// are both 1), and no substring is edited twice ("ca" → "abc" is 3, not 2). `maxEdits` is clamped to `0...2`.
    ///
    /// Only terms whose first `prefixLength` scalars are those of `term` (all of them when it is shorter) are
    /// returned; a longer prefix makes the lookup cheaper. When the prefix keeps at least the first scalar and the
    /// field is in the typo index, the candidates come from there (a few hash probes) and each is checked; otherwise
    /// the lookup walks the in-memory ``TermTable``, seeking past every run of terms that share a prefix too far
    /// from `term`.
    public func terms(field: FieldID, fuzzy term: String, maxEdits: Int, prefixLength: Int = 0) -> [FuzzyTerm] {
        let edits = min(max(maxEdits, 0), TermDictionaryReader.maxFuzzyEdits)
        return fuzzyTermsByTypoIndex(field: field, term: term, maxEdits: edits, prefixLength: prefixLength)
            ?? fuzzyTermsByWalk(field: field, term: term, maxEdits: edits, prefixLength: prefixLength)
    }

    /// ``terms(field:fuzzy:maxEdits:prefixLength:)`` through the typo index, or nil when it cannot answer: a segment
    /// without one, a field it does not cover, an empty term, no fixed first scalar, or more edits than its keys.
    func fuzzyTermsByTypoIndex(field: FieldID, term: String, maxEdits: Int, prefixLength: Int) -> [FuzzyTerm]? {
        guard let typos, prefixLength >= 1, maxEdits <= typos.maxDeletions, typos.covers(field) else { return nil }
        let query = Array(term.unicodeScalars)
        guard !query.isEmpty else { return nil }
        let candidates = typos.candidates(field: field, query: query, maxEdits: maxEdits)
        return termTable.fuzzyTerms(among: candidates, field: field, query: query, maxEdits: maxEdits,
                                    prefixLength: min(prefixLength, query.count))
    }

    /// ``terms(field:fuzzy:maxEdits:prefixLength:)`` by walking the dictionary, whatever the typo index holds.
    func fuzzyTermsByWalk(field: FieldID, term: String, maxEdits: Int, prefixLength: Int) -> [FuzzyTerm] {
        var cursor = termTable.cursor()
        return TermDictionaryReader.terms(in: &cursor, field: field, fuzzy: term, maxEdits: maxEdits,
                                          prefixLength: prefixLength).terms
    }

    /// The term with this ordinal in the whole dictionary (all fields, in byte order), or nil.
    public func term(at ordinal: Int) -> (field: FieldID, term: String, info: TermInfo)? {
        guard let entry = terms.term(at: ordinal), let (field, term) = TermKey.split(entry.key) else { return nil }
        return (field, term, entry.info)
    }

    /// The sum of `field`'s lengths over all documents.
    public func totalLength(field: FieldID) -> UInt64 {
        totalLengths[field] ?? 0
    }

    /// The average length of `field` per document (0 in an empty segment), BM25's `avgdl`.
    public func averageLength(field: FieldID) -> Double {
        Int(field.rawValue) < averageLengths.count ? averageLengths[Int(field.rawValue)] : 0
    }
}
