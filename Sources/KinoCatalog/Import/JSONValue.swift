import Foundation

/// A JSON number as `JSONSerialization` returns it; nil for anything else, booleans included.
///
/// `value is Bool` cannot tell them apart: on Linux the numbers 0 and 1 cast to `Bool`, so a check written that way
/// loses every count, page or age rating of 0 or 1. A JSON boolean is the one number whose type code is `c`.
package func jsonNumber(_ value: Any?) -> NSNumber? {
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
    return number
}

/// Typed reads from the dictionaries `JSONSerialization` returns.
extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? {
        if let text = self[key] as? String { return text.nonBlank }
        if let number = jsonNumber(self[key]) { return number.stringValue }
        return nil
    }

    func int(_ key: String) -> Int? {
        if let number = jsonNumber(self[key]) {
            let value = number.doubleValue
            return value.isFinite && value == value.rounded() && abs(value) < 9e18 ? Int(value) : nil
        }
        if let text = self[key] as? String { return Int(text.trimmingWhitespace()) }
        return nil
    }

    func double(_ key: String) -> Double? {
        if let number = jsonNumber(self[key]) {
            return number.doubleValue.isFinite ? number.doubleValue : nil
        }
        if let text = self[key] as? String { return Double(text.trimmingWhitespace()) }
        return nil
    }

    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }

    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }

    func strings(_ key: String) -> [String] { (self[key] as? [Any])?.compactMap { ($0 as? String)?.nonBlank } ?? [] }
}

/// Reads a JSON file, turning a parse failure into an import error that names the file and the line.
func readJSON(_ url: URL) throws -> Any {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw CatalogError(.unreadable, "\(url.path): cannot read the file")
    }
    return try parseJSON(data, name: url.path)
}

/// Parses JSON; a failure names the file and, where the parser says, the line of the fault.
func parseJSON(_ data: Data, name: String) throws -> Any {
    do {
        return try JSONSerialization.jsonObject(with: data)
    } catch {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        var location = ""
        if let range = detail.range(of: #"character (\d+)"#, options: .regularExpression),
           let offset = Int(detail[range].dropFirst("character ".count)) {
            let line = data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            location = ":\(line)"
        }
        throw CatalogError(.malformedRecord, "\(name)\(location): not valid JSON (\(detail))")
    }
}
