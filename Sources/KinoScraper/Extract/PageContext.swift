import Foundation
import KinoCatalog

/// What every extractor of one page shares: the page's URL, the site, the base for relative links and the fetch time.
struct PageContext {
    /// The page's canonical URL: the key of its records.
    let url: URL
    let site: FilmSite
    /// What relative links resolve against: `<base href>` or the URL the page was fetched from.
    let base: URL
    let fetchedAt: Date

    /// An empty record of the page: scraped source, keyed and originating at the page URL, with the film id the URL
    /// carries.
    func newRecord() -> SourceRecord {
        var record = SourceRecord(source: .scraped, sourceID: url.absoluteString)
        record.origin = url.absoluteString
        record.fetchedAt = fetchedAt
        if let id = FilmSite.filmID(in: url) { record.externalIDs[id.namespace] = id.value }
        return record
    }

    /// A link of the page made absolute; nil when it does not parse.
    func resolve(_ href: String) -> URL? {
        Self.resolve(href, against: base)
    }

    /// `href` resolved against `base`, with spaces and non-ASCII characters percent-encoded when the raw text is not
    /// a valid URL.
    static func resolve(_ href: String, against base: URL) -> URL? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if let url = URL(string: trimmed, relativeTo: base) { return url.absoluteURL }
        let allowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(["#", "%"])
        guard let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)?.absoluteURL
    }
}
