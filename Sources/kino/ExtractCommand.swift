import ArgumentParser
import AsyncHTTPClient
import Foundation
import KinoCatalog
import KinoScraper

/// `kino extract FILE|URL`: what the scraper reads from one page, for checking an extractor against a saved or live
/// page.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the film records of one HTML page (a file or an http(s) URL).",
        discussion: """
            A saved file is keyed by --url if given, else by the page's canonical link or og:url, else by the file's \
            URL. With --json the records are printed in the catalog's JSON encoding, with the rejections and the \
            number of links.
            """
    )

    @Argument(help: "An HTML file, or an http(s) URL to fetch.") var page: String
    @Flag(name: .long, help: "Print the records as JSON.") var json = false
    @Option(name: .long, help: "The URL a saved file was fetched from.") var url: String?
    @Option(name: .long, help: "Seconds to wait for a fetched page.") var timeout = 20

    func run() async throws {
        let body: [UInt8]
        let pageURL: URL
        let contentType: String?
        if page.lowercased().hasPrefix("http://") || page.lowercased().hasPrefix("https://") {
            guard let fetchURL = URL(string: page) else { throw ValidationError("\(page): not a valid URL") }
            (body, contentType) = try await fetch(fetchURL)
            pageURL = fetchURL
        } else {
            let file = URL(fileURLWithPath: page)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ScraperError(.unreadablePage, "\(page): cannot read the file")
            }
            body = [UInt8](data)
            contentType = nil
            if let url {
                guard let given = URL(string: url), given.scheme != nil else { throw ValidationError("--url \(url): not a valid URL") }
                pageURL = given
            } else {
                pageURL = file
            }
        }
        let extracted = try PageExtractor.extract(body, url: pageURL, contentType: contentType, fetchedAt: Date())
        if json {
            let encoder = CatalogJSON.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            let output = ExtractionOutput(url: extracted.url.absoluteString, kind: extracted.kind.rawValue,
                                          records: extracted.records, rejections: extracted.rejections,
                                          links: extracted.links.count)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(summary(extracted))
        }
    }

    /// A simple GET of at most 10 MB within the timeout; the crawler's fetcher adds retries, politeness and robots.txt.
    private func fetch(_ target: URL) async throws -> ([UInt8], String?) {
        var request = HTTPClientRequest(url: target.absoluteString)
        request.headers.add(name: "User-Agent", value: "kino-extract/1.0")
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml")
        let limit = ExtractionLimits.default.maxPageBytes
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(timeout)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ScraperError(.timedOut, "\(target.absoluteString): no answer within \(timeout) s")
        } catch {
            throw ScraperError(.network, "\(target.absoluteString): \(error)")
        }
        guard (200..<300).contains(response.status.code) else {
            throw ScraperError(.httpStatus, "\(target.absoluteString): the server answered \(response.status.code)")
        }
        do {
            let buffer = try await response.body.collect(upTo: limit)
            return (Array(buffer.readableBytesView), response.headers.first(name: "Content-Type"))
        } catch {
            throw ScraperError(.tooLarge, "\(target.absoluteString): page over the limit of \(limit) bytes")
        }
    }

    /// The human-readable account of a page.
    private func summary(_ page: ExtractedPage) -> String {
        var lines = ["\(page.url.absoluteString)", "kind: \(page.kind.rawValue), \(page.records.count) record(s), \(page.links.count) links"]
        for record in page.records {
            lines.append("")
            lines.append(contentsOf: describe(record))
        }
        for rejection in page.rejections {
            lines.append("rejected: \(rejection)")
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ record: SourceRecord) -> [String] {
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(label): \(value)") }
        }
        add("title (ru)", record.titleRU)
        add("title (original)", record.titleOriginal)
        add("title (en)", record.titleEN)
        add("other titles", record.alternativeTitles.joined(separator: "; "))
        add("year", record.year.map(String.init))
        add("release date", record.releaseDate)
        add("type", record.type?.rawValue)
        add("runtime", record.runtimeMinutes.map { "\($0) min" })
        add("genres", record.genres.map(\.labelEN).joined(separator: ", "))
        add("countries", record.countries.joined(separator: ", "))
        add("age rating", record.ageRating)
        add("MPAA rating", record.mpaaRating)
        for rating in record.ratings {
            add("rating (\(rating.source.rawValue))", "\(rating.value)" + (rating.votes.map { " from \($0) votes" } ?? ""))
        }
        add("budget", record.budget.map { "\($0.amount) \($0.currency)" })
        add("box office", record.boxOffice.map { "\($0.amount) \($0.currency)" })
        add("external ids", record.externalIDs.sorted { $0.key < $1.key }.map { "\($0.key.rawValue):\($0.value)" }.joined(separator: ", "))
        add("poster", record.poster)
        add("description (ru)", record.descriptionRU.map(Self.start))
        add("description (en)", record.descriptionEN.map(Self.start))
        for role in Role.allCases {
            let people = record.credits.filter { $0.role == role }
            guard !people.isEmpty else { continue }
            let names = people.prefix(12).map { credit in
                var name = [credit.nameRU, credit.nameEN].compactMap { $0 }.joined(separator: " / ")
                if let id = credit.kinopoiskID { name += " [\(id)]" }
                if let character = credit.character { name += " as \(character)" }
                return name
            }
            let more = people.count > 12 ? ", ... (\(people.count) in all)" : ""
            add(role.rawValue, names.joined(separator: ", ") + more)
        }
        return lines
    }

    /// The first 160 characters of a description.
    private static func start(_ text: String) -> String {
        text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}

/// What `kino extract --json` prints.
private struct ExtractionOutput: Encodable {
    var url: String
    var kind: String
    var records: [SourceRecord]
    var rejections: [String]
    var links: Int
}
