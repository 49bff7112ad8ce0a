import CLibXML2
import Foundation

/// An element or text node of an ``HTMLDocument``. Holding a node keeps its document alive.
package struct HTMLNode {
    private let pointer: xmlNodePtr
    private let document: HTMLDocument

    init(pointer: xmlNodePtr, document: HTMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// Whether the node is an element (not text, a comment or CDATA).
    package var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The element's tag name in lower case (libxml2 lower-cases HTML names); empty for other nodes.
    package var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether the node is an element with this tag name (lower case).
    package func `is`(_ tag: StaticString) -> Bool {
        guard isElement, let name = pointer.pointee.name else { return false }
        return xmlStrEqual(name, tag.utf8Start) != 0
    }

    /// The value of an attribute (lower-case name), entities decoded; nil when absent.
    package func attribute(_ attributeName: StaticString) -> String? {
        attributeNode(attributeName).map(Self.value(of:))
    }

    /// Whether the element has an attribute (lower-case name), whatever its value.
    package func hasAttribute(_ attributeName: StaticString) -> Bool {
        attributeNode(attributeName) != nil
    }

    /// Whether the element's `class` attribute lists this class. Read in place: walks ask it of every `<div>`.
    package func hasClass(_ className: String) -> Bool {
        assert(document.vocabulary.classes?.contains(className) ?? true,
               "the class \(className) is not in the document's vocabulary, so it was cut before parsing")
        guard let attribute = attributeNode("class") else { return false }
        if let only = attribute.pointee.children, only.pointee.next == nil {
            guard let content = only.pointee.content else { return false }
            return Self.lists(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))), className)
        }
        // A value libxml2 keeps in several pieces (around entities) is joined first.
        return Array(Self.value(of: attribute).utf8).withUnsafeBufferPointer { Self.lists($0, className) }
    }

    private func attributeNode(_ attributeName: StaticString) -> xmlAttrPtr? {
        assert(document.vocabulary.attributes?.contains(attributeName.description) ?? true,
               "the attribute \(attributeName) is not in the document's vocabulary, so it was cut before parsing")
        guard isElement else { return nil }
        var property = pointer.pointee.properties
        while let attribute = property {
            if let name = attribute.pointee.name, xmlStrEqual(name, attributeName.utf8Start) != 0 { return attribute }
            property = attribute.pointee.next
        }
        return nil
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        joinedContent(from: attribute.pointee.children)
    }

    /// The contents of a node and its following siblings, joined: an attribute's value, an element's own text.
    private static func joinedContent(from first: xmlNodePtr?) -> String {
        var text = ""
        var child = first
        while let node = child {
            if let content = node.pointee.content { text += String(cString: content) }
            child = node.pointee.next
        }
        return text
    }

    /// Whether a white-space separated list of class names holds `className`.
    private static func lists(_ classes: UnsafeBufferPointer<UInt8>, _ className: String) -> Bool {
        var start = 0
        for end in 0...classes.count where end == classes.count || classes[end] == 0x20 || (0x09...0x0D).contains(classes[end]) {
            if end > start, classes[start..<end].elementsEqual(className.utf8) { return true }
            start = end + 1
        }
        return false
    }

    /// The element's parent element, nil at the root.
    package var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(pointer: parent, document: document)
    }

    /// The element's child elements, in order.
    package var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(HTMLNode(pointer: node, document: document)) }
            child = node.pointee.next
        }
        return result
    }

    /// The elements that follow this one under the same parent, in order.
    package var followingSiblings: [HTMLNode] {
        var result: [HTMLNode] = []
        var sibling = pointer.pointee.next
        while let node = sibling {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(HTMLNode(pointer: node, document: document)) }
            sibling = node.pointee.next
        }
        return result
    }

    /// What a walk does after visiting a node.
    package enum WalkStep {
        /// Go on into the node's children.
        case descend
        /// Leave the node's children out.
        case skipChildren
        /// End the walk.
        case stop
    }

    /// Visits the elements below this one in document order, without recursion: the walk follows libxml2's
    /// child, sibling and parent links, so its depth costs no stack.
    package func walkElements(_ visit: (HTMLNode) throws -> WalkStep) rethrows {
        let top = pointer
        var current = top.pointee.children
        while let node = current {
            var step = WalkStep.skipChildren
            if node.pointee.type == XML_ELEMENT_NODE {
                step = try visit(HTMLNode(pointer: node, document: document))
                if step == .stop { return }
            }
            if step == .descend, let child = node.pointee.children {
                current = child
                continue
            }
            current = Self.nextAfterSubtree(node, top: top)
        }
    }

    /// The node that follows `node`'s subtree in document order, staying below `top`.
    private static func nextAfterSubtree(_ node: xmlNodePtr, top: xmlNodePtr) -> xmlNodePtr? {
        var cursor: xmlNodePtr? = node
        while let at = cursor, at != top {
            if let next = at.pointee.next { return next }
            cursor = at.pointee.parent
        }
        return nil
    }

    /// The first element below this one with the tag name, in document order.
    package func first(_ tag: StaticString) -> HTMLNode? {
        var found: HTMLNode?
        walkElements { element in
            if element.is(tag) {
                found = element
                return .stop
            }
            return .descend
        }
        return found
    }

    /// Every element below this one with the tag name, in document order.
    package func all(_ tag: StaticString) -> [HTMLNode] {
        var found: [HTMLNode] = []
        walkElements { element in
            if element.is(tag) { found.append(element) }
            return .descend
        }
        return found
    }

    /// The text below this node as written, without the contents of `<script>` and `<style>`; with `skipping`, also
    /// without the elements it selects (footnote markers, hidden spans).
    package func rawText(skipping skip: ((HTMLNode) -> Bool)? = nil) -> String {
        var bytes: [UInt8] = []
        let top = pointer
        if top.pointee.type != XML_ELEMENT_NODE {
            return top.pointee.content.map { String(cString: $0) } ?? ""
        }
        var current = top.pointee.children
        while let node = current {
            var enter = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ELEMENT_NODE:
                let element = HTMLNode(pointer: node, document: document)
                enter = !element.is("script") && !element.is("style") && !(skip?(element) ?? false)
                if element.is("br") || element.is("p") || element.is("li") || element.is("div") || element.is("tr") {
                    bytes.append(UInt8(ascii: "\n"))
                }
            default:
                break
            }
            if enter, let child = node.pointee.children {
                current = child
                continue
            }
            current = Self.nextAfterSubtree(node, top: top)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text below this node with runs of white space (and non-breaking spaces) collapsed to one space, trimmed.
    package func text(skipping skip: ((HTMLNode) -> Bool)? = nil) -> String {
        rawText(skipping: skip).collapsingWhitespace()
    }

    /// The number of bytes of text directly inside the element (a `<script>`'s source), counted without copying it.
    package var ownTextByteCount: Int {
        var count = 0
        var child = pointer.pointee.children
        while let node = child {
            if let content = node.pointee.content { count += Int(xmlStrlen(content)) }
            child = node.pointee.next
        }
        return count
    }

    /// The text directly inside the element, as written (a `<script>`'s source).
    package var ownText: String {
        Self.joinedContent(from: pointer.pointee.children)
    }
}

extension String {
    /// White space and the invisible marks that stand between words: Unicode's white space (looked up only outside
    /// the first 8,192 code points, where it is just these few), left-to-right and right-to-left marks, zero-width
    /// spaces and byte order marks.
    private static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680: return true
        case ..<0x2000: return false
        case 0x200B, 0x200E, 0x200F, 0xFEFF: return true
        default: return scalar.properties.isWhitespace
        }
    }

    /// The text with runs of white space, including non-breaking and zero-width marks, collapsed to one space, trimmed.
    package func collapsingWhitespace() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if Self.isCollapsible(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
