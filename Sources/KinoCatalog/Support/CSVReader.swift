import Foundation

/// Reads RFC 4180 CSV (quoted fields with embedded separators, quotes and line breaks; CRLF or LF) from bytes,
/// keeping the line on which each row starts so that errors can name it.
///
/// Written here rather than taken from a CSV package because importers must report a malformed row by file and
/// line and go on with the next one, which the available packages do not expose.
struct CSVReader {
    struct Row {
        /// The 1-based line on which the row starts.
        var line: Int
        var fields: [String]
    }

    enum RowError: Error, Equatable {
        case invalidUTF8(line: Int)
        case unterminatedQuote(line: Int)
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    let path: String

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    init(contentsOf url: URL) throws {
        self.init(bytes: Array(try Data(contentsOf: url)), path: url.path)
    }

    /// The next row, nil at the end of input, or an error for a row that cannot be read (the reader then stands at
    /// the start of the following line, so reading can go on).
    mutating func next() -> Result<Row, RowError>? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var invalid = false

        func finishField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                invalid = true
                fields.append("")
            }
            field.removeAll(keepingCapacity: true)
        }

        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                finishField()
            case UInt8(ascii: "\""):
                if field.isEmpty { quoted = true } else { field.append(byte) }
            case UInt8(ascii: "\r"):
                if position < bytes.count, bytes[position] == UInt8(ascii: "\n") { continue }
                fallthrough
            case UInt8(ascii: "\n"):
                line += 1
                finishField()
                return invalid ? .failure(.invalidUTF8(line: startLine)) : .success(Row(line: startLine, fields: fields))
            default:
                field.append(byte)
            }
        }
        if quoted { return .failure(.unterminatedQuote(line: startLine)) }
        finishField()
        return invalid ? .failure(.invalidUTF8(line: startLine)) : .success(Row(line: startLine, fields: fields))
    }
}
