// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "SanityChecker",
  products: [
    .library(name: "SanityChecker", targets: ["SanityChecker"]),
    .executable(name: "sanity", targets: ["sanity"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(name: "CHDF5", providers: [.apt(["libhdf5-dev"])]),
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CJPEG", providers: [.apt(["libjpeg62-turbo-dev"])]),
    .systemLibrary(name: "CBigWig", providers: [.apt(["libbigwig-dev"])]),
    .target(name: "CKernels"),
    .target(
      name: "SanityChecker",
      dependencies: [
        "CHDF5", "CZlib", "CBLAS", "CJPEG", "CBigWig", "CKernels",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "SanityBenchmarks", dependencies: ["SanityChecker"]),
    .executableTarget(
      name: "sanity",
      dependencies: [
        "SanityChecker",
        "SanityBenchmarks",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(
      name: "SanityTestSupport", dependencies: ["SanityChecker"], path: "Tests/SanityTestSupport"),
    .testTarget(name: "SanityCheckerTests", dependencies: ["SanityChecker", "SanityTestSupport"]),
    .testTarget(
      name: "SanityCLITests", dependencies: ["sanity", "SanityChecker", "SanityTestSupport"]),
    .testTarget(
      name: "SanityBenchmarksTests",
      dependencies: ["SanityBenchmarks", "SanityChecker", "SanityTestSupport"]),
  ]
)
