import Foundation
import HTTPTypes
import Hummingbird
import KinoSearch
import Mustache

/// Renders the site's pages: the templates, the interface language of a request, and what every page's head
/// carries (title, description, canonical URL, alternates, OpenGraph).
struct SiteRenderer: Sendable {
    let library: MustacheLibrary
    /// The site's address as the world sees it, without a trailing slash: canonical URLs and sitemaps use it.
    let publicURL: String

    init(publicURL: String) throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            try library.register(text, named: name)
        }
        self.library = library
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    /// The interface language: `lang` in the URL, else the `lang` cookie, else the first of `ru` and `en` the
    /// browser's `Accept-Language` names; Russian otherwise. `fromURL` says whether the URL chose it (so a cookie keeps
    /// the choice).
    static func language(_ request: Request) -> (language: SearchRequest.Language, fromURL: Bool) {
        if let chosen = request.uri.queryParameters.get("lang").flatMap(SearchRequest.Language.init(rawValue:)) {
            return (chosen, true)
        }
        if let cookie = request.cookies["lang"]?.value, let chosen = SearchRequest.Language(rawValue: cookie) {
            return (chosen, false)
        }
        if let accepted = request.headers[.acceptLanguage] {
            for part in accepted.lowercased().split(separator: ",") {
                let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
                if tag.hasPrefix("ru") { return (.ru, false) }
                if tag.hasPrefix("en") { return (.en, false) }
            }
        }
        return (.ru, false)
    }

    /// What one page shows in its head and header.
    struct Head {
        var title: String
        var description: String
        /// The canonical path with its query, e.g. `/films/42` or `/genres/drama`.
        var canonicalPath: String
        var query: String = ""
        var ogType = "website"
        var ogImage: String?
        var jsonLD: String?
        var noindex = false
    }

    /// Renders `template` with `values` and the page's head, as an HTML response.
    func page(_ template: String, head: Head, values: [String: Any], request: Request,
              status: HTTPResponse.Status = .ok) -> Response {
        let (headers, body) = render(template, head: head, values: values, request: request)
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    /// The headers and HTML of a page (see ``page(_:head:values:request:status:)``).
    func render(_ template: String, head: Head, values: [String: Any], request: Request) -> (HTTPFields, ByteBuffer) {
        let (language, fromURL) = Self.language(request)
        let strings = SiteStrings.table(language)
        let other: SearchRequest.Language = language == .ru ? .en : .ru
        var context = values
        context["t"] = strings
        context["lang"] = language.rawValue
        context["otherLang"] = other.rawValue
        context["langSwitchURL"] = Self.url(path: request.uri.path, replacing: "lang", with: other.rawValue,
                                           in: request.uri.queryParameters)
        context["pageTitle"] = head.title
        context["description"] = String(head.description.prefix(300))
        let canonical = publicURL + head.canonicalPath
        context["canonical"] = canonical
        let separator = head.canonicalPath.contains("?") ? "&" : "?"
        context["alternates"] = SearchRequest.Language.allCases.map { alternate in
            ["hreflang": alternate.rawValue, "href": canonical + separator + "lang=" + alternate.rawValue]
        }
        context["q"] = head.query
        context["ogType"] = head.ogType
        context["ogImage"] = head.ogImage
        context["jsonLD"] = head.jsonLD
        context["noindex"] = head.noindex
        let html = library.render(context, withTemplate: template) ?? ""
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue,
                                   .vary: "Accept-Language, Cookie"]
        if fromURL {
            headers[.setCookie] = "lang=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
        }
        return (headers, ByteBuffer(string: html))
    }

    /// The cache key of a page request, or nil when the page must not be kept: caching is off, or the URL chose the
    /// language (the answer sets a cookie).
    func cacheKey(_ request: Request, services: WebServices, generation: ServedIndex.Generation) -> String? {
        let (language, fromURL) = Self.language(request)
        return fromURL ? nil : services.cacheKey(generation, language: language, uri: request.uri.string)
    }

    /// The HTML page of an error: 404 "page not found", or the error's message.
    func errorPage(_ error: WebError, request: Request) -> Response {
        let (language, _) = Self.language(request)
        let strings = SiteStrings.table(language)
        let notFound = error.status == .notFound
        let heading = notFound ? strings["notFoundTitle"]! : "\(strings["errorTitle"]!) \(error.status.code)"
        let message = notFound ? strings["notFoundText"]! : error.message
        let head = Head(title: "\(heading) — \(strings["siteName"]!)", description: message,
                        canonicalPath: "/", noindex: true)
        return page("error", head: head, values: ["heading": heading, "message": message], request: request,
                    status: error.status)
    }

    /// `path` with the query `parameters`, `name` set to `value` (or removed when nil).
    static func url(path: String, replacing name: String, with value: String?, in parameters: Parameters) -> String {
        var pairs = parameters.map { (String($0.key), String($0.value)) }.filter { $0.0 != name }
        if let value { pairs.append((name, value)) }
        return url(path: path, pairs)
    }

    /// `path` with a query made of `pairs`, each percent-encoded.
    static func url(path: String, _ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Escapes text for HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// JSON that is safe inside a `<script>` element: `<`, `>` and `&` as Unicode escapes.
    static func scriptSafeJSON(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
