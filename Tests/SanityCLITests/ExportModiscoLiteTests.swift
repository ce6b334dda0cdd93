import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The modisco-lite environment of `scripts/python-env.sh modisco` (pinned in
/// scripts/requirements/modisco.txt), or `nil` with python-env's message on standard error.
enum ModiscoEnvironment {
  static let bin: URL? = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      TestSupport.repositoryRoot.appendingPathComponent("scripts/python-env.sh").path, "modisco",
    ]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    guard (try? process.run()) != nil else { return nil }
    let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      FileHandle.standardError.write(Data("ExportModiscoLiteTests skipped: \(message)".utf8))
      return nil
    }
    return URL(fileURLWithPath: path.trimmingCharacters(in: .whitespacesAndNewlines))
      .deletingLastPathComponent()
  }()
}

/// `modisco motifs` (modisco-lite 3.0.0) on `sanity export modisco` output of the shipped example
/// finds the two planted factors.
@Suite(
  .enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"),
  .enabled(
    if: ModiscoEnvironment.bin != nil,
    "scripts/python-env.sh modisco could not install modisco-lite (its message is on standard error)"
  ))
struct ExportModiscoLiteTests {
  /// The best mean column correlation of `motif` with any full-overlap placement of `pattern`,
  /// on either strand (`[W, 4]` rows, A C G T).
  static func alignment(_ motif: [[Double]], _ pattern: [[Double]]) -> Double {
    func pearson(_ a: [Double], _ b: [Double]) -> Double {
      let (ma, mb) = (a.reduce(0, +) / 4, b.reduce(0, +) / 4)
      let covariance = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
      let spread = sqrt(
        a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) } * b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) })
      return spread > 0 ? covariance / spread : 0
    }
    var best = -1.0
    for strand in [pattern, pattern.reversed().map { Array($0.reversed()) }]
    where strand.count >= motif.count {
      for offset in 0...(strand.count - motif.count) {
        let score =
          motif.indices.reduce(0) { $0 + pearson(motif[$1], strand[offset + $1]) }
          / Double(motif.count)
        best = max(best, score)
      }
    }
    return best
  }

  @Test func modiscoFindsThePlantedCTCFAndRESTPatterns() throws {
    let bin = try #require(ModiscoEnvironment.bin)
    let folder = try TemporaryDirectory()
    let prefix = folder.file("example").path
    // 3,000 training sequences, each explained at its predicted factor.
    let export = try CLI.run([
      "export", "modisco", "--model", CLI.model, "--input", "Genomes/example-train.fa.gz",
      "--limit", "3000",
      "--method", "deepshap", "--output-prefix", prefix, "--quiet",
    ])
    #expect(export.status == 0, "\(export.error)")
    let process = Process()
    process.executableURL = bin.appendingPathComponent("modisco")
    process.arguments = [
      "motifs", "-s", prefix + ".ohe.npz", "-a", prefix + ".attr.npz", "-n", "2000", "-w", "100",
      "-o", prefix + ".h5",
    ]
    process.standardOutput = FileHandle.nullDevice
    let error = Pipe()
    process.standardError = error
    try process.run()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "modisco motifs failed: \(message)")
    let results = try HDF5File(reading: URL(fileURLWithPath: prefix + ".h5"))
    let patterns = try results.members(of: "/pos_patterns").map { name -> [[Double]] in
      let matrix = try results.readDoubles("/pos_patterns/\(name)/sequence")
      return (0..<matrix.shape[0]).map { Array(matrix.elements[($0 * 4)..<($0 * 4 + 4)]) }
    }
    let planted = try MEMEMotif.read(
      TestSupport.repositoryRoot.appendingPathComponent("Genomes/motifs.meme"))
    #expect(planted.map(\.identifier) == ["MA0139.2", "MA0138.3"])
    for motif in planted {
      let scores = patterns.map { Self.alignment(motif.probabilities, $0) }
      // Measured with modisco-lite 3.0.0: 0.996 (CTCF) and 0.997 (REST) for the matching
      // pattern, at most 0.42 for the other factor's.
      #expect(
        (scores.max() ?? 0) > 0.9,
        "\(motif.identifier) (\(motif.name)): best column correlation \(scores)")
    }
  }
}
