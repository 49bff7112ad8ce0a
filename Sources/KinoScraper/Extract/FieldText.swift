import Foundation
import KinoCatalog

/// Readings of the free text that pages put in film fields: years, dates, durations, amounts of money, scripts.
enum FieldText {
    static let years = 1870...2100

    /// The first plausible year in the text: a run of exactly four digits.
    static func year(in text: String) -> Int? {
        var digits = 0
        var value = 0
        var previousIsDigit = false
        for character in text.unicodeScalars.map({ $0 }) + [" "] {
            if let digit = asciiDigit(character) {
                if !previousIsDigit { digits = 0; value = 0 }
                digits += 1
                value = value &* 10 &+ digit
                previousIsDigit = true
                continue
            }
            if previousIsDigit, digits == 4, years.contains(value) { return value }
            previousIsDigit = false
        }
        return nil
    }

    /// The first `yyyy-mm-dd` date in the text with a valid month and day.
    static func isoDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10 else { return nil }
        for start in 0...(scalars.count - 10) {
            let window = scalars[start..<(start + 10)]
            let shape = window.enumerated().allSatisfy { offset, scalar in
                offset == 4 || offset == 7 ? scalar == "-" : asciiDigit(scalar) != nil
            }
            guard shape, start == 0 || asciiDigit(scalars[start - 1]) == nil,
                  start + 10 == scalars.count || asciiDigit(scalars[start + 10]) == nil
            else { continue }
            let date = String(String.UnicodeScalarView(window))
            let parts = date.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, years.contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) {
                return date
            }
        }
        return nil
    }

    /// Minutes from an ISO 8601 duration (`PT2H4M`, `PT124M`, `P0DT1H30M`) or a plain number of minutes (`124`,
    /// `124 min`); nil for anything else or a runtime outside 1...6000 minutes.
    static func minutes(_ raw: String) -> Int? {
        let text = raw.trimmed().uppercased()
        var total: Int?
        if text.hasPrefix("P") {
            var number = 0
            var hasNumber = false
            var inTime = false
            var sum = 0
            for character in text.dropFirst() {
                if let digit = character.wholeNumberValue, character.isASCII {
                    number = number &* 10 &+ digit
                    hasNumber = true
                    continue
                }
                switch character {
                case "T": inTime = true
                case "D" where hasNumber: sum += number * 1440
                case "H" where hasNumber && inTime: sum += number * 60
                case "M" where hasNumber && inTime: sum += number
                case "S", ".": break
                default: return nil
                }
                number = 0
                hasNumber = false
            }
            total = sum
        } else {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let rest = text.dropFirst(digits.count).trimmed()
            guard ["", "MIN", "MIN.", "MINUTES", "МИН", "МИН.", "МИНУТ"].contains(rest) else { return nil }
            total = Int(digits)
        }
        guard let total, (1...6000).contains(total) else { return nil }
        return total
    }

    /// Whether the text has Cyrillic letters.
    static func isCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// An amount of money as Wikipedia writes it: `$15 million`, `$1,584,970`, `$37–40 million`, `€9.5 million`,
    /// `US$50 million`; nil for currencies without a sure ISO code.
    static func money(_ raw: String) -> Money? {
        var text = raw.trimming(where: \.isWhitespace)
        let currency: String
        if text.hasPrefix("US$") {
            currency = "USD"; text = text.dropFirst(3)
        } else if let mark = text.first, let code = ["$": "USD", "€": "EUR", "£": "GBP"][mark] {
            currency = code; text = text.dropFirst()
        } else {
            return nil
        }
        text = text.drop { $0 == " " || $0 == "\u{A0}" }
        let number = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }
        guard var amount = Double(number.replacingOccurrences(of: ",", with: "")), amount > 0 else { return nil }
        let rest = text.dropFirst(number.count).lowercased()
        let scale = rest.range(of: "billion") != nil ? 1e9 : rest.range(of: "million") != nil ? 1e6 : 1
        amount *= scale
        return Money(amount: amount, currency: currency)
    }

    /// The text with the HTML character references that JSON-LD writers leave in strings decoded (`&apos;`,
    /// `&amp;`, `&#39;`, `&#x27;`, `&quot;`, `&nbsp;`, ...).
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";"),
                  let decoded = entity(String(after[..<semicolon]))
            else {
                result.append("&")
                rest = after
                continue
            }
            result.unicodeScalars.append(decoded)
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        switch name {
        case "amp": return "&"
        case "apos": return "'"
        case "quot": return "\""
        case "lt": return "<"
        case "gt": return ">"
        case "nbsp": return "\u{A0}"
        case "ndash": return "\u{2013}"
        case "mdash": return "\u{2014}"
        case "laquo": return "\u{AB}"
        case "raquo": return "\u{BB}"
        default: return nil
        }
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        (48...57).contains(scalar.value) ? Int(scalar.value - 48) : nil
    }
}
