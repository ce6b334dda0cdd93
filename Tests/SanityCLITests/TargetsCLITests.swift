import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `--target` lists on `sanity explain` and the checks, and the checks on files of several
/// lengths.
@Suite struct TargetsCLITests {
  /// A three-output, length-agnostic Keras model and a FASTA file of 30-bp sequences.
  static func setUp(in folder: TemporaryDirectory) throws -> (model: String, input: String) {
    let model = try TestSupport.deepBindNetwork(
      length: 30, filters: 4, width: 5, outputs: 3, seed: 9)
    try model.writeKeras(to: folder.file("three.h5"))
    var generator = SeededGenerator(seed: 14)
    let text = (0..<6).map { index in
      ">s\(index)\n" + String((0..<30).map { _ in Array("ACGT")[generator.index(below: 4)] })
        + "\n"
    }.joined()
    return (folder.file("three.h5").path, try folder.write(text, to: "same.fa").path)
  }

  @Test(arguments: [
    ["saliency"], ["epsilon-lrp"], ["integrated-gradients", "--steps", "4"],
    ["smoothgrad", "--samples", "2"], ["grad-cam"], ["deepshap", "--references", "2"],
  ])
  func explainSeveralTargetsEqualsOneRunPerTarget(method: [String]) throws {
    let folder = try TemporaryDirectory()
    let (model, input) = try Self.setUp(in: folder)
    let common = ["explain", "--model", model, "--input", input, "--quiet", "--method"] + method
    let joined = folder.file("joined.h5").path
    let result = try CLI.run(common + ["--target", "2,0-1", "--output", joined])
    #expect(result.status == 0, "\(result.error)")
    let file = try HDF5File(reading: URL(fileURLWithPath: joined))
    let maps = try file.readTensor("attributions")
    let predictions = try file.readTensor("predictions")
    #expect(maps.shape.dimensions.first == 6 && maps.shape.dimensions.last == 3)
    #expect(predictions.shape == [6, 3])
    #expect(try file.readAttribute("target_indices", of: "/") == .integers([2, 0, 1]))
    for (unit, target) in [2, 0, 1].enumerated() {
      let single = folder.file("single\(target).h5").path
      let alone = try CLI.run(common + ["--target", String(target), "--output", single])
      #expect(alone.status == 0, "\(alone.error)")
      let reference = try HDF5File(reading: URL(fileURLWithPath: single))
      let expected = try reference.readTensor("attributions")
      let expectedPredictions = try reference.readTensor("predictions")
      #expect(Array(maps.shape.dimensions.dropLast()) == expected.shape.dimensions)
      let slice = (0..<expected.scalars.count).map { maps.scalars[$0 * 3 + unit] }
      #expect(slice == expected.scalars, "\(method[0]) target \(target)")
      #expect(
        (0..<6).map { predictions.scalars[$0 * 3 + unit] } == expectedPredictions.scalars,
        "\(method[0]) target \(target)")
    }
  }

  @Test(arguments: [
    ("7", "outside"), ("2-1", "backwards"), ("CTCF", "not an index"), ("0,5-6", "outside"),
  ])
  func badTargetsNameTheFlag(target: String, words: String) throws {
    let folder = try TemporaryDirectory()
    let (model, input) = try Self.setUp(in: folder)
    let runs: [[String]] = [
      ["explain", "--method", "saliency", "--output", folder.file("a.h5").path],
      [
        "check", "model", "--seeds", "1", "--methods", "saliency", "--output",
        folder.file("a.tsv").path,
      ],
      ["check", "class", "--methods", "saliency", "--output", folder.file("a.tsv").path],
      ["check", "invariance", "--methods", "saliency", "--output", folder.file("a.tsv").path],
    ]
    for arguments in runs {
      let result = try CLI.run(
        arguments + ["--model", model, "--input", input, "--target", target, "--quiet"])
      #expect(result.status == 2, "\(arguments[0]) \(target): \(result.error)")
      #expect(result.error.contains("--target") && result.error.contains(words), "\(result.error)")
      #expect(!FileManager.default.fileExists(atPath: folder.file("a.h5").path))
      #expect(!FileManager.default.fileExists(atPath: folder.file("a.tsv").path))
    }
  }

  @Test(arguments: [["model", "--seeds", "2"], ["class", "--other", "1"], ["invariance"]])
  func checkSeveralTargetsEqualsOneRunPerTarget(check: [String]) throws {
    let folder = try TemporaryDirectory()
    let (model, input) = try Self.setUp(in: folder)
    let common =
      ["check"] + check + [
        "--model", model, "--input", input, "--methods", "saliency,gradient-x-input",
        "--metrics", "spearman,pearson", "--quiet",
      ]
    let joined = try CLI.run(common + ["--target", "0,2", "--output", folder.file("j.tsv").path])
    #expect(joined.status == 0, "\(joined.error)")
    let lines = try String(contentsOf: folder.file("j.tsv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(lines[0].hasSuffix("\ttarget"))
    var expected: [String] = []
    for target in [0, 2] {
      let path = folder.file("s\(target).tsv")
      let alone = try CLI.run(common + ["--target", String(target), "--output", path.path])
      #expect(alone.status == 0, "\(alone.error)")
      let single = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
      #expect(!single[0].contains("target"))
      expected += single.dropFirst().map { $0 + "\toutput_\(target)" }
    }
    #expect(Array(lines.dropFirst()) == expected)
    let json = try CLI.run(
      common + ["--target", "0,2", "--json", "--output", folder.file("j.json").path])
    #expect(json.status == 0, "\(json.error)")
    let report = try CheckReport.decoded(from: Data(contentsOf: folder.file("j.json")))
    #expect(Set(report.rows.compactMap(\.target)) == ["output_0", "output_2"])
    #expect(report.verdicts.allSatisfy { $0.target != nil })
  }

  /// A file of 38, 20, 25, 38 and 40 bases.
  static func mixedLengths(in folder: TemporaryDirectory) throws -> (String, [String]) {
    var generator = SeededGenerator(seed: 8)
    let sequences = [38, 20, 25, 38, 40].map { length in
      String((0..<length).map { _ in Array("ACGT")[generator.index(below: 4)] })
    }
    let text = sequences.enumerated().map { ">ex\($0.offset)\n\($0.element)\n" }.joined()
    return (try folder.write(text, to: "mixed.fa").path, sequences)
  }

  /// Runs `check model` with per-item values and returns the saliency rows' values by stage
  /// and metric.
  static func perItem(_ arguments: [String], folder: TemporaryDirectory, name: String) throws
    -> [String: [Double?]]
  {
    let path = folder.file(name).path
    let result = try CLI.run(
      ["check", "model"] + arguments + [
        "--seeds", "1", "--methods", "saliency", "--per-item", "--json", "--output", path,
        "--quiet",
      ])
    #expect(result.status == 0, "\(result.error)")
    let report = try CheckReport.decoded(from: Data(contentsOf: URL(fileURLWithPath: path)))
    var values: [String: [Double?]] = [:]
    for row in report.rows where row.method == "saliency" && row.seed != .all {
      values["\(row.layer) \(row.metric)"] = row.values ?? []
    }
    return values
  }

  @Test func checkModelOnSeveralLengthsScoresEachSequenceAlone() throws {
    let folder = try TemporaryDirectory()
    let (input, sequences) = try Self.mixedLengths(in: folder)
    let model = try TestSupport.deepBindNetwork(
      length: 101, filters: 4, width: 5, outputs: 2, seed: 6)
    try model.writeKeras(to: folder.file("pooled.h5"))
    let modelPath = folder.file("pooled.h5").path
    let grouped = try Self.perItem(
      ["--model", modelPath, "--input", input], folder: folder, name: "grouped.json")
    #expect(!grouped.isEmpty)
    for (index, sequence) in sequences.enumerated() {
      let alone = try folder.write(">ex\(index)\n\(sequence)\n", to: "alone\(index).fa")
      let single = try Self.perItem(
        ["--model", modelPath, "--input", alone.path], folder: folder, name: "a\(index).json")
      for (key, values) in grouped {
        #expect(values.count == 5)
        #expect(values[index] == single[key]?.first ?? nil, "\(key) item \(index)")
      }
    }
  }

  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/deepbind/params"))
  func deepBindParamsChecksOnSeveralLengths() throws {
    let folder = try TemporaryDirectory()
    let (input, sequences) = try Self.mixedLengths(in: folder)
    let params = TestSupport.sharedData("deepbind/params/D00328.018.txt").path
    let grouped = try Self.perItem(
      ["--model", params, "--input", input], folder: folder, name: "grouped.json")
    #expect(!grouped.isEmpty)
    for (index, sequence) in sequences.enumerated() {
      let alone = try folder.write(">ex\(index)\n\(sequence)\n", to: "alone\(index).fa")
      let single = try Self.perItem(
        ["--model", params, "--input", alone.path], folder: folder, name: "a\(index).json")
      for (key, values) in grouped {
        #expect(values[index] == single[key]?.first ?? nil, "\(key) item \(index)")
      }
    }
  }

  @Test(arguments: [
    ["check", "model", "--seeds", "1", "--methods", "saliency", "--output", "r.tsv"],
    ["check", "class", "--methods", "saliency", "--output", "r.tsv"],
    ["check", "invariance", "--methods", "saliency", "--output", "r.tsv"],
    ["explain", "--method", "saliency", "--output", "r.h5"],
  ])
  func fixedLengthModelAsksForTheLengthsFlag(command: [String]) throws {
    let folder = try TemporaryDirectory()
    let (input, _) = try Self.mixedLengths(in: folder)
    let model = try Model(
      inputShape: [38, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: TestSupport.uniform([5, 4, 3], seed: 1), bias: nil,
          activation: .relu),
        Flatten(name: "flatten_1"),
        Dense(name: "dense_1", kernel: TestSupport.uniform([34 * 3, 2], seed: 2), bias: nil),
      ])
    try model.writeKeras(to: folder.file("fixed.h5"))
    let result = try CLI.run(
      command + ["--model", folder.file("fixed.h5").path, "--input", input, "--quiet"],
      in: folder.url)
    #expect(result.status == 2, "\(result.error)")
    #expect(
      result.error.contains(input) && result.error.contains("--lengths pad:N"), "\(result.error)")
    #expect(!FileManager.default.fileExists(atPath: folder.file(command.last ?? "").path))
  }

  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/deepbind/params"))
  func deepBindParamsExplainsSeveralLengths() throws {
    let folder = try TemporaryDirectory()
    let (input, sequences) = try Self.mixedLengths(in: folder)
    let params = TestSupport.sharedData("deepbind/params/D00328.018.txt")
    let output = folder.file("maps.h5")
    let result = try CLI.run([
      "explain", "--model", params.path, "--input", input, "--method", "saliency", "--output",
      output.path, "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let maps = try HDF5File(reading: output).readTensor("attributions")
    #expect(maps.shape == [5, 40, 4])
    for (index, sequence) in sequences.enumerated() {
      let model = try ModelLoader.load(params, sequenceLength: sequence.count)
      let alone = try Saliency().attribution(
        for: try OneHot().encode([Array(sequence.utf8)]), targets: [0], in: model)
      for position in 0..<40 {
        let value = maps[index, position, 0]
        #expect(position < sequence.count ? value == alone.values[0, position, 0] : value.isNaN)
      }
    }
  }
}
