import Foundation

/// Makes a page's links absolute against its base URL.
///
/// Most links of a page are absolute (`https://...`) or root-relative (`/film/77443/`); those are joined as text and
/// parsed once, which costs a fraction of Foundation's general relative resolution. Everything else goes through
/// `URL(string:relativeTo:)`, with spaces and non-ASCII characters percent-encoded when the raw text is not a URL.
struct LinkResolver {
    let base: URL
    /// `scheme://host[:port]` of an http(s) base; nil for other bases.
    private let origin: String?

    init(base: URL) {
        self.base = base
        if let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = base.host {
            origin = "\(scheme)://\(host)" + (base.port.map { ":\($0)" } ?? "")
        } else {
            origin = nil
        }
    }

    func resolve(_ href: some StringProtocol) -> URL? {
        let link = Self.trimmed(href)
        if link.hasPrefix("https://") || link.hasPrefix("http://"), let url = URL(string: String(link)) {
            return url
        }
        if let origin, link.hasPrefix("/"), !link.hasPrefix("//"), let url = URL(string: origin + link) {
            return url
        }
        if let url = URL(string: String(link), relativeTo: base) { return url.absoluteURL }
        let allowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(["#", "%"])
        guard let encoded = String(link).addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)?.absoluteURL
    }

    /// The text without leading and trailing ASCII white space.
    private static func trimmed(_ text: some StringProtocol) -> Substring {
        let whole = Substring(text)
        func isSpace(_ character: Character) -> Bool {
            character == " " || character == "\n" || character == "\t" || character == "\r" || character == "\u{0C}"
        }
        guard let first = whole.firstIndex(where: { !isSpace($0) }), let last = whole.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return whole[first...last]
    }
}
