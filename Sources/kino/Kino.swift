import ArgumentParser
import NIOCore
import NIOPosix

/// The `kino` command line: every role of the service is one of its commands.
@main
struct Kino: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kino",
        abstract: "Kino: film search and discovery for Russian and English.",
        subcommands: [ServeCommand.self, ImportCommand.self, CatalogCommand.self, IndexCommand.self, SearchCommand.self, SimilarCommand.self, Analyze.self, ExtractCommand.self, ScrapeCommand.self, SyncCommand.self, BenchCommand.self]
    )

    static func main() async {
        if CommandLine.arguments.dropFirst().first == "serve" {
            // The server's tasks run on NIO's event loops rather than hopping to a second pool of threads and back
            // for every request. Installed from the main thread, before any task is enqueued.
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await main(nil)
    }
}


/// `kino bench ...`: benchmarks that run on demand and print a table (results go to Benchmarks/RESULTS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run benchmarks.",
        subcommands: [BenchAnalysis.self, BenchCorpus.self, BenchRelevance.self, BenchSearch.self, BenchExtract.self, BenchCrawl.self]
    )
}
