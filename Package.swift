// swift-tools-version: 6.1
import PackageDescription

// The executables allocate through tcmalloc (Debian's libtcmalloc-minimal4) instead of glibc's
// malloc: analysis makes and frees about 70 small values per article on each core, and the store
// writer frees on its thread what the analysis made on another; `make bench` on two cores is about
// 6 % faster with it (docs/PERFORMANCE.md). The library and the tests keep the system's malloc.
let fastMalloc: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "-l:libtcmalloc_minimal.so.4"], .when(platforms: [.linux]))]

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
        // Reading a reviewed .xlsx back (a zip of XML parts); libxlsxwriter only writes.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // Brief templates that an NGO can edit without touching Swift.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // zlib's inflate: a reviewed workbook's parts are unpacked a chunk at a time as they are parsed.
        .systemLibrary(
            name: "CInflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "RightsCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API under GRDB, for the one hot insert that binds values directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
                "CXlsxWriter",
                "CInflate",
            ]
        ),
        .executableTarget(
            name: "rightsbrief",
            dependencies: [
                "RightsCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fastMalloc
        ),
        .executableTarget(
            name: "rightsbench",
            dependencies: ["RightsCore"],
            path: "Benchmarks/rightsbench",
            linkerSettings: fastMalloc
        ),
        .testTarget(
            name: "RightsCoreTests",
            dependencies: ["RightsCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
