// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rightsbrief",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RightsCore", targets: ["RightsCore"]),
        .executable(name: "rightsbrief", targets: ["rightsbrief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "RightsCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                "CXlsxWriter",
            ]
        ),
        .executableTarget(
            name: "rightsbrief",
            dependencies: [
                "RightsCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rightsbench",
            dependencies: ["RightsCore"],
            path: "Benchmarks/rightsbench"
        ),
        .testTarget(
            name: "RightsCoreTests",
            dependencies: ["RightsCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
