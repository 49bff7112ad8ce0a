import Foundation

/// Reads the JSON arrays of `{"name": ...}` objects that TMDB keeps inside CSV cells.
func jsonNames(_ text: String?, key: String = "name", column: String) throws -> [String] {
    guard let text, !text.isEmpty else { return [] }
    guard let data = text.data(using: .utf8),
          let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { throw RowRejection("\(column): not a JSON array of objects") }
    return array.compactMap { ($0[key] as? String)?.nonBlank }
}

/// Whether the text is written mostly in Cyrillic letters.
func isCyrillic(_ text: String) -> Bool {
    var cyrillic = 0, latin = 0
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x400...0x4FF: cyrillic += 1
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
        default: break
        }
    }
    return cyrillic > 0 && cyrillic >= latin
}

/// Whether the text has Latin letters and no Cyrillic ones.
func isLatin(_ text: String) -> Bool {
    var latin = false
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x400...0x4FF: return false
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin = true
        default: break
        }
    }
    return latin
}

/// The year of an ISO date or date-time (`2015-11-27T12:00:00.000Z` → 2015).
func yearOf(date: String?) -> Int? {
    guard let date, date.count >= 4, let year = Int(date.prefix(4)), (1850...2100).contains(year) else { return nil }
    return year
}

/// The `yyyy-mm-dd` part of an ISO date or date-time, when it is one.
func dayOf(date: String?) -> String? {
    guard let date, date.count >= 10 else { return nil }
    let day = String(date.prefix(10))
    let parts = day.split(separator: "-")
    guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), yearOf(date: day) != nil else { return nil }
    return day
}
