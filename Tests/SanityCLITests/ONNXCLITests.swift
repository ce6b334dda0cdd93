import Foundation
import SanityTestSupport
import Testing

/// `--model` takes `.onnx` files in every subcommand (through `ModelLoader`): `predict` on the
/// Basset-style fixture, and a damaged `.onnx` exits 2 naming the file, with no output.
@Suite struct ONNXCLITests {
  /// Two 64-bp sequences, the Basset-style fixture's input length.
  static let fasta =
    ">first\n" + String(repeating: "ACGTTGCA", count: 8) + "\n>second\n"
    + String(repeating: "GGATCCTA", count: 8) + "\n"

  /// The rows of a predict TSV after its header, as numbers.
  private func scores(_ tsv: String) -> [[Double]] {
    tsv.split(separator: "\n").dropFirst().map { line in
      line.split(separator: "\t").dropFirst().compactMap { Double($0) }
    }
  }

  @Test func predictReadsBothExportersAlike() throws {
    let folder = try TemporaryDirectory()
    let input = folder.file("seqs.fa")
    try Self.fasta.write(to: input, atomically: true, encoding: .utf8)
    var results: [[[Double]]] = []
    for exporter in ["torchscript", "dynamo"] {
      let model = TestSupport.fixture("ONNX/basset.\(exporter).onnx").path
      let run = try CLI.run(["predict", "--model", model, "--input", input.path])
      #expect(run.status == 0, "\(exporter): \(run.error)")
      let rows = scores(run.output)
      #expect(
        rows.count == 2 && rows.allSatisfy { $0.count == 3 && $0.allSatisfy(\.isFinite) },
        "\(run.output)")
      results.append(rows)
    }
    let (a, b) = (results[0].joined(), results[1].joined())
    #expect(a.count == 6 && b.count == 6)
    for (x, y) in zip(a, b) {
      #expect(abs(x - y) <= 1e-4 * max(1, abs(x)), "torchscript \(x) vs dynamo \(y)")
    }
  }

  @Test func damagedONNXExitsTwoWithNoOutput() throws {
    let folder = try TemporaryDirectory()
    let input = folder.file("seqs.fa")
    try Self.fasta.write(to: input, atomically: true, encoding: .utf8)
    let bytes = try Data(contentsOf: TestSupport.fixture("ONNX/basset.torchscript.onnx"))
    let model = folder.file("bad.onnx")
    try bytes.prefix(bytes.count / 2).write(to: model)
    let output = folder.file("scores.tsv")
    let run = try CLI.run([
      "predict", "--model", model.path, "--input", input.path, "--output", output.path,
    ])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(
      run.error.contains("sanity: error: \(model.path): not a readable ONNX model"), "\(run.error)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
