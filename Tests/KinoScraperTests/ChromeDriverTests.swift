import Foundation
import KinoScraper
import Testing

/// The rendering fetcher against a real headless Chromium (Debian's chromium and chromium-driver).
struct ChromeDriverTests {
    /// A page whose film data exists only after its script runs: the JSON-LD is written by JavaScript on load.
    static let scriptedPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Загрузка…</title></head>
        <body><div id="app">loading</div>
        <script>
        window.addEventListener('load', function () {
          setTimeout(function () {
            var data = {"@context": "https://schema.org", "@type": "Movie", "name": "Сталкер",
                        "alternateName": "Stalker", "datePublished": "1979-05-25",
                        "director": [{"@type": "Person", "name": "Андрей Тарковский"}]};
            var script = document.createElement('script');
            script.type = 'application/ld+json';
            script.text = JSON.stringify(data);
            document.head.appendChild(script);
            document.title = 'Сталкер (1979)';
            document.getElementById('app').textContent = 'Сталкер, 1979';
          }, 150);
        });
        </script></body></html>
        """

    @Test func rendersWhatTheScriptWrites() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("stalker.html")
        try Self.scriptedPage.write(to: page, atomically: true, encoding: .utf8)
        #expect(!Self.scriptedPage.contains("Андрей Тарковский\"}]}</script>"))

        let driver = ChromeDriver()
        do {
            let rendered = try await driver.render(page, waitFor: "script[type='application/ld+json']")
            #expect(rendered.html.contains("\"name\":\"Сталкер\""))
            #expect(rendered.html.contains("<title>Сталкер (1979)</title>"))
            #expect(rendered.finalURL.lastPathComponent == "stalker.html")
            await driver.shutdown()
        } catch {
            await driver.shutdown()
            throw error
        }
    }

    @Test func namesTheSelectorThatNeverAppeared() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kino-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("empty.html")
        try "<html><body>nothing here</body></html>".write(to: page, atomically: true, encoding: .utf8)

        var configuration = ChromeDriver.Configuration()
        configuration.elementTimeout = .milliseconds(300)
        let driver = ChromeDriver(configuration: configuration)
        let error = await #expect(throws: ScraperError.self) {
            try await driver.render(page, waitFor: "#film-data")
        }
        await driver.shutdown()
        #expect(error?.code == .rendering)
        #expect(error?.message.contains("#film-data") == true)
    }
}
