import Foundation
import SanityChecker
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

  /// `--max-pooling` and `--lrp-composite` build the explainers the library builds with those
  /// rules, and the maps differ from the defaults' on the Basset-style fixture (a ReLU feeds
  /// each max pool, and BatchNorm sits in its trunk).
  @Test(arguments: [
    ("deeplift", "--max-pooling", "captum", DeepLIFT(maxPooling: .captum) as any Explainer),
    ("epsilon-lrp", "--lrp-composite", "zennit", EpsilonLRPExplainer(composite: .zennit)),
  ])
  func ruleFlagsSelectTheLibrarysRules(
    method: String, flag: String, value: String, expected: any Explainer
  ) throws {
    let folder = try TemporaryDirectory()
    let input = folder.file("seqs.fa")
    // Random sequences: the periodic ones above leave every pool window without a contest.
    let random =
      ">a\nGCTAAAGACAATTACATAACATACACGTCAGCACGAAACTTGTTGGCCCAGTGTGAATCGCTTA\n"
      + ">b\nAGGGTTAAGTAAGTGTGATGCATACGCCTTTACTTGCTGTGTCCACCCCATCGGACTGGCATTT\n"
    try random.write(to: input, atomically: true, encoding: .utf8)
    let model = TestSupport.fixture("ONNX/basset.torchscript.onnx")
    var maps: [Tensor] = []
    for extra in [[flag, value], []] {
      let output = folder.file("maps\(extra.count).h5")
      let run = try CLI.run(
        [
          "explain", "--model", model.path, "--input", input.path, "--method", method,
          "--target", "0", "--output", output.path,
        ] + extra)
      #expect(run.status == 0, "\(run.error)")
      maps.append(try HDF5File(reading: output).readTensor("/attributions"))
    }
    let sequences = try InputData.load(input).inputs
    let library = try expected.attribution(
      for: sequences, targets: [0, 0], in: try ModelLoader.load(model)
    ).values
    let scale = library.scalars.map(abs).max() ?? 1
    let gap = zip(maps[0].scalars, library.scalars).map { abs($0 - $1) }.max() ?? .infinity
    #expect(maps[0].shape == library.shape && gap <= 1e-6 * scale, "CLI vs library: \(gap)")
    let moved = zip(maps[0].scalars, maps[1].scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(moved > 1e-3 * scale, "\(flag) \(value) left the map unchanged")
    let refused = try CLI.run([
      "explain", "--model", model.path, "--input", input.path, "--method", method, flag, "bogus",
      "--output", folder.file("refused.h5").path,
    ])
    #expect(refused.status == 2 && refused.error.contains("\(flag) must be"), "\(refused.error)")
    #expect(!FileManager.default.fileExists(atPath: folder.file("refused.h5").path))
  }
}
