import Foundation

/// One user's rating of a film in an external ratings set (MovieLens), kept for the recommender.
public struct ExternalRating: Hashable, Codable, Sendable {
    public var userID: Int
    public var movieID: Int
    public var rating: Double
    public var timestamp: Int
}

/// One user's tag on a film in an external ratings set (MovieLens).
public struct ExternalTag: Hashable, Codable, Sendable {
    public var userID: Int
    public var movieID: Int
    public var tag: String
    public var timestamp: Int
}

/// What the readers of dataset files collect before the merge: records per source, issues, and the side tables
/// some datasets spread over several files (MovieLens links and ratings, Ministry of Culture box office).
struct ImportContext {
    var records: [Source: [SourceRecord]] = [:]
    var reports: [Source: SourceReport] = [:]
    /// Stop at the first malformed row instead of skipping it.
    let stopOnFirstError: Bool

    var movielensLinks: [String: (imdb: String?, tmdb: String?)] = [:]
    var externalRatings: [ExternalRating]?
    var externalRatingsFingerprint: String?
    var externalTags: [ExternalTag]?
    var mkrfBoxOffice: [String: Double] = [:]

    init(stopOnFirstError: Bool) {
        self.stopOnFirstError = stopOnFirstError
    }

    mutating func add(_ record: SourceRecord) {
        records[record.source, default: []].append(record)
    }

    mutating func noteFile(_ file: URL, for source: Source) {
        reports[source, default: SourceReport(source: source)].files.append(file.path)
    }

    /// Records a rejected row; throws when the import stops on the first malformed row.
    mutating func reject(_ issue: ImportIssue, source: Source) throws {
        if stopOnFirstError { throw ImportError(.malformedRecord, issue.description) }
        reports[source, default: SourceReport(source: source)].rejected.append(issue)
    }

    mutating func warn(_ issue: ImportIssue, source: Source) {
        reports[source, default: SourceReport(source: source)].warnings.append(issue)
    }

    /// Maps genre words to canonical genres; words that map to nothing are warned about and dropped.
    mutating func genres(_ words: [String], source: Source, origin: String) -> [Genre] {
        var result: [Genre] = []
        for word in words {
            guard let trimmed = word.nonBlank, !Genre.isIgnored(trimmed) else { continue }
            if let genre = Genre.lookup(trimmed) {
                if !result.contains(genre) { result.append(genre) }
            } else {
                warn(ImportIssue(origin: origin, message: "unknown genre '\(trimmed)'"), source: source)
            }
        }
        return result
    }

    /// Maps country names (each may list several, as `"США - Великобритания"`) to ISO codes; names that map to
    /// nothing are warned about and dropped.
    mutating func countries(_ names: [String], source: Source, origin: String) -> [String] {
        var result: [String] = []
        for name in names {
            guard name.nonBlank != nil else { continue }
            let parsed = Country.parseList(name)
            for country in parsed.countries where !result.contains(country.code) { result.append(country.code) }
            for unknown in parsed.unknown {
                let message = unknown.allSatisfy(\.isNumber) ? "'\(unknown)' is not a country" : "unknown country '\(unknown)'"
                warn(ImportIssue(origin: origin, message: message), source: source)
            }
        }
        return result
    }
}

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
