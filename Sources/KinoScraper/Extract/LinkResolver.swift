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

    /// The link as absolute URL text. An absolute or root-relative link made only of characters a URL holds as they
    /// are is joined as text, without parsing; anything else is resolved by ``resolve(_:)`` and spelled by Foundation.
    func absoluteText(_ href: some StringProtocol) -> String? {
        let link = Self.trimmed(href)
        if Self.isPlainURLText(link.utf8) {
            for scheme in ["https://", "http://"] where link.hasPrefix(scheme) {
                // A host must follow the scheme.
                let afterScheme = link.utf8.dropFirst(scheme.utf8.count).first
                return afterScheme.map { !"/?#".utf8.contains($0) } == true ? String(link) : nil
            }
            if let origin, link.hasPrefix("/"), !link.hasPrefix("//") { return origin + link }
        }
        return resolve(link)?.absoluteString
    }

    /// Whether every byte is printable ASCII that a URL holds unescaped (or a `%` followed by two hex digits):
    /// no spaces, quotes, angle or square brackets, braces, bars, backslashes, carets or backticks.
    private static func isPlainURLText(_ bytes: Substring.UTF8View) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "%"):
                let digits = bytes[bytes.index(after: index)...].prefix(2)
                guard digits.count == 2, digits.allSatisfy(isHexDigit) else { return false }
            case 0x21...0x7E:
                if #""<>[\]^`{|}"#.utf8.contains(byte) { return false }
            default:
                return false
            }
            index = bytes.index(after: index)
        }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
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
