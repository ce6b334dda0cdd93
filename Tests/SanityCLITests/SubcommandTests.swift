import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Each subcommand on the shipped example, its outputs checked against the library's numbers.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct SubcommandTests {
  static func load() throws -> (Model, InputData) {
    let data = try InputData.load(TestSupport.repositoryRoot.appendingPathComponent(CLI.sequences))
      .prefix(20)
    let model = try ModelLoader.load(TestSupport.repositoryRoot.appendingPathComponent(CLI.model))
    return (model, data)
  }

  @Test func predictWritesOneColumnPerOutput() throws {
    let folder = try TemporaryDirectory()
    let result = try CLI.run([
      "predict", "--model", CLI.model, "--input", CLI.sequences, "--limit", "20", "--output",
      folder.file("p.tsv").path,
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = try String(contentsOf: folder.file("p.tsv"), encoding: .utf8).split(separator: "\n")
    let (model, data) = try Self.load()
    #expect(lines.count == 21)
    #expect(lines[0] == "id\toutput_0\toutput_1")
    let outputs = model.forward(data.inputs)
    for (row, line) in lines.dropFirst().enumerated() {
      let fields = line.split(separator: "\t")
      #expect(String(fields[0]) == data.ids[row])
      #expect(abs((Float(fields[1]) ?? .nan) - outputs[row, 0]) < 1e-5)
    }
  }

  @Test func explainWritesTheLibrarysAttributions() throws {
    let folder = try TemporaryDirectory()
    let path = folder.file("ig.h5").path
    let result = try CLI.run([
      "explain", "--model", CLI.model, "--input", CLI.sequences, "--limit", "20", "--method",
      "integrated-gradients", "--target", "0", "--output", path, "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let file = try HDF5File(reading: URL(fileURLWithPath: path))
    let (model, data) = try Self.load()
    let expected = try IntegratedGradients().attribution(
      for: data.inputs, targets: [Int](repeating: 0, count: 20), in: model)
    #expect(try file.readTensor("attributions") == expected.values)
    #expect(try file.readStringAttribute("method", of: "/") == "integrated-gradients")
    let npz = folder.file("ig.npz").path
    #expect(
      try CLI.run([
        "explain", "--model", CLI.model, "--input", CLI.sequences, "--limit", "5", "--method",
        "saliency", "--output", npz, "--quiet",
      ]).status == 0)
    #expect(FileManager.default.fileExists(atPath: npz))
  }

  @Test func ismWritesRawAndCentredDeltas() throws {
    let folder = try TemporaryDirectory()
    let path = folder.file("ism.h5").path
    let result = try CLI.run([
      "ism", "--model", CLI.model, "--input", CLI.sequences, "--limit", "5", "--target", "1",
      "--output", path, "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let file = try HDF5File(reading: URL(fileURLWithPath: path))
    let (model, data) = try Self.load()
    let inputs = data.inputs.items(0..<5)
    let expected = try InSilicoMutagenesis().attribution(
      for: inputs, targets: [1, 1, 1, 1, 1], in: model
    ).values
    #expect(try file.readTensor("attributions") == expected)
    #expect(
      try file.readTensor("attributions_centred")
        == InSilicoMutagenesis.centred(expected, input: inputs))
  }

  /// The results TSV parses, has the documented columns, and matches the library's check.
  @Test func checkModelResultsMatchTheLibrary() throws {
    let folder = try TemporaryDirectory()
    let path = folder.file("results.tsv").path
    let arguments = [
      "check", "model", "--model", CLI.model, "--input", CLI.sequences, "--limit", "30",
      "--methods", "saliency,guided-backprop", "--seeds", "2", "--output", path, "--quiet",
    ]
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(result.error)")
    let lines = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8).split(
      separator: "\n")
    #expect(
      lines[0]
        == "check\torder\tmethod\tlayer\tseed\tmetric\tview\tmean\tsd\tci_low\tci_high\tn\tundefined"
    )
    let (model, data) = try Self.load()
    let inputs = try InputData.load(
      TestSupport.repositoryRoot.appendingPathComponent(CLI.sequences)
    ).prefix(30).inputs
    let library = try ModelRandomizationCheck(
      .init(
        seeds: [0, 1],
        metrics: [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)],
        view: .observedBase)
    )
    .run(
      model: model, input: inputs,
      explainers: [
        Saliency(), GuidedBackprop(), ControlExplainer(.random, seed: 0),
        ControlExplainer(.constant), ControlExplainer(.input),
      ])
    _ = data
    #expect(lines.count == library.rows.count + 1)
    #expect(
      String(decoding: Data(library.tsv.utf8), as: UTF8.self)
        == (lines.joined(separator: "\n") + "\n"))
  }

  @Test func sameSeedGivesIdenticalFilesOnOneAndTwoThreads() throws {
    let folder = try TemporaryDirectory()
    var outputs: [Data] = []
    for threads in ["1", "2"] {
      let path = folder.file("r\(threads).json").path
      let result = try CLI.run([
        "check", "model", "--model", CLI.model, "--input", CLI.sequences, "--limit", "40",
        "--methods", "smoothgrad,integrated-gradients", "--seeds", "2", "--seed", "7", "--threads",
        threads, "--output", path, "--quiet",
      ])
      #expect(result.status == 0, "\(result.error)")
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test func otherChecksAndTheReportRun() throws {
    let folder = try TemporaryDirectory()
    let classes = folder.file("class.json").path
    let invariance = folder.file("invariance.json").path
    #expect(
      try CLI.run([
        "check", "class", "--model", CLI.model, "--input", CLI.sequences, "--limit", "20",
        "--other", "1", "--output", classes, "--quiet",
      ]).status == 0)
    let result = try CLI.run([
      "check", "invariance", "--model", CLI.model, "--input", CLI.sequences, "--limit", "20",
      "--methods", "saliency,gradient-x-input", "--output", invariance, "--quiet", "--fail-on-fail",
    ])
    #expect(
      result.status == 1, "gradient-x-input fails input invariance, so --fail-on-fail exits 1")
    let report = CheckReport.merging([
      try CheckReport.decoded(from: Data(contentsOf: URL(fileURLWithPath: classes))),
      try CheckReport.decoded(from: Data(contentsOf: URL(fileURLWithPath: invariance))),
    ])
    #expect(
      report.verdicts.contains {
        $0.check == .inputInvariance && $0.method == "saliency" && $0.outcome == .passes
      })
    let page = folder.file("report.html").path
    let rendered = try CLI.run(["report", classes, invariance, "--output", page])
    #expect(rendered.status == 0, "\(rendered.error)")
    #expect(
      try String(contentsOf: URL(fileURLWithPath: page), encoding: .utf8).contains(
        "id=\"verdicts\""))
  }
}
