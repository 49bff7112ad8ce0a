import Foundation

/// What of a page's markup reaches libxml2: which attributes of start tags, and which class names inside `class`.
///
/// On film sites most of a page's bytes are markup nobody reads: generated class names, `data-` attributes, inline
/// SVG, scripts and their `src` URLs of several kilobytes. libxml2 2.9 reads every byte of them one character at a
/// time and builds a node for each, so cutting them before the parse is what makes extraction fast.
package struct MarkupVocabulary: Sendable {
    /// Attribute names kept on start tags (lower case); nil keeps every attribute.
    package var attributes: Set<String>?
    /// Class names kept inside `class` attributes; nil keeps every class. An element whose classes are all dropped
    /// keeps an empty `class` attribute, so "has no class attribute" still reads the same.
    package var classes: Set<String>?
    /// The `<link>` elements kept: those whose tag mentions one of these relations (`canonical`); nil keeps them all.
    /// Pages preload dozens of assets through `<link>` elements with URLs kilobytes long.
    package var linkRelations: Set<String>?
    /// Void elements (no content, no end tag) left out whole, such as `img` and `input`.
    package var droppedVoidElements: Set<String>
    /// Whether white space alone between tags is left out before `<div>`, `<p>`, `<li>`, `<tr>` and `<br>`: the text
    /// of a node breaks the line there anyway (``HTMLNode/rawText(skipping:)``), so the text read is the same and
    /// libxml2 builds a node fewer.
    package var dropsSpaceBeforeLineBreaks: Bool
    /// Elements whose tags are left out and their content kept, unless one of the vocabulary's classes remains on
    /// them (`span`: a page holds hundreds, and only a few of a known class matter).
    package var unwrappedElements: Set<String>

    package init(attributes: Set<String>?, classes: Set<String>?, linkRelations: Set<String>? = nil,
                 droppedVoidElements: Set<String> = [], dropsSpaceBeforeLineBreaks: Bool = false,
                 unwrappedElements: Set<String> = []) {
        self.unwrappedElements = unwrappedElements
        self.attributes = attributes
        self.classes = classes
        self.linkRelations = linkRelations
        self.droppedVoidElements = droppedVoidElements
        self.dropsSpaceBeforeLineBreaks = dropsSpaceBeforeLineBreaks
    }

    /// Every attribute, class and link kept: only scripts, styles, SVG and comments are left out.
    package static let everything = MarkupVocabulary(attributes: nil, classes: nil)
}

