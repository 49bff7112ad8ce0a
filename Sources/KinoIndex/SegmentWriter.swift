import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KinoText

/// Builds one immutable segment in memory and writes it to a directory.
///
/// Each text is analysed with KinoText's ``Analyzer``; every token's stem (or its normalized form, in a field that is
/// not stemmed) is indexed at its position. Values of a
/// field that appears several times in a document follow each other with a one-position gap. A field's length in a
/// document is its number of word positions: the last position + 1 of each value, summed (gaps not counted).
public struct SegmentWriter: Sendable {
    /// The schema every document is checked against.
    public let schema: Schema
    private let analyzer: Analyzer
    private let fieldSlots: [FieldID: Int]
    private var postings = PostingsWriter()
    private var fieldLengths: FieldLengthsWriter
    private var stored = StoredFieldsWriter()
    private var columns: ColumnsWriter
    /// The number of documents added so far; the next document gets this id.
    public private(set) var docCount = 0

    /// Makes an empty writer.
    public init(schema: Schema, analyzer: Analyzer = Analyzer()) {
        self.schema = schema
        self.analyzer = analyzer
        var slots: [FieldID: Int] = [:]
        for (slot, field) in schema.fields.enumerated() {
            slots[field.id] = slot
        }
        fieldSlots = slots
        fieldLengths = FieldLengthsWriter(fields: schema.fields.map(\.id))
        columns = ColumnsWriter(columns: schema.columns)
    }

    /// Adds a document and returns its id. Unknown fields or columns and column values of the wrong type are
    /// refused with ``IndexError/Code/invalidArgument`` before anything is recorded.
    @discardableResult
    public mutating func addDocument(_ document: Document) throws(IndexError) -> DocID {
        guard docCount < Int(DocID.terminated) - 1 else {
            throw IndexError(.invalidArgument, "segment: too many documents")
        }
        for (field, _) in document.fields where fieldSlots[field] == nil {
            throw IndexError(.invalidArgument, "segment: \(field) is not in the schema")
        }
        for (id, value) in document.columns {
            guard let column = schema.column(id) else {
                throw IndexError(.invalidArgument, "segment: \(id) is not in the schema")
            }
            guard column.type == value.type else {
                throw IndexError(.invalidArgument, "segment: \(id) holds \(column.type), got \(value.type)")
            }
        }
        let doc = DocID(docCount)
        var lengths = [UInt32](repeating: 0, count: schema.fields.count)
        var bases = [UInt32](repeating: 0, count: schema.fields.count)
        let fields = document.fields
        var targets: [IndexedField] = []
        targets.reserveCapacity(4)
        var next = 0
        while next < fields.count {
            // Values of other fields that follow with the same text (a title also indexed unstemmed) are analysed
            // once for all of them.
            let text = fields[next].text
            targets.removeAll(keepingCapacity: true)
            repeat {
                let slot = fieldSlots[fields[next].field]!
                targets.append(IndexedField(id: fields[next].field, slot: slot, base: bases[slot],
                                            stemmed: schema.fields[slot].stemmed,
                                            keepsPositions: schema.fields[slot].positions))
                next += 1
            } while next < fields.count && fields[next].text == text
                && !targets.contains { $0.id == fields[next].field }
            var valueLength: UInt32 = 0
            analyzer.forEachToken(in: text) { token in
                valueLength = max(valueLength, UInt32(clamping: token.position + 1))
                for target in targets {
                    postings.add(field: target.id, term: target.stemmed ? token.stem : token.normalized, doc: doc,
                                 position: target.base &+ UInt32(clamping: token.position),
                                 keepPosition: target.keepsPositions)
                }
            }
            if valueLength > 0 {
                for target in targets {
                    lengths[target.slot] &+= valueLength
                    bases[target.slot] = target.base &+ valueLength &+ 1
                }
            }
        }
        fieldLengths.addDocument(lengths)
        stored.addDocument(document.stored)
        columns.addDocument(document.columns)
        docCount += 1
        return doc
    }

