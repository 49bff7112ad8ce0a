/// Parses the Python list literals that some scraped CSV files hold in a cell: `['Драма', 'Военный']`,
/// `["O'Brien", 'X']`, `[]`. Returns nil when the text is not such a list.
enum PythonListLiteral {
    static func parse(_ text: String) -> [String]? {
        var scalars = Substring(text.trimmingWhitespace()).unicodeScalars[...]
        guard scalars.first == "[", scalars.last == "]" else { return nil }
        scalars = scalars.dropFirst().dropLast()
        var items: [String] = []
        var iterator = scalars.makeIterator()
        var expectingItem = true
        while let scalar = iterator.next() {
            switch scalar {
            case " ", "\t", "\n", "\r":
                continue
            case ",":
                guard !expectingItem else { return nil }
                expectingItem = true
            case "'", "\"":
                guard expectingItem else { return nil }
                var item = String.UnicodeScalarView()
                var closed = false
                while let next = iterator.next() {
                    if next == "\\" {
                        guard let escaped = iterator.next() else { return nil }
                        item.append(escaped)
                    } else if next == scalar {
                        closed = true
                        break
                    } else {
                        item.append(next)
                    }
                }
                guard closed else { return nil }
                items.append(String(item))
                expectingItem = false
            default:
                return nil
            }
        }
        return items
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces).
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}

extension String {
    /// nil for an empty or blank string, else the trimmed string.
    var nonBlank: String? {
        let trimmed = trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension Optional where Wrapped == String {
    var nonBlank: String? { self?.nonBlank }
}
