// swift-tools-version:5.4
// libFuzzer targets for SanityChecker's readers. Built apart from the root package so that
// `swift build` and `swift test` there never see sanitizer flags; `scripts/fuzz.sh` builds
// this package with `-sanitize=fuzzer,address`, which SwiftPM applies to every Swift target,
// so the SanityChecker library is instrumented for coverage too. See docs/fuzzing.md.
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links executables with
// `--defsym main=<Target>_main`, which a `-parse-as-library` fuzz target does not define
// (libFuzzer supplies `main`).
import PackageDescription

let targets = [
  "FuzzSequences", "FuzzGzip", "FuzzKerasHDF5", "FuzzDeepBind", "FuzzIDX", "FuzzJPEG",
  "FuzzResultsJSON",
]

let package = Package(
  name: "SanityCheckerFuzz",
  products: targets.map { .executable(name: $0, targets: [$0]) },
  dependencies: [.package(name: "SanityChecker", path: "../..")],
  targets: [
    .target(name: "FuzzSupport")
  ]
    + targets.map {
      .executableTarget(
        name: $0,
        dependencies: ["FuzzSupport", .product(name: "SanityChecker", package: "SanityChecker")])
    }
)
