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
public struct SegmentWriter {
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
        for (field, text) in document.fields {
            let slot = fieldSlots[field]!
            let keepPositions = schema.fields[slot].positions
            let stemmed = schema.fields[slot].stemmed
            let base = bases[slot]
            var valueLength: UInt32 = 0
            analyzer.forEachToken(in: text) { token in
                valueLength = max(valueLength, UInt32(clamping: token.position + 1))
                postings.add(field: field, term: stemmed ? token.stem : token.normalized, doc: doc,
                             position: base &+ UInt32(clamping: token.position), keepPosition: keepPositions)
            }
            if valueLength > 0 {
                lengths[slot] &+= valueLength
                bases[slot] = base &+ valueLength &+ 1
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
        var termsFile = IndexFileWriter(kind: .terms, segmentID: segmentID)
        var postingsFile = IndexFileWriter(kind: .postings, segmentID: segmentID)
        var positionsFile = IndexFileWriter(kind: .positions, segmentID: segmentID)
        var serializer = PostingsSerializer()
        var dictionary = TermDictionarySerializer()
        for (key, termPostings) in postings.inKeyOrder() {
            let field = FieldID(UInt16(key[0]) << 8 | UInt16(key[1]))
            let keepsPositions = schema.field(field)?.positions ?? false
            dictionary.add(key, serializer.add(termPostings, keepsPositions: keepsPositions))
        }
        dictionary.serialize(into: &termsFile.body)
        postingsFile.body = serializer.postings
        positionsFile.body = serializer.positions

        var lengthsFile = IndexFileWriter(kind: .fieldLengths, segmentID: segmentID)
        fieldLengths.serialize(into: &lengthsFile.body, docCount: docCount)
        var storedFile = IndexFileWriter(kind: .storedFields, segmentID: segmentID)
        stored.serialize(into: &storedFile.body)
        var columnsFile = IndexFileWriter(kind: .columns, segmentID: segmentID)
        columns.serialize(into: &columnsFile.body)
        var totals: [FieldID: UInt64] = [:]
        for (slot, field) in schema.fields.enumerated() {
            totals[field.id] = fieldLengths.totals[slot]
        }
        var metaFile = IndexFileWriter(kind: .meta, segmentID: segmentID)
        SegmentMeta(docCount: docCount, schema: schema, totalLengths: totals).serialize(into: &metaFile.body)

        try termsFile.commit(to: directory, name: SegmentFiles.terms)
        try postingsFile.commit(to: directory, name: SegmentFiles.postings)
        try positionsFile.commit(to: directory, name: SegmentFiles.positions)
        try lengthsFile.commit(to: directory, name: SegmentFiles.fieldLengths)
        try storedFile.commit(to: directory, name: SegmentFiles.stored)
        try columnsFile.commit(to: directory, name: SegmentFiles.columns)
        try metaFile.commit(to: directory, name: SegmentFiles.meta)
        return segmentID
    }
}
