import CLibXML2
import Foundation

/// A parsed HTML page: libxml2's tree, owned and freed with this object.
///
/// The tree is reached through ``HTMLNode`` values, which keep the document alive and never hand out libxml2's
/// pointers. Every walk over the tree is iterative, so a page nested ten thousand levels deep costs no stack.
package final class HTMLDocument {
    private let tree: htmlDocPtr
    /// What of the markup was kept (see ``MarkupPruner``); reading anything else is a mistake that debug builds catch.
    let vocabulary: MarkupVocabulary

    /// libxml2's options: recover from broken markup silently, never touch the network, keep the tree compact, and
    /// ignore `<meta charset>` because the text handed over is already decoded to UTF-8.
    ///
    /// Without `XML_PARSE_HUGE`, libxml2 2.9 stops parsing at the 257th level of nesting and drops the rest of the
    /// page; with it, the whole page is kept however deep. That is safe here: the page size is bounded by
    /// ``ExtractionLimits``, libxml2 builds and frees deep trees without recursion, and every walk of this module is
    /// iterative.
    private static let options: Int32 = {
        let flags = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue
        return Int32(bitPattern: flags)
    }()

    /// libxml2 sets up its global state once, before the first parse on any thread.
    private static let initialised: Void = xmlInitParser()

    /// Parses a page's bytes, decoding them with `charset`.
    package convenience init(bytes: [UInt8], charset: HTMLCharset, url: String, keeping vocabulary: MarkupVocabulary = .everything) throws {
        guard charset == .utf8 else {
            try self.init(text: charset.decode(bytes), url: url, keeping: vocabulary)
            return
        }
        // UTF-8 is pruned before it is checked: pruning cuts only at ASCII bytes, so the bytes it keeps are repaired
        // exactly as the whole page would be, and most of the page is never looked at twice.
        let pruned = bytes.withUnsafeBufferPointer { MarkupPruner.prune($0, keeping: vocabulary) }
        let hasByteOrderMark = HTMLCharset.byteOrderMark(pruned) != nil
        if !hasByteOrderMark, (try? UTF8Span(validating: pruned.span)) != nil {
            // Valid UTF-8 (nearly every page) goes to libxml2 as it is, without a copy into a String.
            try self.init(utf8: pruned, url: url, vocabulary: vocabulary)
        } else {
            try self.init(prunedText: charset.decode(pruned), url: url, vocabulary: vocabulary)
        }
    }

    /// Parses a page's text, cut down first to `vocabulary`: comments, styles, SVG and scripts other than JSON-LD are
    /// always left out (see ``MarkupPruner``).
    package convenience init(text: String, url: String, keeping vocabulary: MarkupVocabulary = .everything) throws {
        var text = text
        let pruned = text.withUTF8 { MarkupPruner.prune($0, keeping: vocabulary) }
        try self.init(prunedText: String(decoding: pruned, as: UTF8.self), url: url, vocabulary: vocabulary)
    }

    private convenience init(prunedText: String, url: String, vocabulary: MarkupVocabulary) throws {
        var text = prunedText
        try self.init(tree: text.withUTF8 { Self.parse($0, url: url) }, url: url, vocabulary: vocabulary)
    }

    /// Parses valid UTF-8 bytes.
    private convenience init(utf8: [UInt8], url: String, vocabulary: MarkupVocabulary) throws {
        try self.init(tree: utf8.withUnsafeBufferPointer { Self.parse($0, url: url) }, url: url, vocabulary: vocabulary)
    }

    private init(tree: htmlDocPtr?, url: String, vocabulary: MarkupVocabulary) throws {
        guard let tree else {
            throw ScraperError(.unreadablePage, "\(url): the page has no HTML to parse")
        }
        self.tree = tree
        self.vocabulary = vocabulary
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>, url: String) -> htmlDocPtr? {
        _ = initialised
        guard let base = utf8.baseAddress, utf8.count > 0, utf8.count <= Int(Int32.max) else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { characters in
            htmlReadMemory(characters, Int32(utf8.count), url, "UTF-8", options)
        }
    }

    deinit {
        xmlFreeDoc(tree)
    }

    /// The `<html>` element (libxml2 supplies one when the page has none).
    package var root: HTMLNode? {
        xmlDocGetRootElement(tree).map { HTMLNode(pointer: $0, document: self) }
    }
}
