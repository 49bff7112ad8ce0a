import Foundation

/// Brings URLs to one spelling, so that the frontier holds each page once.
///
/// The scheme and host are lowercased, default ports, user info and fragments dropped, `.` and `..` segments resolved,
/// percent escapes of unreserved characters decoded and the others uppercased, tracking parameters (`utm_*`,
/// `fbclid`, `gclid`, …) removed and the remaining query parameters sorted by name. Only http(s) URLs normalize.
public struct URLNormalizer: Sendable {
    /// What to do with a trailing slash of a path.
    public enum TrailingSlash: Sendable {
        /// Leave paths as they are: `/film/1` and `/film/1/` stay different pages.
        case keep
        /// Add a slash to paths whose last segment has no extension (`/film/1` → `/film/1/`).
        case add
        /// Remove the slash from every path but `/`.
        case remove
    }

    public var trailingSlash: TrailingSlash
    /// Query parameters removed: exact names, and prefixes ending in `*`.
    public var droppedParameters: [String]

    public static let trackingParameters = [
        "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid", "_ga", "_gl",
        "mc_cid", "mc_eid", "igshid", "_openstat", "ref_src",
    ]

    public init(trailingSlash: TrailingSlash = .keep, droppedParameters: [String] = URLNormalizer.trackingParameters) {
        self.trailingSlash = trailingSlash
        self.droppedParameters = droppedParameters
    }

    /// The normal form of `url` resolved against `base`, or nil when it is not an http(s) URL with a host.
    public func normalize(_ url: URL) -> URL? {
        URLComponents(url: url.absoluteURL, resolvingAgainstBaseURL: true).flatMap(normalized)
    }

    /// The normal form of absolute URL text (a link of an ``ExtractedPage``), or nil when it is not an http(s) URL.
    public func normalize(absolute link: String) -> URL? {
        URLComponents(string: link).flatMap(normalized)
    }

    private func normalized(_ original: URLComponents) -> URL? {
        var components = original
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        if host.hasSuffix(".") { host.removeLast() }
        components.scheme = scheme
        components.host = host
        components.user = nil
        components.password = nil
        components.fragment = nil
        if components.port == (scheme == "http" ? 80 : 443) { components.port = nil }

        var path = Self.removeDotSegments(Self.normalizeEscapes(components.percentEncodedPath))
        if path.isEmpty { path = "/" }
        switch trailingSlash {
        case .keep:
            break
        case .add:
            let last = path.split(separator: "/").last ?? ""
            if !path.hasSuffix("/"), !last.contains(".") { path += "/" }
        case .remove:
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        }
        components.percentEncodedPath = path

        if let query = components.percentEncodedQuery {
            let items = query.split(separator: "&").map(String.init).filter { item in
                let name = item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? item
                return !name.isEmpty && !isDropped(name.removingPercentEncoding ?? name)
            }
            let sorted = items.map(Self.normalizeEscapes).enumerated().sorted { lhs, rhs in
                let left = Self.name(of: lhs.element), right = Self.name(of: rhs.element)
                return left == right ? lhs.offset < rhs.offset : left < right
            }
            components.percentEncodedQuery = sorted.isEmpty ? nil : sorted.map(\.element).joined(separator: "&")
        }
        return components.url
    }

    /// The normal form of a link of a page, or nil when it is not an http(s) URL.
    public func normalize(_ link: String, relativeTo base: URL) -> URL? {
        URL(string: link.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: base).flatMap(normalize)
    }

    private func isDropped(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return droppedParameters.contains { pattern in
            pattern.hasSuffix("*") ? lowered.hasPrefix(pattern.dropLast()) : lowered == pattern
        }
    }

    private static func name(of item: String) -> String {
        item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? item
    }

    /// Decodes escapes of unreserved characters (`%7E` → `~`) and uppercases the hex digits of the others.
    static func normalizeEscapes(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                let value = high << 4 | low
                if isUnreserved(value) {
                    result.append(value)
                } else {
                    result.append(contentsOf: [UInt8(ascii: "%"), hexDigit(high), hexDigit(low)])
                }
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// RFC 3986 section 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return path.hasPrefix("/") && !joined.hasPrefix("/") ? "/" + joined : joined
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
