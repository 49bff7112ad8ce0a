import Foundation
import KinoScraper
import Testing

struct SitemapTests {
    let url = URL(fileURLWithPath: "/sitemap.xml")

    @Test func readsAURLSet() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://films.example/film/1/</loc><lastmod>2026-11-01</lastmod></url>
              <url><loc> https://films.example/film/2/ </loc></url>
              <url><loc>ftp://films.example/no</loc></url>
              <url><priority>0.5</priority></url>
            </urlset>
            """
        let sitemap = try Sitemap(parsing: Array(xml.utf8), url: url)
        #expect(sitemap.kind == .pages)
        #expect(sitemap.entries.map(\.location.absoluteString) == ["https://films.example/film/1/", "https://films.example/film/2/"])
        #expect(sitemap.entries.first?.lastModified == "2026-11-01")
    }

    @Test func readsASitemapIndex() throws {
        let xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://films.example/sitemap-films.xml</loc></sitemap>
              <sitemap><loc>https://films.example/sitemap-people.xml</loc></sitemap>
            </sitemapindex>
            """
        let sitemap = try Sitemap(parsing: Array(xml.utf8), url: url)
        #expect(sitemap.kind == .index)
        #expect(sitemap.entries.count == 2)
    }

    @Test func refusesWhatIsNotASitemap() {
        #expect { try Sitemap(parsing: Array("<html><body/></html>".utf8), url: url) } throws: {
            ($0 as? ScraperError)?.code == .unreadablePage
        }
        #expect { try Sitemap(parsing: Array("<urlset><url>".utf8), url: url) } throws: {
            ($0 as? ScraperError)?.code == .unreadablePage
        }
    }

    @Test func doesNotExpandEntities() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <urlset><url><loc>https://films.example/&secret;</loc></url></urlset>
            """
        let sitemap = try Sitemap(parsing: Array(xml.utf8), url: url)
        #expect(sitemap.entries.allSatisfy { !$0.location.absoluteString.contains("root") })
    }
}

/// Gzip-compressed sitemaps (`sitemap.xml.gz`).
struct CompressedSitemapTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test func aCompressedSitemapIsInflatedAndRead() throws {
        let sitemap = try Sitemap(parsing: try Self.fixture("sitemap-1000.xml.gz"), url: URL(fileURLWithPath: "/sitemap.xml.gz"))
        #expect(sitemap.kind == .pages)
        #expect(sitemap.entries.count == 1000)
        #expect(sitemap.entries.last?.location.absoluteString == "https://films.example/film/1000/")
    }

    @Test func aSitemapInflatingPastTheLimitIsRefused() throws {
        let bomb = try Self.fixture("sitemap-bomb.xml.gz")
        #expect(bomb.count < 200_000)
        let error = #expect(throws: ScraperError.self) {
            _ = try Sitemap(parsing: bomb, url: URL(fileURLWithPath: "/bomb.xml.gz"))
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("/bomb.xml.gz") == true)
    }

    @Test func brokenGzipDataIsAnError() throws {
        var bytes = try Self.fixture("sitemap-1000.xml.gz")
        bytes.removeLast(bytes.count / 2)
        let error = #expect(throws: ScraperError.self) {
            _ = try Sitemap(parsing: bytes, url: URL(fileURLWithPath: "/cut.xml.gz"))
        }
        #expect(error?.code == .unreadablePage)
    }
}
