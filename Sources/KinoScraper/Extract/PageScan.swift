import Foundation

/// What one walk over a page collects for the extractors: the head's title, meta tags and links, the JSON-LD scripts,
/// the first heading, the anchors, and a Wikipedia-style infobox.
struct PageScan {
    var title: String?
    /// `<meta name=...>` and `<meta property=...>` contents by lower-cased name; the first of a name wins.
    var meta: [String: String] = [:]
    var canonical: String?
    var baseHref: String?
    var heading: String?
    /// The `href` of every `<a>`, in page order.
    var hrefs: [String] = []
    /// The `<script type="application/ld+json">` elements, in page order.
    var jsonLDScripts: [HTMLNode] = []
    /// The first `<table class="infobox ...">`.
    var infobox: HTMLNode?

    init(_ root: HTMLNode) {
        root.walkElements { element in
            if element.is("a") {
                if let href = element.attribute("href") { hrefs.append(href) }
            } else if element.is("meta") {
                if let content = element.attribute("content"),
                   let key = (element.attribute("property") ?? element.attribute("name"))?.lowercased(),
                   meta[key] == nil {
                    meta[key] = content
                }
                return .skipChildren
            } else if element.is("link") {
                if canonical == nil, let rel = element.attribute("rel"),
                   rel.lowercased().split(separator: " ").contains("canonical") {
                    canonical = element.attribute("href")
                }
                return .skipChildren
            } else if element.is("script") {
                if let type = element.attribute("type"), type.lowercased().contains("ld+json") {
                    jsonLDScripts.append(element)
                }
                return .skipChildren
            } else if element.is("style") {
                return .skipChildren
            } else if element.is("title") {
                if title == nil { title = element.text().nonEmpty }
                return .skipChildren
            } else if element.is("base") {
                if baseHref == nil { baseHref = element.attribute("href") }
            } else if element.is("h1") {
                if heading == nil { heading = element.text().nonEmpty }
            } else if element.is("table") {
                if infobox == nil, element.hasClass("infobox") { infobox = element }
            }
            return .descend
        }
    }

    /// A meta tag's content, trimmed; nil when absent or blank.
    func meta(_ key: String) -> String? {
        meta[key].flatMap { $0.collapsingWhitespace().nonEmpty }
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension MarkupVocabulary {
    /// The attributes and class names the extractors of this module read; the rest of a page's markup is cut before
    /// it is parsed. An extractor that reads anything else fails an assertion in debug builds (and so in the tests).
    static let extractors = MarkupVocabulary(
        attributes: ["href", "name", "class", "type", "style", "rel", "property", "content"],
        classes: ["infobox", "dubInfo", "name", "role", "gray", "breadcrumbs__sub"],
        linkRelations: ["canonical"],
        droppedVoidElements: ["img", "input", "source", "track", "embed", "area", "wbr"],
        dropsSpaceBeforeLineBreaks: true,
        unwrappedElements: ["span"]
    )
}
