import Foundation
import KinoScraper
import Testing

/// The libxml2 wrapper: elements, attributes, text.
struct HTMLDocumentTests {
    static let html = """
        <html><head><title> The  Title </title><meta name="description" content="About &amp; more"></head>
        <body><div class="a b"><p>One <b>two</b><script type="application/ld+json">var x = "<p>no</p>";</script></p><p>three<sup>[1]</sup></p></div>
        <ul><li>x</li><li>y</li></ul></body></html>
        """

    @Test func elementsAttributesAndText() throws {
        let document = try HTMLDocument(text: Self.html, url: "https://films.example/")
        let root = try #require(document.root)
        #expect(root.name == "html")
        #expect(root.first("title")?.text() == "The Title")
        #expect(root.first("meta")?.attribute("content") == "About & more")
        let div = try #require(root.first("div"))
        #expect(div.hasClass("b"))
        #expect(!div.hasClass("c"))
        #expect(div.children.map(\.name) == ["p", "p"])
        #expect(div.text() == "One two three[1]")
        #expect(div.text(skipping: { $0.is("sup") }) == "One two three")
        #expect(root.all("li").map { $0.text() } == ["x", "y"])
        #expect(root.first("script")?.ownText == "var x = \"<p>no</p>\";")
        #expect(root.first("script")?.ownTextByteCount == 20)
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        let title: HTMLNode? = try HTMLDocument(text: Self.html, url: "https://films.example/").root?.first("title")
        #expect(title?.text() == "The Title")
    }
}

/// Markup cut before parsing: scripts, styles, SVG, comments, and what a vocabulary does not keep.
struct MarkupPrunerTests {
    static func pruned(_ html: String, keeping vocabulary: MarkupVocabulary = .everything) -> String {
        var html = html
        return String(decoding: html.withUTF8 { MarkupPruner.prune($0, keeping: vocabulary) }, as: UTF8.self)
    }

    @Test func scriptsStylesSVGAndCommentsAreDroppedButJSONLDKept() throws {
        let html = """
            <html><head><SCRIPT type="text/javascript">var a = "<p>not a paragraph</p>";</SCRIPT>
            <style media='x>y'>p { color: red }</style>
            <script type="application/ld+json">{"name": "kept"}</script>
            <!-- <script> inside a comment is no script --><title>After</title></head>
            <body><svg viewBox="0 0 1 1"><a href="/icon">icon</a><path d="M0"/></svg><p>text</p><script>unclosed <a href="/x">
            """
        let document = try HTMLDocument(text: html, url: "https://films.example/")
        let root = try #require(document.root)
        #expect(root.all("script").map(\.ownText) == ["{\"name\": \"kept\"}"])
        #expect(root.first("style") == nil)
        #expect(root.first("svg") == nil)
        #expect(root.first("title")?.text() == "After")
        #expect(root.all("p").map { $0.text() } == ["text"])
        #expect(root.first("a") == nil)
    }

    @Test func scriptWordsOutsideTagsStayText() throws {
        let document = try HTMLDocument(text: "<p>a <scripting> b < script c <stylesheet></p>", url: "https://films.example/")
        #expect(document.root?.first("p")?.text() == "a b < script c")
    }

    @Test func onlyTheVocabularysAttributesAndClassesAreKept() {
        let vocabulary = MarkupVocabulary(attributes: ["href", "class"], classes: ["keep"])
        #expect(Self.pruned(#"<A HREF="/a?x=1&amp;y=>2" data-x='{"a":1}' class="x keep  y">t</A>"#, keeping: vocabulary)
            == #"<A HREF="/a?x=1&amp;y=>2" class="keep">t</A>"#)
        #expect(Self.pruned(#"<div class="other"><br/><img src=x.png alt=a href=/u></div>"#, keeping: vocabulary)
            == #"<div class=""><br/><img href="/u"></div>"#)
        #expect(Self.pruned(#"<a href=/x"y disabled class=keep>"#, keeping: vocabulary) == #"<a href="/x&quot;y" class="keep">"#)
        #expect(Self.pruned(#"<p title="a > b" id=1>x</p>"#, keeping: vocabulary) == "<p>x</p>")
    }

