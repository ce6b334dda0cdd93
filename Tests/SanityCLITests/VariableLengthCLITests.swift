import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `sanity predict` and `sanity ism` on a file whose sequences have several lengths.
@Suite struct VariableLengthCLITests {
  static let lengths = [38, 20, 25, 38, 40]

  static func write(in folder: TemporaryDirectory) throws -> URL {
    var generator = SeededGenerator(seed: 8)
    let text = lengths.enumerated().map { index, length in
      ">ex\(index)\n" + String((0..<length).map { _ in Array("ACGT")[generator.index(below: 4)] })
        + "\n"
    }.joined()
    return try folder.write(text, to: "mixed.fa")
  }

  @Test func globalPoolingModelPredictsEveryLengthInOneCall() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.write(in: folder)
    let model = try TestSupport.deepBindNetwork(
      length: 101, filters: 4, width: 5, outputs: 2, seed: 3)
    try model.writeKeras(to: folder.file("pooled.h5"))
    let output = folder.file("scores.tsv")
    let result = try CLI.run([
      "predict", "--model", folder.file("pooled.h5").path, "--input", input.path, "--output",
      output.path,
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 6)
    let groups = try InputData.loadGroupedByLength(input)
    let expected = groups.gathered(
      try groups.map {
        try model.resized(toLength: $0.length, file: input.path, lengths: groups.lengths).forward(
          $0.data.inputs)
      })
    for (row, line) in lines.dropFirst().enumerated() {
      let fields = line.split(separator: "\t")
      #expect(String(fields[0]) == "ex\(row)")
      #expect(
        abs((Float(fields[2]) ?? .nan) - expected[row, 1]) <= 1e-5 * max(1, abs(expected[row, 1])))
    }
  }

  @Test func fixedLengthModelAsksForTheLengthsFlag() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.write(in: folder)
    let model = try Model(
      inputShape: [38, 4],
      layers: [
        Flatten(name: "flatten_1"),
        Dense(name: "dense_1", kernel: TestSupport.uniform([152, 1], seed: 1), bias: nil),
      ])
    try model.writeKeras(to: folder.file("fixed.h5"))
    let result = try CLI.run([
      "predict", "--model", folder.file("fixed.h5").path, "--input", input.path, "--output",
      folder.file("s.tsv").path,
    ])
    #expect(result.status != 0)
    #expect(
      result.error.contains(input.path) && result.error.contains("--lengths pad:N"),
      "\(result.error)")
    #expect(!result.error.contains("padWithN"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("s.tsv").path))
  }

  /// Several targets and several lengths: `[N, L_max, 4, T]` with NaN past each end, equal to
  /// the library's maps of each target.
  @Test func ismWithSeveralTargetsAndLengths() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.write(in: folder)
    let model = try TestSupport.deepBindNetwork(
      length: 101, filters: 4, width: 5, outputs: 3, seed: 5)
    try model.writeKeras(to: folder.file("pooled.h5"))
    let output = folder.file("ism.h5")
    let result = try CLI.run([
      "ism", "--model", folder.file("pooled.h5").path, "--input", input.path, "--target", "2,0",
      "--output", output.path,
      "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let file = try HDF5File(reading: output)
    let maps = try file.readTensor("attributions")
    #expect(maps.shape == [5, 40, 4, 2])
    #expect(try file.readTensor("lengths").scalars == Self.lengths.map(Float.init))
    let groups = try InputData.loadGroupedByLength(input)
    for group in groups {
      let sized = try model.resized(
        toLength: group.length, file: input.path, lengths: groups.lengths)
      for (t, target) in [2, 0].enumerated() {
        let expected = try InSilicoMutagenesis().attribution(
          for: group.data.inputs, targets: group.indices.map { _ in target }, in: sized)
        for (item, index) in group.indices.enumerated() {
          for position in 0..<40 {
            let value = maps[index, position, 1, t]
            if position < group.length {
              #expect(value == expected.values[item, position, 1])
            } else {
              #expect(value.isNaN)
            }
          }
        }
      }
    }
  }

  /// `sanity explain` on several lengths: ragged maps in file order, each group equal to the
  /// library's maps at its length.
  @Test func explainWritesRaggedMaps() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.write(in: folder)
    let model = try TestSupport.deepBindNetwork(
      length: 101, filters: 4, width: 5, outputs: 2, seed: 6)
    try model.writeKeras(to: folder.file("pooled.h5"))
    let output = folder.file("saliency.h5")
    let result = try CLI.run([
      "explain", "--model", folder.file("pooled.h5").path, "--input", input.path, "--method",
      "saliency", "--target", "1",
      "--output", output.path, "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let file = try HDF5File(reading: output)
    let maps = try file.readTensor("attributions")
    #expect(maps.shape == [5, 40, 4])
    #expect(try file.readStrings("ids").elements == (0..<5).map { "ex\($0)" })
    let groups = try InputData.loadGroupedByLength(input)
    for group in groups {
      let sized = try model.resized(
        toLength: group.length, file: input.path, lengths: groups.lengths)
      let expected = try Saliency().attribution(
        for: group.data.inputs, targets: group.indices.map { _ in 1 }, in: sized)
      for (item, index) in group.indices.enumerated() {
        for position in 0..<40 {
          let value = maps[index, position, 2]
          #expect(
            position < group.length ? value == expected.values[item, position, 2] : value.isNaN)
        }
      }
    }
  }

  /// A DeepBind params model scores a `.seq` file of 20–40 bases (the layout of DeepBind's
  /// example file) in one call, each sequence as the library scores it alone.
  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/deepbind/params"))
  func deepBindParamsScoreASeqFileOfSeveralLengths() throws {
    let folder = try TemporaryDirectory()
    var generator = SeededGenerator(seed: 12)
    let sequences = [38, 20, 25, 40, 33, 20].map { length in
      String((0..<length).map { _ in Array("ACGT")[generator.index(below: 4)] })
    }
    let rows = sequences.enumerated().map { "A\tex\($0.offset)\t\($0.element)\t1" }
    let input = try folder.write(
      (["FoldID\tEventID\tseq\tBound"] + rows).joined(separator: "\n") + "\n", to: "ex.seq")
    let params = TestSupport.sharedData("deepbind/params/D00328.018.txt")
    let output = folder.file("scores.tsv")
    let result = try CLI.run([
      "predict", "--model", params.path, "--input", input.path, "--output", output.path,
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 7)
    for (row, sequence) in sequences.enumerated() {
      let alone = try ModelLoader.load(params, sequenceLength: sequence.count)
        .forward(try OneHot().encode([Array(sequence.utf8)]))
      let fields = lines[row + 1].split(separator: "\t")
      #expect(String(fields[0]) == "ex\(row)")
      #expect(abs((Float(fields[1]) ?? .nan) - alone[0, 0]) <= 1e-5 * max(1, abs(alone[0, 0])))
    }
  }
}
