import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Output unit names: `--target NAME` through the model file's `target_names` or
/// `--target-names FILE`, names in the outputs of `explain`, `ism`, `predict` and the checks,
/// and bad names files refused before any output.
@Suite struct TargetNamesCLITests {
  static let names = ["CTCF", "GATA1|K562", "JUN"]

  /// The three-output model of ``TargetsCLITests`` saved with unit names, an unnamed copy, and
  /// the FASTA file.
  static func setUp(in folder: TemporaryDirectory) throws -> (
    named: String, unnamed: String, input: String
  ) {
    let (unnamed, input) = try TargetsCLITests.setUp(in: folder)
    let model = try ModelLoader.load(URL(fileURLWithPath: unnamed))
    try model.writeKeras(to: folder.file("named.h5"), targetNames: [names])
    return (folder.file("named.h5").path, unnamed, input)
  }

  /// Runs `sanity` and expects success.
  private func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let result = try CLI.run(arguments + ["--quiet"])
    #expect(result.status == 0, "\(arguments): \(result.error)", sourceLocation: sourceLocation)
  }

  @Test(arguments: [["explain", "--method", "saliency"], ["ism"]])
  func targetByNameEqualsTargetByIndex(command: [String]) throws {
    let folder = try TemporaryDirectory()
    let (named, unnamed, input) = try Self.setUp(in: folder)
    let listFile = try folder.write("a\nb\nc\n", to: "names.txt").path
    let runs: [(model: String, target: String, extra: [String])] = [
      (unnamed, "1", []), (named, "GATA1|K562", []), (unnamed, "b", ["--target-names", listFile]),
    ]
    var maps: [Tensor] = []
    for (index, run) in runs.enumerated() {
      let output = folder.file("m\(index).h5").path
      try self.run(
        command + [
          "--model", run.model, "--input", input, "--target", run.target, "--output", output,
        ] + run.extra)
      let file = try HDF5File(reading: URL(fileURLWithPath: output))
      maps.append(try file.readTensor("attributions"))
      #expect(try file.readInt64s("targets").elements.allSatisfy { $0 == 1 })
      if index == 0 {
        #expect(!file.hasAttribute("target_names", of: "/"))
      } else {
        let name = index == 1 ? "GATA1|K562" : "b"
        #expect(try file.readStringArrayAttribute("target_names", of: "/") == [name])
        #expect(try file.readIntegerAttribute("target_indices", of: "/") == [1])
      }
    }
    #expect(maps[1] == maps[0] && maps[2] == maps[0])
  }

  @Test func severalNamedTargetsNameTheTargetAxis() throws {
    let folder = try TemporaryDirectory()
    let (named, _, input) = try Self.setUp(in: folder)
    let output = folder.file("j.h5").path
    try run([
      "explain", "--method", "saliency", "--model", named, "--input", input, "--target", "JUN,0",
      "--output", output,
    ])
    let file = try HDF5File(reading: URL(fileURLWithPath: output))
    #expect(try file.readStringArrayAttribute("target_names", of: "/") == ["JUN", "CTCF"])
    #expect(try file.readIntegerAttribute("target_indices", of: "/") == [2, 0])
  }

  @Test func predictColumnsAreTheUnitNames() throws {
    let folder = try TemporaryDirectory()
    let (named, unnamed, input) = try Self.setUp(in: folder)
    let header = { (arguments: [String]) throws -> String in
      let result = try CLI.run(["predict", "--input", input] + arguments)
      #expect(result.status == 0, "\(result.error)")
      return String(result.output.prefix { $0 != "\n" })
    }
    #expect(try header(["--model", unnamed]) == "id\toutput_0\toutput_1\toutput_2")
    #expect(try header(["--model", named]) == "id\tCTCF\tGATA1|K562\tJUN")
    let listFile = try folder.write("x\ny\nz", to: "names.txt").path
    #expect(try header(["--model", named, "--target-names", listFile]) == "id\tx\ty\tz")
    let units = { (model: String) throws -> [String]? in
      let result = try CLI.run(["predict", "--input", input, "--model", model, "--json"])
      #expect(result.status == 0, "\(result.error)")
      let rows =
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
      #expect(rows?.first?["outputs"] as? [Double] != nil)
      return rows?.first?["units"] as? [String]
    }
    #expect(try units(named) == ["CTCF", "GATA1|K562", "JUN"])
    #expect(try units(unnamed) == nil)
  }

  /// A run configuration's `target` takes a unit name (or an index), resolved in the model;
  /// a name the model lacks, or a selection of several units, names the key.
  @Test func runConfigurationTargetsByName() throws {
    let folder = try TemporaryDirectory()
    let (named, unnamed, input) = try Self.setUp(in: folder)
    var configuration = RunConfiguration.demo(count: 3, seeds: 1)
    configuration.model = named
    configuration.inputs.file = input
    configuration.target = "GATA1|K562"
    #expect(try RunPipeline(configuration: configuration).target == 1)
    let parsed = try RunConfiguration.parse(configuration.yaml(), file: "run.yaml")
    #expect(parsed.target == .name("GATA1|K562"))
    configuration.target = "JUN"
    let json = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
    #expect(json.contains(#""target":"JUN""#))
    #expect(
      try RunPipeline(configuration: RunConfiguration.parse(json, file: "run.json")).target == 2)
    configuration.target = 2
    #expect(try RunConfiguration.parse(configuration.yaml(), file: "run.yaml").target == .index(2))
    #expect(try RunPipeline(configuration: configuration).target == 2)
    for (model, target, message) in [
      (named, "NOPE", "key 'target' is 'NOPE'; expected an output index in 0..<3 or one of CTCF"),
      (unnamed, "JUN", "key 'target' is 'JUN'"), (named, "0-1", "one output unit"),
    ] {
      configuration.model = model
      configuration.target = .name(target)
      #expect {
        _ = try RunPipeline(configuration: configuration)
      } throws: { error in
        String(describing: error).contains(message)
      }
    }
    configuration.target = 3
    #expect(throws: RunConfigurationError.self) { try RunPipeline(configuration: configuration) }
  }

  @Test(arguments: [["model", "--seeds", "1"], ["class", "--other", "1"], ["invariance"]])
  func checkRowsNameTheirTargets(check: [String]) throws {
    let folder = try TemporaryDirectory()
    let (named, _, input) = try Self.setUp(in: folder)
    let common =
      ["check"] + check + [
        "--model", named, "--input", input, "--methods", "saliency", "--metrics", "spearman",
        "--target", "JUN,CTCF",
      ]
    try run(common + ["--output", folder.file("r.tsv").path])
    let lines = try String(contentsOf: folder.file("r.tsv"), encoding: .utf8)
      .split(separator: "\n")
    #expect(lines[0].hasSuffix("\ttarget"))
    let targets = Set(lines.dropFirst().map { $0.split(separator: "\t").last.map(String.init) })
    #expect(targets == ["JUN", "CTCF"])
    try run(common + ["--json", "--output", folder.file("r.json").path])
    let report = try CheckReport.decoded(from: Data(contentsOf: folder.file("r.json")))
    #expect(Set(report.rows.compactMap(\.target)) == ["JUN", "CTCF"])
    #expect(Set(report.verdicts.compactMap(\.target)) == ["JUN", "CTCF"])
  }

  /// Every command that takes `--target` (and `predict`) refuses a bad names file or an
  /// unknown name with exit 2, the file and the place named, and nothing written.
  @Test(arguments: [
    ["explain", "--method", "saliency", "--output", "out.h5"], ["ism", "--output", "out.h5"],
    ["check", "model", "--seeds", "1", "--methods", "saliency", "--output", "out.tsv"],
    ["check", "class", "--methods", "saliency", "--output", "out.tsv"],
    ["check", "invariance", "--methods", "saliency", "--output", "out.tsv"],
    ["predict", "--output", "out.tsv"],
  ])
  func badNamesExitTwoBeforeAnyOutput(command: [String]) throws {
    let folder = try TemporaryDirectory()
    let (named, unnamed, input) = try Self.setUp(in: folder)
    let short = try folder.write("a\nb\n", to: "short.txt").path
    let repeated = try folder.write("a\nb\n\na\n", to: "repeated.txt").path
    var cases: [(arguments: [String], words: [String])] = [
      (["--model", unnamed, "--target-names", short], [short, "--target-names holds 2 names"]),
      (["--model", named, "--target-names", repeated], ["\(repeated):4:", "repeats 'a'"]),
    ]
    if command[0] != "predict" {
      cases.append(
        (["--model", named, "--target", "CTFC"], ["--target 'CTFC'", "close names: 'CTCF'"]))
    }
    let output = folder.file(command.last ?? "").path
    for (arguments, words) in cases {
      let result = try CLI.run(
        Array(command.dropLast()) + [output, "--input", input, "--quiet"] + arguments)
      #expect(result.status == 2, "\(command) \(arguments): \(result.error)")
      for word in words {
        #expect(result.error.contains(word), "\(command): \(result.error)")
      }
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }

  /// A model file whose `target_names` does not fit its head is refused naming the file and the
  /// entry (an ONNX `metadata_props` entry appended to the fixture's bytes, a valid protobuf).
  @Test func modelFileNamesOfTheWrongCountExitTwo() throws {
    let folder = try TemporaryDirectory()
    let key = Array("target_names".utf8)
    let value = Array("[\"a\", \"b\"]".utf8)
    let entry = [0x0A, UInt8(key.count)] + key + [0x12, UInt8(value.count)] + value
    let bytes = try Data(contentsOf: TestSupport.fixture("ONNX/basset.torchscript.onnx"))
    let model = folder.file("named.onnx")
    try (bytes + Data([0x72, UInt8(entry.count)] + entry)).write(to: model)
    let input = try folder.write(ONNXCLITests.fasta, to: "seqs.fa")
    let output = folder.file("scores.tsv")
    let result = try CLI.run([
      "predict", "--model", model.path, "--input", input.path, "--output", output.path,
    ])
    #expect(result.status == 2, "\(result.error)")
    #expect(
      result.error.contains("\(model.path): metadata_props entry 'target_names' holds 2 names"),
      "\(result.error)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
    let list = try folder.write("x\ny\nz\n", to: "names.txt")
    let overridden = try CLI.run([
      "predict", "--model", model.path, "--input", input.path, "--target-names", list.path,
    ])
    #expect(overridden.status == 0, "\(overridden.error)")
    #expect(overridden.output.hasPrefix("id\tx\ty\tz\n"))
  }
}
