import Foundation
import KinoScraper
import Testing

/// The libxml2 wrapper: elements, attributes, text.
struct HTMLDocumentTests {
    static let html = """
        <html><head><title> The  Title </title><meta name="description" content="About &amp; more"></head>
        <body><div class="a b"><p>One <b>two</b><script>var x = "<p>no</p>";</script></p><p>three<sup>[1]</sup></p></div>
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
