import Foundation
import KinoCatalog

/// What every extractor of one page shares: the page's URL, the site, the base for relative links and the fetch time.
struct PageContext {
    /// The page's canonical URL: the key of its records.
    let url: URL
    let site: FilmSite
    /// What relative links resolve against: `<base href>` or the URL the page was fetched from.
    let links: LinkResolver
    let fetchedAt: Date

    init(url: URL, site: FilmSite, base: URL, fetchedAt: Date) {
        self.url = url
        self.site = site
        self.links = LinkResolver(base: base)
        self.fetchedAt = fetchedAt
    }

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
        links.resolve(href)
    }
}
