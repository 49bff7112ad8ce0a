import Foundation

/// The http(s) links of a page: absolute, without fragments, each once, in page order.
enum PageLinks {
    static func resolve(_ hrefs: [String], with resolver: LinkResolver) -> [URL] {
        var seen = Set<String>()
        // The same href text resolves to the same URL: only new texts are parsed.
        var seenTexts = Set<String>()
        var links: [URL] = []
        for href in hrefs {
            let text = href.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(href[..<$0]) } ?? href
            guard seenTexts.insert(text).inserted, !hasIgnoredScheme(text) else { continue }
            guard let url = resolver.resolve(text),
                  let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
            else { continue }
            if seen.insert(url.absoluteString).inserted { links.append(url) }
        }
        return links
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
