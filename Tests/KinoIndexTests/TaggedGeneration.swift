import KinoText
@testable import KinoIndex

/// Small generations whose documents all carry their generation's number, so that a query's answer shows which
/// generation gave it.
enum TaggedGeneration {
    static let text = FieldID(0)
    static let number = ColumnID(0)
    /// The analysed term every document contains.
    static let common = Analyzer().terms("common").first ?? "common"

    static func schema() throws -> Schema {
        try Schema(fields: [.init(id: text, name: "text", positions: true)],
                   columns: [.init(id: number, name: "generation", type: .u32)])
    }

    /// The name of generation `number`.
    static func name(_ number: Int) -> String {
        let digits = String(number)
        return "g" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// How many documents generation `number` holds: not the same as its neighbours.
    static func documentCount(_ number: Int) -> Int {
        3 + number % 4
    }

    /// The stored bytes of a document.
    static func stored(generation: String, doc: Int) -> [UInt8] {
        Array("\(generation) document \(doc)".utf8)
    }

    /// A writer holding generation `number`'s documents.
    static func writer(_ number: Int) throws -> SegmentWriter {
        var writer = SegmentWriter(schema: try schema())
        for doc in 0..<documentCount(number) {
            try writer.addDocument(Document(
                fields: [(text, "common фильм" + String(repeating: " ещё", count: doc))],
                stored: stored(generation: name(number), doc: doc),
                columns: [Self.number: .u32(UInt32(number))]))
        }
        return writer
    }

    /// Runs a query against `searcher` and reads the hits' stored bytes and columns; returns what in the answer does
    /// not come from generation `generation`, or nil if all of it does.
    static func problem(_ searcher: Searcher, generation: String) -> String? {
        guard let number = IndexGenerations.number(generation) else { return "'\(generation)' is not a generation" }
        let hits = searcher.search(TermQuery(field: text, term: common), TopDocsCollector(k: 100)).topDocs
        let expected = documentCount(number)
        guard searcher.docCount == expected, hits.count == expected else {
            return "\(generation): \(hits.count) hits among \(searcher.docCount) documents, expected \(expected)"
        }
        for hit in hits {
            let tag = searcher.segment.columns.u32(Self.number, doc: hit.doc)
            let bytes = searcher.segment.storedFields.document(hit.doc)
            guard tag == UInt32(number), bytes == stored(generation: generation, doc: Int(hit.doc)) else {
                let text = bytes.map { String(decoding: $0, as: UTF8.self) } ?? "nothing"
                let number = tag.map(String.init) ?? "nothing"
                return "\(generation): document \(hit.doc) is tagged \(number) and stores '\(text)'"
            }
        }
        return nil
    }

    /// ``problem(_:generation:)`` for a lease's generation.
    static func problem(_ lease: LiveIndex.Lease) -> String? {
        problem(lease.searcher, generation: lease.generation)
    }
}
