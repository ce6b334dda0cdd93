import Foundation
import SanityTestSupport

/// Runs the built `sanity` binary (it sits beside the test bundle in the build folder).
enum CLI {
  struct Result {
    let status: Int32
    let output: String
    let error: String
  }

  static let binary: URL = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("sanity")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return TestSupport.repositoryRoot.appendingPathComponent(".build/release/sanity")
  }()

  /// Runs `sanity arguments…` in the repository root (or in `directory`), with `environment`
  /// added to this process's environment.
  static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.currentDirectoryURL = directory ?? TestSupport.repositoryRoot
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self))
  }

  /// Whether the shipped example (Genomes/ and Models/) is present.
  static var hasExample: Bool {
    FileManager.default.fileExists(
      atPath: TestSupport.repositoryRoot.appendingPathComponent("Models/deepbind-example.h5").path)
  }

  static let model = "Models/deepbind-example.h5"
  static let sequences = "Genomes/example-test.fa"
}
