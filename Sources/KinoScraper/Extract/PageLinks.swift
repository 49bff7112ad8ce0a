/// The http(s) links of a page: absolute URL text, without fragments, each once, in page order.
///
/// Links stay text: a crawler parses the few it follows once, when it normalizes them, and a page of a thousand
/// links is not parsed into a thousand `URL` values only to be spelled out again.
enum PageLinks {
    static func resolve(_ hrefs: [String], with resolver: LinkResolver) -> [String] {
        var seen = Set<String>()
        // The same href text resolves to the same link: only new texts are resolved.
        var seenTexts = Set<String>()
        var links: [String] = []
        for href in hrefs {
            let text = href.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(href[..<$0]) } ?? href
            guard seenTexts.insert(text).inserted, !hasIgnoredScheme(text),
                  let link = resolver.absoluteText(text), isWebLink(link)
            else { continue }
            if seen.insert(link).inserted { links.append(link) }
        }
        return links
    }

    /// Whether absolute URL text is an http(s) URL with a host.
    private static func isWebLink(_ link: String) -> Bool {
        let bytes = link.utf8
        for scheme in ["https://", "http://"] {
            let prefix = bytes.prefix(scheme.utf8.count)
            guard prefix.count == scheme.utf8.count, zip(prefix, scheme.utf8).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { continue }
            return bytes.dropFirst(prefix.count).first.map { !"/?#".utf8.contains($0) } ?? false
        }
        return false
    }

    private static let ignoredSchemes = ["javascript:", "mailto:", "tel:", "data:"].map { Array($0.utf8) }

    /// Whether a link is a script, mail, phone or data URL (any case, after leading white space).
    private static func hasIgnoredScheme(_ text: String) -> Bool {
        let bytes = text.utf8.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }.prefix(11)
        return ignoredSchemes.contains { scheme in
            bytes.count >= scheme.count && zip(bytes, scheme).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
        }
    }
}
