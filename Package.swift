// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kino",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kino", targets: ["kino"]),
        .library(name: "KinoCatalog", targets: ["KinoCatalog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

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
        .executableTarget(
            name: "kino",
            dependencies: [
                "KinoCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["AnalyzeCommand.swift", "BenchAnalysisCommand.swift"]
        ),
        .testTarget(
            name: "KinoCatalogTests",
            dependencies: [
                "KinoCatalog",
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            exclude: ["Fixtures"]
        ),

    ],
    swiftLanguageModes: [.v6]
)
