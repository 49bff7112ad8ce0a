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
        switch link.utf8.withContiguousStorageIfAvailable(Self.plainForm) ?? .other {
        case .absolute: return String(link)
        case .withoutHost: return nil
        case .fromRoot: if let origin { return origin + link }
        case .other: break
        }
        return resolve(link)?.absoluteString
    }

    /// What a link made only of printable ASCII that a URL holds unescaped is (no spaces, quotes, angle or square
    /// brackets, braces, bars, backslashes, carets or backticks; `%` only before two hex digits).
    private enum PlainForm {
        /// `http://` or `https://` and a host.
        case absolute
        /// `http://` or `https://` and no host.
        case withoutHost
        /// A path from the root of the page's host: `/film/1/`.
        case fromRoot
        /// Anything else, or text that is not plain: Foundation resolves it.
        case other
    }

    private static func plainForm(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainForm {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return .other }
                index += 3
            case 0x21, 0x23...0x3B, 0x3D, 0x3F...0x5A, 0x5F, 0x61...0x7A, 0x7E:
                index += 1
            default:
                return .other
            }
        }
        for scheme in ["https://", "http://"] where bytes.starts(with: scheme.utf8) {
            let afterScheme = scheme.utf8.count
            guard afterScheme < bytes.count else { return .withoutHost }
            let first = bytes[afterScheme]
            return first == UInt8(ascii: "/") || first == UInt8(ascii: "?") || first == UInt8(ascii: "#") ? .withoutHost : .absolute
        }
        if bytes.first == UInt8(ascii: "/"), bytes.dropFirst().first != UInt8(ascii: "/") { return .fromRoot }
        return .other
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// The text without leading and trailing ASCII white space.
    private static func trimmed(_ text: some StringProtocol) -> Substring {
        let whole = Substring(text)
        if let first = whole.utf8.first, let last = whole.utf8.last, first > 0x20, last > 0x20 { return whole }
        func isSpace(_ character: Character) -> Bool {
            character == " " || character == "\n" || character == "\t" || character == "\r" || character == "\u{0C}"
        }
        guard let first = whole.firstIndex(where: { !isSpace($0) }), let last = whole.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return whole[first...last]
    }
}
