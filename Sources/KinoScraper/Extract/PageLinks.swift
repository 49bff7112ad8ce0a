import Foundation

/// The http(s) links of a page: absolute, without fragments, each once, in page order.
enum PageLinks {
    static func resolve(_ hrefs: [String], with resolver: LinkResolver) -> [URL] {
        var seen = Set<String>()
        // The same href text resolves to the same URL: only new texts are parsed.
        var seenTexts = Set<Substring>()
        var links: [URL] = []
        for href in hrefs {
            var text = Substring(href)
            if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
            guard seenTexts.insert(text).inserted else { continue }
            let lowered = text.prefix(11).lowercased()
            if lowered.hasPrefix("javascript:") || lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") || lowered.hasPrefix("data:") {
                continue
            }
            guard let url = resolver.resolve(text),
                  let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
            else { continue }
            if seen.insert(url.absoluteString).inserted { links.append(url) }
        }
        return links
    }
}