    /// Writes the segment's files into `directory` (created if missing) and returns the new segment's id. Every file
    /// is committed by rename; `meta.kix` comes last.
    @discardableResult
    public func write(to directory: String, segmentID: SegmentID = .random()) throws(IndexError) -> SegmentID {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw IndexFileWriter.ioError(directory, "cannot create directory")
        }
        // The postings and the per-document files do not depend on each other: each half is laid out, checksummed
        // and written on its own thread.
        let failure = Locked<IndexError?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            do throws(IndexError) {
                if half == 0 {
                    try writePostings(to: directory, segmentID: segmentID)
                } else {
                    try writeDocumentFiles(to: directory, segmentID: segmentID)
                }
            } catch {
                failure.withLock { first in first = first ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }

        var totals: [FieldID: UInt64] = [:]
        for (slot, field) in schema.fields.enumerated() {
            totals[field.id] = fieldLengths.totals[slot]
        }
        var metaFile = IndexFileWriter(kind: .meta, segmentID: segmentID)
        SegmentMeta(docCount: docCount, schema: schema, totalLengths: totals).serialize(into: &metaFile.body)
        try metaFile.commit(to: directory, name: SegmentFiles.meta)
        return segmentID
    }

    /// A field a text is indexed into, with what indexing it needs.
    private struct IndexedField {
        var id: FieldID
        var slot: Int
        /// The position the text's first token gets in this field.
        var base: UInt32
        var stemmed: Bool
        var keepsPositions: Bool
    }

    /// Writes the term dictionary, the postings, the positions and the typo index.
    private func writePostings(to directory: String, segmentID: SegmentID) throws(IndexError) {
        var termsFile = IndexFileWriter(kind: .terms, segmentID: segmentID)
        var postingsFile = IndexFileWriter(kind: .postings, segmentID: segmentID)
        var positionsFile = IndexFileWriter(kind: .positions, segmentID: segmentID)
        var typosFile = IndexFileWriter(kind: .typos, segmentID: segmentID)
        var serializer = PostingsSerializer()
        var dictionary = TermDictionarySerializer()
        // Typos are looked up among whole words, as typed: the unstemmed fields.
        var typos = TypoIndexWriter(fields: schema.fields.filter { !$0.stemmed }.map(\.id))
        for (ordinal, (key, termPostings)) in postings.inKeyOrder().enumerated() {
            let field = FieldID(UInt16(key[0]) << 8 | UInt16(key[1]))
            let keepsPositions = schema.field(field)?.positions ?? false
            dictionary.add(key, serializer.add(termPostings, keepsPositions: keepsPositions))
            typos.add(field: field, term: key.dropFirst(2), ordinal: ordinal)
        }
        dictionary.serialize(into: &termsFile.body)
        typos.serialize(into: &typosFile.body)
        postingsFile.body = serializer.postings
        positionsFile.body = serializer.positions
        try termsFile.commit(to: directory, name: SegmentFiles.terms)
        try postingsFile.commit(to: directory, name: SegmentFiles.postings)
        try positionsFile.commit(to: directory, name: SegmentFiles.positions)
        try typosFile.commit(to: directory, name: SegmentFiles.typos)
    }

    /// Writes the field lengths, the stored fields and the columns.
    private func writeDocumentFiles(to directory: String, segmentID: SegmentID) throws(IndexError) {
        var lengthsFile = IndexFileWriter(kind: .fieldLengths, segmentID: segmentID)
        fieldLengths.serialize(into: &lengthsFile.body, docCount: docCount)
        try lengthsFile.commit(to: directory, name: SegmentFiles.fieldLengths)
        var storedFile = IndexFileWriter(kind: .storedFields, segmentID: segmentID)
        stored.serialize(into: &storedFile.body)
        try storedFile.commit(to: directory, name: SegmentFiles.stored)
        var columnsFile = IndexFileWriter(kind: .columns, segmentID: segmentID)
        columns.serialize(into: &columnsFile.body)
        try columnsFile.commit(to: directory, name: SegmentFiles.columns)
    }
}
