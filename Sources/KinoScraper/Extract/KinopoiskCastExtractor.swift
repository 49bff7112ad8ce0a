import Foundation
import KinoCatalog

/// The people of a Kinopoisk cast page (`/film/ID/cast/`): sections under role headings (`Режиссеры`, `Актеры`,
/// `Продюсеры`, ...), each person a `/name/ID/` link with the Russian name, the original name beside it, and for
/// actors the character.
///
/// The record carries the film's Kinopoisk id and the title the page shows, so that it merges into the film's record.
enum KinopoiskCastExtractor {
    static func extract(_ root: HTMLNode, scan: PageScan, context: PageContext) throws(PageRejection) -> SourceRecord {
        var record = context.newRecord()
        setTitle(&record, root: root, scan: scan, context: context)
        guard record.hasTitle else {
            throw PageRejection("cast page without the film's title")
        }
        var role: Role?
        var sawRoleAnchor = false
        root.walkElements { element in
            if element.is("a"), let anchor = element.attribute("name") {
                // `<a name="director"></a>` opens a section; the heading after it names the role in Russian.
                role = Role.lookup(anchor)
                sawRoleAnchor = true
                return .skipChildren
            }
            if sawRoleAnchor, element.is("div"), !element.hasAttribute("class") {
                let heading = element.text()
                if heading.count < 40, !heading.isEmpty {
                    role = Role.lookup(heading) ?? role
                    if Role.lookup(heading) == nil, heading.lowercased().contains("дубляж") { role = nil }
                }
                sawRoleAnchor = false
                return .skipChildren
            }
            if element.is("div"), element.hasClass("dubInfo") {
                // The Russian voice of the actor above; the dubbing section lists it again with its own role.
                return .skipChildren
            }
            if element.is("div"), element.hasClass("name") {
                if let role, let credit = credit(element, role: role, context: context) { record.addCredit(credit) }
                return .skipChildren
            }
            if element.is("div"), element.hasClass("role"), role == .actor || role == .voice,
               let last = record.credits.indices.last, record.credits[last].role == role {
                let character = String(element.text().trimming { $0 == "." || $0 == " " }).nonEmpty
                record.credits[last].character = record.credits[last].character ?? character
                return .skipChildren
            }
            return .descend
        }
        return record
    }

    private static func credit(_ element: HTMLNode, role: Role, context: PageContext) -> SourceCredit? {
        guard let link = element.first("a"), let href = link.attribute("href"), let url = context.resolve(href),
              let id = FilmSite.kinopoiskPersonID(in: url)
        else { return nil }
        let name = link.text().nonEmpty
        let original = element.all("span").first { $0.hasClass("gray") }?.text().nonEmpty
        guard name != nil || original != nil else { return nil }
        if let name, !FieldText.isCyrillic(name) {
            return SourceCredit(nameEN: original ?? name, kinopoiskID: id, role: role)
        }
        return SourceCredit(nameRU: name, nameEN: original, kinopoiskID: id, role: role)
    }

    /// The title from the breadcrumbs (`Город грехов` linking to `/film/77443/`, with `Sin City, 2005` under it), else
    /// from the page title (`Город грехов — актеры и съемочная группа — Кинопоиск`).
    private static func setTitle(_ record: inout SourceRecord, root: HTMLNode, scan: PageScan, context: PageContext) {
        let filmID = FilmSite.filmID(in: context.url)?.value
        var crumb: HTMLNode?
        var subtitle: String?
        root.walkElements { element in
            // The heading's own link is checked before any URL is parsed: the page has hundreds of links.
            if crumb == nil, element.is("a"), element.parent?.is("h1") == true, let filmID,
               let href = element.attribute("href"), let link = context.resolve(href), FilmSite(link) == .kinopoisk,
               link.pathComponents.count == 3, FilmSite.filmID(in: link)?.value == filmID, !element.text().isEmpty {
                crumb = element
            } else if crumb != nil, element.is("div"), element.hasClass("breadcrumbs__sub") {
                subtitle = element.text()
                return .stop
            } else if crumb != nil, element.is("table") {
                return .stop
            }
            return .descend
        }
        if let title = crumb?.text() {
            record.titleRU = title
            if let subtitle, let line = TitleLine("\(title) (\(subtitle))") {
                record.year = line.year
                if let other = line.otherTitle { record.titleOriginal = other }
            }
        } else if let line = scan.title.flatMap(TitleLine.init), FieldText.isCyrillic(line.title) {
            record.titleRU = line.title
        }
        if record.year == nil, let description = scan.meta("og:description") {
            record.year = TitleLine(description)?.year
        }
    }
}