    @Test func onlyTheVocabularysLinkRelationsAreKept() {
        let vocabulary = MarkupVocabulary(attributes: nil, classes: nil, linkRelations: ["canonical"])
        #expect(Self.pruned(#"<link rel=preload href="/a.js"><LINK REL="Canonical" href="/film/1/"><link>x"#, keeping: vocabulary)
            == #"<LINK REL="Canonical" href="/film/1/">x"#)
    }

    @Test func theVocabularysVoidElementsAreDropped() {
        let vocabulary = MarkupVocabulary(attributes: nil, classes: nil, droppedVoidElements: ["img", "wbr"])
        #expect(Self.pruned(#"<p>a<IMG src="x.png" alt='>'/>b<wbr>c<br>d</p>"#, keeping: vocabulary) == "<p>abc<br>d</p>")
    }

    @Test func spaceAloneBeforeLineBreakingTagsIsDroppedAndTheTextStaysTheSame() throws {
        let vocabulary = MarkupVocabulary(attributes: nil, classes: nil, dropsSpaceBeforeLineBreaks: true)
        let html = "<div>\n  <div>a</div>\n <P>b</P> <span>c</span> <span>d</span>\t<br>e <li>f</li>\n<td>g</td> <td>h</td></div>"
        #expect(Self.pruned(html, keeping: vocabulary)
            == "<div><div>a</div><P>b</P> <span>c</span> <span>d</span><br>e <li>f</li>\n<td>g</td> <td>h</td></div>")
        let whole = try #require(try HTMLDocument(text: html, url: "https://films.example/").root)
        let pruned = try #require(try HTMLDocument(text: html, url: "https://films.example/", keeping: vocabulary).root)
        #expect(pruned.text() == whole.text())
        #expect(pruned.text() == "a b c d e f g h")
    }

    @Test func unwrappedElementsKeepTheirContentAndOnlyKnownClassesKeepTheirTags() {
        let vocabulary = MarkupVocabulary(attributes: ["class"], classes: ["gray"], unwrappedElements: ["span"])
        #expect(Self.pruned(#"<p><span class="x">a <SPAN class="gray y">b</SPAN> <span>c</span></span>d</span></p>"#, keeping: vocabulary)
            == #"<p>a <SPAN class="gray">b</SPAN> cd</p>"#)
    }

    @Test func titleAndTextareaBodiesAreCopiedAsWritten() {
        let vocabulary = MarkupVocabulary(attributes: [], classes: [])
        #expect(Self.pruned("<title lang=en>A <b class=x> & B</title><p id=2>c", keeping: vocabulary)
            == "<title>A <b class=x> & B</title><p>c")
    }

    @Test func brokenMarkupEndsWithoutLooping() {
        #expect(Self.pruned("text <a href=\"never closed") == "text ")
        #expect(Self.pruned("a <!-- open comment <p>x</p>") == "a ")
        #expect(Self.pruned("<p>x</p></unclosed") == "<p>x</p></unclosed")
        #expect(Self.pruned("x < y <> z <3") == "x < y <> z <3")
    }

    @Test func theExtractorsVocabularyKeepsWhatTheRealPagesYield() throws {
        // Pruning must not change what a page extracts: every saved page extracts the same with and without it.
        let folder = TestData.directory.appendingPathComponent("html-pages")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(files.count >= 10)
        for file in files {
            let body = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            let url = folder.appendingPathComponent(file)
            let pruned = try PageExtractor.extract(body, url: url, contentType: nil, fetchedAt: Date(timeIntervalSince1970: 0))
            let whole = try PageExtractor.extract(body, url: url, contentType: nil, fetchedAt: Date(timeIntervalSince1970: 0),
                                                  vocabulary: .everything)
            #expect(pruned == whole, "\(file)")
        }
    }
}

/// White space collapsed in extracted text, including the invisible marks between words.
struct CollapsingWhitespaceTests {
    @Test func unicodeSpacesAndMarksCollapse() {
        #expect(" a\u{00A0}\u{2003}b\u{200B}\tc\u{3000}\u{FEFF}d\u{200E} ".collapsingWhitespace() == "a b c d")
        #expect("Город\u{0085}грехов\n\n".collapsingWhitespace() == "Город грехов")
        #expect("ab\u{1FFF}c".collapsingWhitespace() == "ab\u{1FFF}c")
    }
}
