import Foundation
import KinoCatalog

/// Turns one fetched page into what the scraper keeps: its kind, the film record it states, why anything it seemed
/// to state was rejected, and its links.
///
/// The page is parsed once. Its film comes from schema.org JSON-LD first, then a Wikipedia infobox, then the
/// OpenGraph and meta tags and the title; they merge field by field into one record per page, keyed by the page's
/// canonical URL. Kinopoisk cast pages give the film's people instead. List, person and other pages give no record,
/// only links.
public enum PageExtractor {
    /// Extracts a page.
    ///
    /// - Parameters:
    ///   - body: the page's bytes, in whatever charset it declares.
    ///   - url: the URL the page was fetched from (after redirects).
    ///   - contentType: the Content-Type header, whose charset wins over the page's own declaration.
    ///   - fetchedAt: when the page was fetched; records carry it.
    /// - Throws: ``ScraperError`` `.tooLarge` for a page over ``ExtractionLimits/maxPageBytes``, `.unreadablePage`
    ///   for an empty page or one that is not HTML.
    public static func extract(
        _ body: [UInt8], url: URL, contentType: String?, fetchedAt: Date, limits: ExtractionLimits = .default
    ) throws -> ExtractedPage {
        try extract(body, url: url, contentType: contentType, fetchedAt: fetchedAt, limits: limits, vocabulary: .extractors)
    }

    /// Extracts a page whose markup is cut down to `vocabulary` before parsing (tests compare against the whole page).
    package static func extract(
        _ body: [UInt8], url: URL, contentType: String?, fetchedAt: Date, limits: ExtractionLimits = .default,
        vocabulary: MarkupVocabulary
    ) throws -> ExtractedPage {
        guard body.count <= limits.maxPageBytes else {
            throw ScraperError(.tooLarge, "\(url.absoluteString): page of \(body.count) bytes is over the limit of \(limits.maxPageBytes)")
        }
        if let contentType, !isHTML(contentType) {
            throw ScraperError(.unreadablePage, "\(url.absoluteString): not an HTML page (Content-Type \(contentType))")
        }
        guard body.contains(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) else {
            throw ScraperError(.unreadablePage, "\(url.absoluteString): the page is empty")
        }
        let charset = HTMLCharset.detect(body, contentType: contentType)
        let document = try HTMLDocument(bytes: body, charset: charset, url: url.absoluteString, keeping: vocabulary)
        guard let root = document.root else {
            throw ScraperError(.unreadablePage, "\(url.absoluteString): the page has no HTML elements")
        }
        let scan = PageScan(root)
        let canonical = canonicalURL(scan, fetched: url)
        // A page read from a file resolves its links against where it was published.
        let published = url.isFileURL ? canonical : url
        let base = scan.baseHref.flatMap { LinkResolver(base: published).resolve($0) } ?? published
        let site = FilmSite(canonical)
        let context = PageContext(url: canonical, site: site, base: base, fetchedAt: fetchedAt)
        let urlKind = site.kind(of: canonical) ?? (url.isFileURL ? nil : site.kind(of: url))
        var page = ExtractedPage(url: canonical, kind: urlKind ?? .other, links: PageLinks.resolve(scan.hrefs, with: context.links))

        switch urlKind {
        case .cast where site == .kinopoisk:
            do throws(PageRejection) {
                page.records = [try KinopoiskCastExtractor.extract(root, scan: scan, context: context)]
            } catch {
                page.rejections.append(error.message)
            }
        case .film, nil:
            let (record, rejections) = filmRecord(scan, context: context, limits: limits)
            page.rejections += rejections
            if let record {
                page.records = [record]
                page.kind = .film
            }
        case .cast, .person, .list, .other:
            break
        }
        return page
    }

    /// The page's one film record, merged from its sources in order, and the rejections met on the way.
    private static func filmRecord(_ scan: PageScan, context: PageContext, limits: ExtractionLimits) -> (SourceRecord?, [String]) {
        var rejections: [String] = []
        var films: [SourceRecord] = []
        for (index, script) in scan.jsonLDScripts.enumerated() {
            let number = index + 1
            let size = script.ownTextByteCount
            guard size <= limits.maxJSONLDBytes else {
                rejections.append("JSON-LD script \(number) of \(size) bytes is over the limit of \(limits.maxJSONLDBytes); skipped")
                continue
            }
            do throws(PageRejection) {
                for object in try JSONLDScript.films(in: script.ownText, number: number, limits: limits) {
                    films.append(try JSONLDFilm(object: object, context: context).record())
                }
            } catch {
                rejections.append(error.message)
            }
        }
        // Several film objects of one page describe its one film (a Movie and its VideoObject's copy); one that names
        // another film is not the page's.
        var record = films.first
        for other in films.dropFirst() {
            guard var merged = record else { break }
            if sameFilm(merged, other) {
                merged.fill(from: other)
                record = merged
            } else {
                rejections.append("JSON-LD film \"\(other.allTitles.first ?? "")\" is not the page's film; not kept")
            }
        }
        let infobox = scan.infobox.flatMap { InfoboxExtractor.record($0, context: context) }
        let meta = MetaTagsExtractor.record(scan, context: context)
        // An infobox stands for a film on its own; meta tags only when the page looks like a film's.
        let fillers = [infobox.map { ($0, true) }, meta.map { ($0.record, $0.looksLikeFilm) }].compactMap { $0 }
        for (filler, standsAlone) in fillers {
            if var merged = record {
                merged.fill(from: filler)
                record = merged
            } else if standsAlone {
                record = filler
            }
        }
        if let found = record, !found.hasTitle {
            rejections.append("film record of \(context.url.absoluteString) without any title")
            return (nil, rejections)
        }
        return (record, rejections)
    }

    /// Whether two records name the same film: a shared title and no conflicting years.
    private static func sameFilm(_ a: SourceRecord, _ b: SourceRecord) -> Bool {
        let titles = Set(a.allTitles.map { $0.lowercased() })
        guard b.allTitles.contains(where: { titles.contains($0.lowercased()) }) else { return false }
        return a.year == nil || b.year == nil || a.year == b.year
    }

    /// The page's canonical URL: `<link rel=canonical>` or `og:url` when it is an http(s) URL on the same site as the
    /// fetched one (or when the page was read from a file), else the fetched URL.
    static func canonicalURL(_ scan: PageScan, fetched url: URL) -> URL {
        let fetchedHost = url.host.map(siteHost)
        for candidate in [scan.canonical, scan.meta("og:url")].compactMap({ $0 }) {
            guard let resolved = LinkResolver(base: url).resolve(candidate),
                  let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = resolved.host
            else { continue }
            if fetchedHost == nil || url.isFileURL || siteHost(host) == fetchedHost { return resolved }
        }
        return url
    }

    /// A host without a leading `www.` or `m.`, lower-cased.
    private static func siteHost(_ host: String) -> String {
        var host = host.lowercased()
        for prefix in ["www.", "m."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        return host
    }

    /// Whether a Content-Type may hold HTML: text and XHTML types, or none of the media types that never do.
    private static func isHTML(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let never = ["image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/json"]
        return !never.contains { type.hasPrefix($0) }
    }
}