/// Cuts a page's UTF-8 bytes down to a vocabulary before libxml2 parses them.
///
/// Always left out, with everything inside them: comments, `<style>` and `<svg>` elements, and `<script>` elements
/// other than JSON-LD (whose bodies are kept as written). Start tags keep only the vocabulary's attributes,
/// `<link>` elements only the vocabulary's relations, and the vocabulary's void elements are dropped. The bodies
/// of `<title>` and `<textarea>` are copied as written. One pass, no backtracking: a tag or comment left open at the
/// end of the page is dropped to the end.
package enum MarkupPruner {
    package static func prune(_ bytes: UnsafeBufferPointer<UInt8>, keeping vocabulary: MarkupVocabulary) -> [UInt8] {
        var pruner = Pass(input: bytes, vocabulary: Vocabulary(vocabulary))
        pruner.run()
        return pruner.output
    }

    /// The vocabulary as byte strings, compared without allocating.
    private struct Vocabulary {
        var attributes: [[UInt8]]?
        var classes: [[UInt8]]?
        var linkRelations: [[UInt8]]?
        var droppedVoidElements: [[UInt8]]
        var dropsSpaceBeforeLineBreaks: Bool
        var unwrappedElements: [[UInt8]]

        init(_ vocabulary: MarkupVocabulary) {
            unwrappedElements = vocabulary.unwrappedElements.map { Array($0.lowercased().utf8) }
            dropsSpaceBeforeLineBreaks = vocabulary.dropsSpaceBeforeLineBreaks
            droppedVoidElements = vocabulary.droppedVoidElements.map { Array($0.lowercased().utf8) }
            attributes = vocabulary.attributes.map { $0.map { Array($0.lowercased().utf8) } }
            classes = vocabulary.classes.map { $0.map { Array($0.utf8) } }
            linkRelations = vocabulary.linkRelations.map { $0.map { Array($0.lowercased().utf8) } }
        }
    }

    private struct Pass {
        let input: UnsafeBufferPointer<UInt8>
        let vocabulary: Vocabulary
        var output: [UInt8] = []
        var cursor = 0
        /// For each open unwrapped element (innermost last): whether its tags were kept.
        var unwrapped: [Bool] = []

        init(input: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary) {
            self.input = input
            self.vocabulary = vocabulary
            output.reserveCapacity(input.count / 2)
        }

        mutating func run() {
            while cursor < input.count {
                guard let open = find(Byte.lessThan, from: cursor) else {
                    copy(cursor..<input.count)
                    return
                }
                if !(vocabulary.dropsSpaceBeforeLineBreaks && isSpaceOnly(cursor..<open) && breaksLine(at: open)) {
                    copy(cursor..<open)
                }
                cursor = open
                let next = open + 1 < input.count ? input[open + 1] : 0
                if Byte.isLetter(next) {
                    startTag()
                } else if next == Byte.exclamation, matches(Word.commentStart, at: open) {
                    cursor = find(Word.commentEnd, from: open + 4).map { $0 + 3 } ?? input.count
                } else if next == Byte.slash || next == Byte.exclamation || next == Byte.question {
                    // End tags, doctypes and processing instructions go through as written, to their first `>`,
                    // but for the end tags of unwrapped elements.
                    let end = find(Byte.greaterThan, from: open + 1) ?? input.count - 1
                    if next != Byte.slash || !closesUnwrapped(open + 2) { copy(open..<(end + 1)) }
                    cursor = end + 1
                } else {
                    output.append(Byte.lessThan)
                    cursor = open + 1
                }
            }
        }

        /// A start tag at `cursor`: dropped with its element, or copied with the vocabulary's attributes.
        private mutating func startTag() {
            let tagStart = cursor
            var nameEnd = tagStart + 1
            while nameEnd < input.count, !Byte.endsName(input[nameEnd]) { nameEnd += 1 }
            let name = (tagStart + 1)..<nameEnd
            let dropped = equalsIgnoringCase(name, Word.style) ? Word.style : equalsIgnoringCase(name, Word.svg) ? Word.svg : nil
            if equalsIgnoringCase(name, Word.script) || dropped != nil {
                guard let (tagEnd, type) = attributes(from: nameEnd, emitting: false, capturing: Word.type) else {
                    cursor = input.count
                    return
                }
                let closing = dropped ?? Word.script
                let bodyEnd = findEndTag(closing, from: tagEnd + 1)
                if dropped == nil, let type, containsIgnoringCase(type, Word.jsonLD) {
                    copy(tagStart..<(bodyEnd ?? input.count))
                    cursor = bodyEnd ?? input.count
                } else {
                    cursor = bodyEnd.map { skipEndTag(at: $0) } ?? input.count
                }
                return
            }
            if let relations = vocabulary.linkRelations, equalsIgnoringCase(name, Word.link) {
                guard let (tagEnd, rel) = attributes(from: nameEnd, emitting: false, capturing: Word.rel) else {
                    cursor = input.count
                    return
                }
                guard let rel, relations.contains(where: { containsIgnoringCase(rel, $0) }) else {
                    cursor = tagEnd + 1
                    return
                }
            }
            if vocabulary.droppedVoidElements.contains(where: { equalsIgnoringCase(name, $0) }) {
                cursor = attributes(from: nameEnd, emitting: false).map { $0.end + 1 } ?? input.count
                return
            }
            if isUnwrapped(name) {
                guard let (tagEnd, classes) = attributes(from: nameEnd, emitting: false, capturing: Word.class) else {
                    cursor = input.count
                    return
                }
                let kept = classes.map(hasKeptClass) ?? false
                unwrapped.append(kept)
                if !kept {
                    cursor = tagEnd + 1
                    return
                }
            }
            let written = output.count
            output.append(Byte.lessThan)
            copy(name)
            guard let (tagEnd, _) = attributes(from: nameEnd, emitting: true) else {
                output.removeSubrange(written...)
                cursor = input.count
                return
            }
            output.append(Byte.greaterThan)
            cursor = tagEnd + 1
            if let raw = equalsIgnoringCase(name, Word.title) ? Word.title : equalsIgnoringCase(name, Word.textarea) ? Word.textarea : nil {
                let bodyEnd = findEndTag(raw, from: cursor) ?? input.count
                copy(cursor..<bodyEnd)
                cursor = bodyEnd
            }
        }

        /// Reads a start tag's attributes from just after its name to its `>`, whose index it returns with the value of
        /// the attribute `capturing` names (nil when the page ends first). When `emitting`, copies those the
        /// vocabulary keeps, and a closing `/`. Quotes count only around a value, after `=`, as in HTML's tokenizer.
        private mutating func attributes(from start: Int, emitting: Bool, capturing: [UInt8]? = nil) -> (end: Int, captured: Range<Int>?)? {
            var captured: Range<Int>?
            var index = start
            var selfClosing = false
            while index < input.count {
                let byte = input[index]
                if byte == Byte.greaterThan {
                    if emitting, selfClosing { output.append(Byte.slash) }
                    return (index, captured)
                }
                if Byte.isSpace(byte) {
                    index += 1
                    continue
                }
                if byte == Byte.slash {
                    selfClosing = true
                    index += 1
                    continue
                }
                selfClosing = false
                let nameStart = index
                index += 1
                while index < input.count, !Byte.endsAttributeName(input[index]) { index += 1 }
                let name = nameStart..<index
                var afterName = index
                while afterName < input.count, Byte.isSpace(input[afterName]) { afterName += 1 }
                var value: Range<Int>?
                var quote: UInt8?
                if afterName < input.count, input[afterName] == Byte.equals {
                    index = afterName + 1
                    while index < input.count, Byte.isSpace(input[index]) { index += 1 }
                    if index < input.count, input[index] == Byte.doubleQuote || input[index] == Byte.singleQuote {
                        let mark = input[index]
                        quote = mark
                        let valueStart = index + 1
                        guard let valueEnd = find(mark, from: valueStart) else { return nil }
                        value = valueStart..<valueEnd
                        index = valueEnd + 1
                    } else {
                        let valueStart = index
                        while index < input.count, !Byte.isSpace(input[index]), input[index] != Byte.greaterThan { index += 1 }
                        value = valueStart..<index
                    }
                }
                if let capturing, captured == nil, equalsIgnoringCase(name, capturing) { captured = value }
                if emitting, keeps(name) { emit(name: name, value: value, quote: quote) }
            }
            return nil
        }

        /// Copies one attribute, its value re-quoted when it had no quotes, its classes cut to the vocabulary's.
        private mutating func emit(name: Range<Int>, value: Range<Int>?, quote: UInt8?) {
            output.append(Byte.space)
            copy(name)
            guard let value else { return }
            let mark = quote ?? Byte.doubleQuote
            output.append(Byte.equals)
            output.append(mark)
            if let classes = vocabulary.classes, equalsIgnoringCase(name, Word.class) {
                keptClasses(in: value, from: classes)
            } else if quote == nil {
                // An unquoted value cannot hold the double quote it is now wrapped in.
                for byte in UnsafeBufferPointer(rebasing: input[value]) {
                    if byte == Byte.doubleQuote { output.append(contentsOf: Word.quoteEntity) } else { output.append(byte) }
                }
            } else {
                copy(value)
            }
            output.append(mark)
        }

        private func isUnwrapped(_ name: Range<Int>) -> Bool {
            vocabulary.unwrappedElements.contains { equalsIgnoringCase(name, $0) }
        }

        /// For an end tag whose name starts at `start`: whether it closes an unwrapped element whose tags were left
        /// out (it is then left out too). A stray end tag of such an element is left out as well.
        private mutating func closesUnwrapped(_ start: Int) -> Bool {
            guard !vocabulary.unwrappedElements.isEmpty else { return false }
            var end = start
            while end < input.count, !Byte.endsName(input[end]) { end += 1 }
            guard isUnwrapped(start..<end) else { return false }
            return !(unwrapped.popLast() ?? false)
        }

        /// Whether a `class` value lists a class of the vocabulary (every class counts when it keeps all).
        private func hasKeptClass(_ value: Range<Int>) -> Bool {
            guard let classes = vocabulary.classes else { return !value.isEmpty }
            var index = value.lowerBound
            while index < value.upperBound {
                while index < value.upperBound, Byte.isSpace(input[index]) { index += 1 }
                let start = index
                while index < value.upperBound, !Byte.isSpace(input[index]) { index += 1 }
                let token = UnsafeBufferPointer(rebasing: input[start..<index])
                if start < index, classes.contains(where: { $0.elementsEqual(token) }) { return true }
            }
            return false
        }

        private func isSpaceOnly(_ range: Range<Int>) -> Bool {
            var index = range.lowerBound
            while index < range.upperBound {
                guard Byte.isSpace(input[index]) else { return false }
                index += 1
            }
            return true
        }

        /// Whether a start tag at `open` is one before which a node's text breaks the line.
        private func breaksLine(at open: Int) -> Bool {
            var end = open + 1
            while end < input.count, end - open <= 4, !Byte.endsName(input[end]) { end += 1 }
            guard end < input.count, Byte.endsName(input[end]) else { return false }
            let name = (open + 1)..<end
            return Word.lineBreaking.contains { equalsIgnoringCase(name, $0) }
        }

        private func keeps(_ name: Range<Int>) -> Bool {
            guard let attributes = vocabulary.attributes else { return true }
            return attributes.contains { equalsIgnoringCase(name, $0) }
        }

        /// Copies the class names of a `class` value that the vocabulary keeps, separated by spaces.
        private mutating func keptClasses(in value: Range<Int>, from classes: [[UInt8]]) {
            var first = true
            var index = value.lowerBound
            while index < value.upperBound {
                while index < value.upperBound, Byte.isSpace(input[index]) { index += 1 }
                let start = index
                while index < value.upperBound, !Byte.isSpace(input[index]) { index += 1 }
                guard start < index else { continue }
                let token = UnsafeBufferPointer(rebasing: input[start..<index])
                guard classes.contains(where: { $0.elementsEqual(token) }) else { continue }
                if !first { output.append(Byte.space) }
                copy(start..<index)
                first = false
            }
        }

        private mutating func copy(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
        }

        /// The index of the `<` of the first `</name` at or after `start` that the name does not run on past.
        private func findEndTag(_ name: [UInt8], from start: Int) -> Int? {
            var index = start
            let length = name.count
            while let open = find(Byte.lessThan, from: index) {
                if open + 1 < input.count, input[open + 1] == Byte.slash,
                   open + 2 + length <= input.count, equalsIgnoringCase(open + 2..<(open + 2 + length), name),
                   open + 2 + length == input.count || Byte.endsName(input[open + 2 + length]) {
                    return open
                }
                index = open + 1
            }
            return nil
        }

        /// The index just past the end tag starting at `start`.
        private func skipEndTag(at start: Int) -> Int {
            (find(Byte.greaterThan, from: start) ?? input.count - 1) + 1
        }

        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < input.count, let base = input.baseAddress,
                  let found = memchr(base + start, Int32(byte), input.count - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        private func find(_ text: [UInt8], from start: Int) -> Int? {
            guard let first = text.first else { return nil }
            var index = start
            while let candidate = find(first, from: index) {
                if matches(text, at: candidate) { return candidate }
                index = candidate + 1
            }
            return nil
        }

        private func matches(_ pattern: [UInt8], at start: Int) -> Bool {
            guard start + pattern.count <= input.count else { return false }
            return UnsafeBufferPointer(rebasing: input[start..<(start + pattern.count)]).elementsEqual(pattern)
        }

        /// Whether the bytes of `range` spell `pattern` (lower case) in any case.
        private func equalsIgnoringCase(_ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
            guard range.count == pattern.count else { return false }
            return pattern.withUnsafeBufferPointer { pattern in
                var offset = 0
                while offset < pattern.count {
                    guard Byte.lowercased(input[range.lowerBound + offset]) == pattern[offset] else { return false }
                    offset += 1
                }
                return true
            }
        }

        private func containsIgnoringCase(_ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
            guard range.count >= pattern.count else { return false }
            var start = range.lowerBound
            while start <= range.upperBound - pattern.count {
                if equalsIgnoringCase(start..<(start + pattern.count), pattern) { return true }
                start += 1
            }
            return false
        }
    }

    /// Tag and attribute names and other fixed byte strings, lower case.
    private enum Word {
        static let script = Array("script".utf8)
        static let style = Array("style".utf8)
        static let svg = Array("svg".utf8)
        static let link = Array("link".utf8)
        static let type = Array("type".utf8)
        static let lineBreaking = ["div", "p", "li", "tr", "br"].map { Array($0.utf8) }
        static let rel = Array("rel".utf8)
        static let title = Array("title".utf8)
        static let textarea = Array("textarea".utf8)
        static let `class` = Array("class".utf8)
        static let jsonLD = Array("ld+json".utf8)
        static let quoteEntity = Array("&quot;".utf8)
        static let commentStart = Array("<!--".utf8)
        static let commentEnd = Array("-->".utf8)
    }

    private enum Byte {
        static let lessThan = UInt8(ascii: "<")
        static let greaterThan = UInt8(ascii: ">")
        static let slash = UInt8(ascii: "/")
        static let exclamation = UInt8(ascii: "!")
        static let question = UInt8(ascii: "?")
        static let equals = UInt8(ascii: "=")
        static let doubleQuote = UInt8(ascii: "\"")
        static let singleQuote = UInt8(ascii: "'")
        static let space = UInt8(ascii: " ")

        static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }

        static func endsName(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == slash || byte == greaterThan
        }

        static func endsAttributeName(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == slash || byte == greaterThan || byte == equals
        }

        static func lowercased(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }
    }
}
