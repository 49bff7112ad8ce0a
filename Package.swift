// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kino",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kino", targets: ["kino"]),
        .library(name: "KinoCatalog", targets: ["KinoCatalog"]),
        .library(name: "KinoText", targets: ["KinoText"]),
        .library(name: "KinoIndex", targets: ["KinoIndex"]),
        .library(name: "KinoSearch", targets: ["KinoSearch"]),
        .library(name: "KinoScraper", targets: ["KinoScraper"]),
        .library(name: "KinoWeb", targets: ["KinoWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // Without its default traits: Kino reads no swift-configuration providers.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // ICU through a C target whose header exposes no ICU type: a Swift module that sees ICU's own headers and
        // also imports Foundation fails to compile ("'UProperty' has different definitions"), even indirectly.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // Snowball stemmers from Debian's libstemmer-dev.
        .systemLibrary(name: "CStemmer"),
        .target(
            name: "KinoText",
            dependencies: ["CICU", "CStemmer"],
            swiftSettings: searchPathSettings
        ),
        // The search engine: film-agnostic, no HTTP, database or logging.
        .target(
            name: "KinoIndex",
            dependencies: ["KinoText"],
            swiftSettings: searchPathSettings
        ),
        // Films on top of the engine: the film schema, index builds from the catalog, generations.
        .target(
            name: "KinoSearch",
            dependencies: ["KinoIndex", "KinoText", "KinoCatalog"],
            swiftSettings: searchPathSettings
        ),

        .target(
            name: "KinoCatalog",
            dependencies: [
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ]
        ),
        // libxml2's HTML parser, from Debian's libxml2-dev.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        // The scraper: crawling, politeness, extraction from HTML pages, the staging store and the weekly sync.
        .target(
            name: "KinoScraper",
            dependencies: [
                "CLibXML2",
                "CZlib",
                "KinoCatalog",
                "KinoSearch",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ]
        ),
        // A small local HTTP server with scripted behaviour (slow, failing, redirecting, rate-limiting routes), for
        // the scraper's tests and the crawl benchmark.
        .target(
            name: "KinoLocalSite",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The web role: the JSON API and the server-rendered site on Hummingbird, with metrics and index reloads.
        .target(
            name: "KinoWeb",
            dependencies: [
                "KinoCatalog",
                "KinoSearch",
                "KinoIndex",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kino",
            dependencies: [
                "KinoCatalog",
                "KinoText",
                "KinoSearch",
                "KinoScraper",
                "KinoLocalSite",
                "KinoWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) in place of glibc's malloc: a search makes a few hundred small
            // allocations, and with it a search with facets is about 8% faster and an index build 8% faster, at the
            // same peak memory (Benchmarks/RESULTS.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "KinoCatalogTests",
            dependencies: [
                "KinoCatalog",
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KinoTextTests",
            dependencies: ["KinoText"]
        ),
        .testTarget(
            name: "KinoIndexTests",
            dependencies: ["KinoIndex"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KinoSearchTests",
            dependencies: ["KinoSearch"]
        ),
        .testTarget(
            name: "KinoScraperTests",
            dependencies: ["KinoScraper", "KinoLocalSite", "KinoSearch", "KinoIndex", "KinoCatalog"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KinoWebTests",
            dependencies: [
                "KinoWeb",
                "KinoSearch",
                "KinoCatalog",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),

    ],
    swiftLanguageModes: [.v6]
)

/// The search path crosses KinoText, KinoIndex and KinoSearch at every step (generic collectors and queries, the
/// analyzer's inlinable helpers): with whole cross-module optimization their generic code is specialized and
/// inlined across the module boundaries, which makes a search about 6% faster (Benchmarks/RESULTS.md).
var searchPathSettings: [SwiftSetting] {
    [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
