import Foundation

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

    /// Vocabulary look-ups already made: datasets repeat the same few hundred words.
    private var genreWords: [String: Genre?] = [:]
    private var countryLists: [String: (countries: [Country], unknown: [String])] = [:]

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
        if stopOnFirstError { throw CatalogError(.malformedRecord, issue.description) }
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
            let looked = genreWords[trimmed] ?? Genre.lookup(trimmed)
            genreWords[trimmed] = looked
            if let genre = looked {
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
            let parsed = countryLists[name] ?? Country.parseList(name)
            countryLists[name] = parsed
            for country in parsed.countries where !result.contains(country.code) { result.append(country.code) }
            for unknown in parsed.unknown {
                let message = unknown.allSatisfy(\.isNumber) ? "'\(unknown)' is not a country" : "unknown country '\(unknown)'"
                warn(ImportIssue(origin: origin, message: message), source: source)
            }
        }
        return result
    }
}
