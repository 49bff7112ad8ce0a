import Foundation

/// Kinopoisk API (kinopoisk.dev) responses read from memory rather than from dataset files: what the scraper's API
/// source fetches. The records are the ones `kino import` makes of the same JSON in a file.
public enum KinopoiskAPIResponse {
    /// The records of one page of a film list (`{"docs": [...], "page", "pages", ...}`), with rejected items.
    public static func listRecords(_ data: Data, name: String, seriesList: Bool = false) throws
        -> (records: [SourceRecord], rejected: [ImportIssue], page: Int?, pages: Int?) {
        let json = try parseJSON(data, name: name)
        var context = ImportContext(stopOnFirstError: false)
        try KinopoiskAPIImporter.readList(json, name: name, originPrefix: name, seriesList: seriesList, into: &context)
        let page = (json as? [String: Any])?.int("page"), pages = (json as? [String: Any])?.int("pages")
        return (context.records[.kinopoiskList] ?? [], context.reports[.kinopoiskList]?.rejected ?? [], page, pages)
    }

    /// The record of one full film response (`/movie/{id}`), or why it was rejected.
    public static func filmRecord(_ data: Data, name: String) throws -> (record: SourceRecord?, rejected: [ImportIssue]) {
        let json = try parseJSON(data, name: name)
        var context = ImportContext(stopOnFirstError: false)
        try KinopoiskAPIImporter.readFull(json, name: name, origin: name, into: &context)
        return (context.records[.kinopoiskFull]?.first, context.reports[.kinopoiskFull]?.rejected ?? [])
    }
}
