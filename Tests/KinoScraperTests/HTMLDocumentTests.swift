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

/// Script and style bodies left out before parsing.
struct HTMLScriptBodyTests {
    @Test func scriptAndStyleBodiesAreDroppedButJSONLDAndCommentsKept() throws {
        let html = """
            <html><head><SCRIPT type="text/javascript">var a = "<p>not a paragraph</p>";</SCRIPT>
            <style media='x>y'>p { color: red }</style>
            <script type="application/ld+json">{"name": "kept"}</script>
            <!-- <script> inside a comment is no script --><title>After</title></head>
            <body><p>text</p><script>unclosed <a href="/x">
            """
        let document = try HTMLDocument(text: html, url: "https://films.example/")
        let root = try #require(document.root)
        let scripts = root.all("script")
        #expect(scripts.count == 3)
        #expect(scripts.map(\.ownText) == ["", "{\"name\": \"kept\"}", ""])
        #expect(root.first("style")?.ownText == "")
        #expect(root.first("style")?.attribute("media") == "x>y")
        #expect(root.first("title")?.text() == "After")
        #expect(root.all("p").map { $0.text() } == ["text"])
        #expect(root.first("a") == nil)
    }

    @Test func scriptWordsOutsideTagsStayText() throws {
        let document = try HTMLDocument(text: "<p>a <scripting> b < script c <stylesheet></p>", url: "https://films.example/")
        #expect(document.root?.first("p")?.text() == "a b < script c")
    }
}
