// Measures text analysis throughput on one core, in tokens per second of the thread's CPU time (so that other
// processes on the machine do not skew it; wall-clock throughput is shown beside it).
//
// Corpus: real descriptions from the shared data — English: tmdb-5000 overviews and the CMU plot summaries sample;
// Russian: ru-kinopoisk-400 descriptions. Each measurement runs the corpus enough times to analyse about a million
// tokens per run and reports the median of several runs:
//   - ICU word breaking alone over UTF-16 already in memory (the baseline: ICU's own speed),
//   - KinoText without stemming (word breaking, normalization, compounds; `tokens` and `terms`),
//   - KinoText with Snowball stemming.
// Run: swift run -c release kino bench analysis [--data ../shared/data] [--runs 7]

import ArgumentParser
import Foundation
@_spi(Benchmarks) import KinoText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kino bench analysis`: tokens per second of text analysis against bare ICU word breaking.
struct BenchAnalysis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Measure text analysis throughput (tokens/s on one core) on real Russian and English text."
    )

    @Option(help: "The shared data directory.")
    var data = "../shared/data"

    @Option(help: "Timed runs per measurement; the median is reported.")
    var runs = 7

    @Option(help: "Run only the corpora and measurements whose names contain this text (e.g. \"stemming\").")
    var filter: String?

    func run() throws {
        let directory = URL(fileURLWithPath: data, isDirectory: true)
        let english = try CSVColumn.read(directory.appendingPathComponent("tmdb-5000/tmdb_5000_movies.csv"),
                                         column: "overview")
            + TabSeparated.secondColumn(directory.appendingPathComponent("plots-cmu-sample/plot_summaries.sample.txt"))
        let russian = try CSVColumn.read(directory.appendingPathComponent("ru-kinopoisk-400/kinopoisk_movies.csv"),
                                         column: "description")
        let corpora = [("English", english), ("Russian", russian), ("Both", english + russian)]

        print("text analysis, one core, median of \(max(runs, 1)) runs; throughput per CPU second (and per wall second)")
        print(pad(["corpus", "measurement", "texts", "tokens/pass", "ms/pass", "M tokens/s", "(wall)", "vs ICU"]))
        let plain = Analyzer(stemming: false)
        let stemming = Analyzer(stemming: true)
        for (name, texts) in corpora {
            let utf16 = texts.map { Array($0.utf16) }
            let passes: [(String, () -> Int)] = [
                ("ICU word break only", { WordBreakBaseline.countWords(in: utf16) }),
                ("tokens, no stemming", { texts.reduce(0) { $0 + plain.tokens($1).count } }),
                ("terms, no stemming", { texts.reduce(0) { $0 + plain.terms($1).count } }),
                ("tokens, stemming", { texts.reduce(0) { $0 + stemming.tokens($1).count } }),
                ("terms, stemming", { texts.reduce(0) { $0 + stemming.terms($1).count } }),
            ]
            var baseline: Measurement?
            for (label, pass) in passes {
                if let filter, !"\(name) \(label)".localizedCaseInsensitiveContains(filter) { continue }
                let result = measure(pass)
                if baseline == nil, label.hasPrefix("ICU") { baseline = result }
                print(pad([name, label, String(texts.count), String(result.tokensPerPass),
                           String(format: "%.2f", result.cpuSecondsPerPass * 1000),
                           String(format: "%.2f", result.tokensPerCPUSecond / 1e6),
                           String(format: "%.2f", result.tokensPerWallSecond / 1e6),
                           baseline.map { String(format: "%.2f", result.tokensPerCPUSecond / $0.tokensPerCPUSecond) }
                               ?? "-"]))
            }
        }
    }

    private struct Measurement {
        var tokensPerPass: Int
        var cpuSecondsPerPass: Double
        var wallSecondsPerPass: Double
        var tokensPerCPUSecond: Double { Double(tokensPerPass) / cpuSecondsPerPass }
        var tokensPerWallSecond: Double { Double(tokensPerPass) / wallSecondsPerPass }
    }

    /// The CPU time this thread has used, in seconds.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Runs `pass` (one pass over the corpus, returning its token count) enough times for about a million tokens
    /// per run, `runs` times after a warm-up; returns the median run.
    private func measure(_ pass: () -> Int) -> Measurement {
        let tokensPerPass = pass()
        let passesPerRun = max(1, 1_000_000 / max(tokensPerPass, 1))
        let clock = ContinuousClock()
        var cpuSeconds: [Double] = []
        var wallSeconds: [Double] = []
        for _ in 0..<max(runs, 1) {
            var total = 0
            let cpuStart = Self.threadCPUSeconds()
            let elapsed = clock.measure {
                for _ in 0..<passesPerRun {
                    total &+= pass()
                }
            }
            cpuSeconds.append((Self.threadCPUSeconds() - cpuStart) / Double(passesPerRun))
            precondition(total == tokensPerPass * passesPerRun, "token counts changed between passes")
            let components = elapsed.components
            wallSeconds.append((Double(components.seconds) + Double(components.attoseconds) * 1e-18)
                / Double(passesPerRun))
        }
        cpuSeconds.sort()
        wallSeconds.sort()
        return Measurement(tokensPerPass: tokensPerPass, cpuSecondsPerPass: cpuSeconds[cpuSeconds.count / 2],
                           wallSecondsPerPass: wallSeconds[wallSeconds.count / 2])
    }

    private func pad(_ cells: [String]) -> String {
        let widths = [8, 20, 6, 12, 8, 11, 7, 6]
        return zip(cells, widths).map { cell, width in
            cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count)
        }.joined(separator: " ")
    }
}

/// One column of an RFC 4180 CSV file (quoted fields, doubled quotes, line breaks inside quotes).
private enum CSVColumn {
    static func read(_ url: URL, column: String) throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: url))
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    quoted = true
                case UInt8(ascii: ","):
                    row.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                case UInt8(ascii: "\n"):
                    row.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    rows.append(row)
                    row = []
                case UInt8(ascii: "\r"):
                    break
                default:
                    field.append(byte)
                }
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
        }
        guard let header = rows.first, let position = header.firstIndex(of: column) else {
            throw ValidationError("\(url.path) has no column \(column)")
        }
        return rows.dropFirst().compactMap { $0.count > position && !$0[position].isEmpty ? $0[position] : nil }
    }
}

/// The second column of a tab-separated file (`id<TAB>text` per line).
private enum TabSeparated {
    static func secondColumn(_ url: URL) throws -> [String] {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            line.split(separator: "\t", maxSplits: 1).dropFirst().first.map(String.init)
        }
    }
}
