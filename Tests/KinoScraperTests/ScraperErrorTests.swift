import KinoScraper
import Testing

struct ScraperErrorTests {
    @Test func messageIsTheDescription() {
        let error = ScraperError(.tooLarge, "https://example.org/big: larger than 10 MB")
        #expect(error.code == .tooLarge)
        #expect("\(error)" == "https://example.org/big: larger than 10 MB")
    }
}
