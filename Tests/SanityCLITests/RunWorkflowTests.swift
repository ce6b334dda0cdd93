import Foundation
import SanityTestSupport
import Testing

/// `workflow/Snakefile` run locally by Snakemake 9 with 3 shards on the shipped example: its
/// merged results equal an unsharded `sanity run`, byte for byte.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct RunWorkflowTests {
  /// The Python of `scripts/python-env.sh snakemake`, or the reason it could not be made.
  static func snakemakePython() throws -> Result<String, SkipReason> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      TestSupport.repositoryRoot.appendingPathComponent("scripts/python-env.sh").path, "snakemake",
    ]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return .failure(SkipReason(message: message)) }
    return .success(path.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Why the test cannot run here.
  struct SkipReason: Error { let message: String }

  @Test func snakemakeWithThreeShardsEqualsTheUnshardedRun() throws {
    let python: String
    switch try Self.snakemakePython() {
    case .success(let path): python = path
    case .failure(let reason): try Test.cancel("Snakemake unavailable: \(reason.message)")
    }
    let folder = try TemporaryDirectory()
    for name in ["Models", "Genomes"] {
      try FileManager.default.createSymbolicLink(
        at: folder.file(name),
        withDestinationURL: TestSupport.repositoryRoot.appendingPathComponent(name))
    }
    let root = TestSupport.repositoryRoot
    let config = root.appendingPathComponent("workflow/example-run.yaml").path
    let snakemake = Process()
    snakemake.executableURL = URL(fileURLWithPath: python)
    snakemake.arguments = [
      "-m", "snakemake", "--snakefile", root.appendingPathComponent("workflow/Snakefile").path,
      "--directory", folder.url.path,
      "--cores", "2", "--quiet", "all", "--config", "shards=3", "run_config=\(config)",
      "sanity=\(CLI.binary.path)", "work=work",
      "output=results",
    ]
    let log = Pipe()
    snakemake.standardOutput = log
    snakemake.standardError = log
    try snakemake.run()
    let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    snakemake.waitUntilExit()
    #expect(snakemake.terminationStatus == 0, "snakemake failed:\n\(text)")
    let parts = try FileManager.default.contentsOfDirectory(atPath: folder.file("work/parts").path)
      .sorted()
    #expect(parts == ["1-of-3", "2-of-3", "3-of-3"])
    let whole = folder.file("whole")
    let result = try CLI.run(
      ["run", "--config", config, "--output", whole.path, "--quiet"], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    for name in ["results.tsv", "results.json", "report.html", "attributions/saliency.h5"] {
      let merged = try Data(contentsOf: folder.file("results/\(name)"))
      #expect(
        merged == (try Data(contentsOf: whole.appendingPathComponent(name))),
        "\(name) of the workflow differs from the unsharded run's")
    }
  }
}
