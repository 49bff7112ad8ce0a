import Foundation

/// A CSV dataset file read row by row, with fields looked up by column name and rows of the wrong width rejected.
struct CSVDataset {
    let name: String
    let header: [String]
    private var reader: CSVReader
    private let columns: [String: Int]

    /// Opens the file and checks that its header has the given columns.
    init(url: URL, requiredColumns: [String]) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogError(.unreadable, "\(url.path): cannot read the file")
        }
        reader = CSVReader(bytes: Array(data), path: url.path)
        name = url.lastPathComponent
        guard case .success(let row)? = reader.next() else {
            throw CatalogError(.unexpectedLayout, "\(url.path):1: no readable header row")
        }
        header = row.fields.map { $0.trimmingWhitespace() }
        columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw CatalogError(.unexpectedLayout, "\(url.path):1: missing columns \(missing.joined(separator: ", "))")
        }
    }

    /// Calls `body` for every well-formed row; rows that cannot be read or have the wrong number of fields, and rows
    /// for which `body` throws a ``RowRejection``, go to `reject` with their line.
    mutating func forEachRow(_ body: (CSVRow) throws -> Void, reject: (ImportIssue) throws -> Void) throws {
        while let result = reader.next() {
            switch result {
            case .failure(.invalidUTF8(let line)):
                try reject(ImportIssue(origin: "\(name):\(line)", message: "the row is not valid UTF-8"))
            case .failure(.unterminatedQuote(let line)):
                try reject(ImportIssue(origin: "\(name):\(line)", message: "a quoted field is never closed"))
            case .success(let row):
                if row.fields.count == 1, row.fields[0].isEmpty { continue }
                let origin = "\(name):\(row.line)"
                guard row.fields.count == header.count else {
                    try reject(ImportIssue(origin: origin, message: "expected \(header.count) fields, found \(row.fields.count)"))
                    continue
                }
                do {
                    try body(CSVRow(origin: origin, fields: row.fields, columns: columns))
                } catch let rejection as RowRejection {
                    try reject(ImportIssue(origin: origin, message: rejection.message))
                }
            }
        }
    }
}

/// One row of a ``CSVDataset``.
struct CSVRow {
    let origin: String
    let fields: [String]
    let columns: [String: Int]

    /// The trimmed field of the column; nil when it is blank.
    subscript(_ column: String) -> String? {
        guard let index = columns[column] else { return nil }
        return fields[index].nonBlank
    }

    /// The field as a whole number, nil when blank; a field that is not a number rejects the row.
    func integer(_ column: String) throws -> Int? {
        guard let text = self[column] else { return nil }
        guard let value = Int(text) ?? Double(text).flatMap({ $0.isFinite && $0 == $0.rounded() ? Int(exactly: $0) : nil }) else {
            throw RowRejection("\(column): '\(text)' is not a whole number")
        }
        return value
    }

    /// The field as a number, nil when blank; a field that is not a number rejects the row.
    func number(_ column: String) throws -> Double? {
        guard let text = self[column] else { return nil }
        guard let value = Double(text), value.isFinite else { throw RowRejection("\(column): '\(text)' is not a number") }
        return value
    }

    /// The field of a column every row must have.
    func required(_ column: String) throws -> String {
        guard let text = self[column] else { throw RowRejection("\(column) is empty") }
        return text
    }
}

/// Thrown while reading a row to reject it with a reason.
struct RowRejection: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
