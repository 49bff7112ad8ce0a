import ArgumentParser
import Foundation
import KinoText

/// `kino analyze TEXT [--json]`: shows how Kino analyses text — every token with its normalized form, stem and
/// script — and the variants (keyboard layout, transliterations) a search would try for each word of it.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the tokens, stems and query variants Kino makes of a text."
    )

    @Argument(help: "The text to analyse, e.g. \"Человек-паук\" or \"vfnhbwf\".")
    var text: String

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Flag(name: .customLong("no-stemming"), help: "Analyse without Snowball stemming.")
    var noStemming = false

    func run() throws {
        let analyzer = Analyzer(stemming: !noStemming)
        let report = Report(
            text: text,
            tokens: analyzer.tokens(text).map(Report.TokenRow.init),
            words: Self.queryWords(of: text).map { word in
                Report.WordVariants(word: word, variants: analyzer.queryVariants(word).map(Report.VariantRow.init))
            }
        )
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table)
        }
    }
}

extension Analyze {
    /// What a search would rewrite: each whitespace-separated word, and the whole text when it has several (a phrase
    /// typed in the wrong layout is converted whole, "ыефк цфкы" → "star wars").
    static func queryWords(of text: String) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        return words.count > 1 ? [words.joined(separator: " ")] + words : words
    }
}

/// What `kino analyze` prints.
private struct Report: Encodable {
    struct TokenRow: Encodable {
        var text: String
        var normalized: String
        var stem: String
        var script: String
        var position: Int
        var kind: String
        var utf8Range: [Int]

        init(_ token: Token) {
            text = String(token.text)
            normalized = token.normalized
            stem = token.stem
            script = token.script.rawValue
            position = token.position
            kind = switch token.kind {
            case .word: "word"
            case .compound: "compound"
            case .compoundPart: "part"
            case .numeralValue: "numeral"
            }
            utf8Range = [token.utf8Range.lowerBound, token.utf8Range.upperBound]
        }
    }

    struct VariantRow: Encodable {
        var kind: String
        var rank: Int
        var text: String
        var terms: [String]

        init(_ variant: Variant) {
            kind = switch variant.kind {
            case .original: "original"
            case .keyboardLayout: "layout"
            case .transliteration: "translit"
            }
            rank = variant.rank
            text = variant.text
            terms = variant.terms
        }
    }

    struct WordVariants: Encodable {
        var word: String
        var variants: [VariantRow]
    }

    var text: String
    var tokens: [TokenRow]
    var words: [WordVariants]

    var table: String {
        var lines: [String] = []
        let header = ["pos", "kind", "text", "normalized", "stem", "script"]
        let rows = tokens.map { [String($0.position), $0.kind, $0.text, $0.normalized, $0.stem, $0.script] }
        lines += Self.format([header] + rows)
        for word in words {
            lines.append("")
            lines.append("query variants of \"\(word.word)\":")
            let rows = word.variants.map { [$0.kind, String($0.rank), $0.text, $0.terms.joined(separator: " ")] }
            lines += Self.format([["kind", "rank", "text", "terms"]] + rows)
        }
        return lines.joined(separator: "\n")
    }

    /// Left-aligned columns, measured in characters so Cyrillic lines up.
    private static func format(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
    }
}
