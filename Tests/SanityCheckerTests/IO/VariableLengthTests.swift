import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Files whose sequences have several lengths: length-agnostic models score each length group
/// natively, in file order; fixed-length models give the `--lengths` error naming the file.
@Suite struct VariableLengthTests {
  /// Lengths 20–40 as in DeepBind's example file, with repeats and the first length reappearing.
  static let lengths = [38, 20, 25, 38, 40, 20, 31]

  static func fasta(seed: UInt64) -> String {
    var generator = SeededGenerator(seed: seed)
    return lengths.enumerated().map { index, length in
      ">ex\(index)\n" + String((0..<length).map { _ in Array("ACGT")[generator.index(below: 4)] })
        + "\n"
    }.joined()
  }

  /// Each sequence scored alone, at its own length.
  static func scoredAlone(_ model: Model, _ url: URL, folder: TemporaryDirectory) throws -> [Float]
  {
    let records = fasta(seed: 3).split(separator: "\n")
    var scores: [Float] = []
    for index in 0..<lengths.count {
      let single = try folder.write(
        "\(records[2 * index])\n\(records[2 * index + 1])\n", to: "single\(index).fa")
      let data = try InputData.load(single)
      let sized = try model.resized(
        toLength: lengths[index], file: single.path, lengths: [lengths[index]])
      scores += sized.forward(data.inputs).scalars
    }
    return scores
  }

  @Test func groupsKeepFileOrder() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(Self.fasta(seed: 3), to: "mixed.fa")
    let groups = try InputData.loadGroupedByLength(url)
    #expect(groups.lengths == [38, 20, 25, 40, 31])
    #expect(groups.ids == (0..<7).map { "ex\($0)" })
    #expect(groups[0].indices == [0, 3])
    let limited = try InputData.loadGroupedByLength(url, limit: 3)
    #expect(limited.ids == ["ex0", "ex1", "ex2"])
  }

  /// A global-pooling model scores the mixed file as each sequence alone (1e-6 relative: batches
  /// of other sizes may sum in another order).
  @Test func globalPoolingModelScoresEachLength() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(Self.fasta(seed: 3), to: "mixed.fa")
    let model = try TestSupport.deepBindNetwork(
      length: 101, filters: 6, width: 7, outputs: 2, seed: 4)
    let groups = try InputData.loadGroupedByLength(url)
    let scores = groups.gathered(
      try groups.map {
        try model.resized(toLength: $0.length, file: url.path, lengths: groups.lengths).forward(
          $0.data.inputs)
      })
    #expect(scores.shape == [7, 2])
    let alone = try Self.scoredAlone(model, url, folder: folder)
    TestSupport.expectClose(
      scores, Tensor(shape: [7, 2], scalars: alone), relativeTolerance: 1e-6, "grouped vs alone")
  }

  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/deepbind/params"))
  func deepBindParamsScoreEachLength() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(Self.fasta(seed: 3), to: "mixed.fa")
    let model = try ModelLoader.load(
      TestSupport.sharedData("deepbind/params/D00328.018.txt"), sequenceLength: 38)
    let groups = try InputData.loadGroupedByLength(url)
    let scores = groups.gathered(
      try groups.map {
        try model.resized(toLength: $0.length, file: url.path, lengths: groups.lengths).forward(
          $0.data.inputs)
      })
    let alone = try Self.scoredAlone(model, url, folder: folder)
    TestSupport.expectClose(
      scores, Tensor(shape: [7, 1], scalars: alone), relativeTolerance: 1e-6, "grouped vs alone")
  }

  /// `Flatten → Dense` needs its own length: the error names the file and `--lengths`.
  @Test func fixedLengthModelNamesFileAndFlag() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(Self.fasta(seed: 3), to: "mixed.fa")
    let model = try Model(
      inputShape: [38, 4],
      layers: [
        Flatten(name: "flatten"),
        Dense(name: "dense", kernel: TestSupport.uniform([152, 1], seed: 1), bias: nil),
      ])
    let groups = try InputData.loadGroupedByLength(url)
    #expect(
      try model.resized(toLength: 38, file: url.path, lengths: groups.lengths).inputShape == [
        38, 4,
      ])
    let error = try #require(throws: SequenceLengthError.self) {
      try model.resized(toLength: 20, file: url.path, lengths: groups.lengths)
    }
    guard case .fixedLengthModel(let file, let lengths, 38, _) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(file == url.path && lengths == groups.lengths)
    #expect(error.description.contains("mixed.fa") && error.description.contains("--lengths pad:N"))
    #expect(error.description.contains("'dense'"))
  }

  /// Loading one tensor from a mixed file names the file and the flag, not Swift API names.
  @Test func unequalLengthErrorNamesFileAndFlag() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(Self.fasta(seed: 3), to: "mixed.fa")
    let error = try #require(throws: SequenceLengthError.self) { try InputData.load(url) }
    #expect(
      error
        == .encoding(
          file: url.path,
          .unequalLength(record: "ex1", length: 20, expected: 38, firstRecord: "ex0")))
    #expect(error.description.hasPrefix(url.path + ": record 'ex1' has 20 bases"))
    #expect(error.description.contains("--lengths pad:N or --lengths crop:N"))
    #expect(!error.description.contains("padWithN") && !error.description.contains("centreCrop"))
  }

  /// Ragged maps: `[N, L_max, …]` with NaN past each item's length, in file order.
  @Test func paddedMapsFillWithNaN() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(Self.fasta(seed: 3), to: "mixed.fa")
    let groups = try InputData.loadGroupedByLength(url)
    let maps = groups.padded(groups.map(\.data.inputs), fill: .nan)
    #expect(maps.shape == [7, 40, 4])
    for (item, length) in Self.lengths.enumerated() {
      #expect(maps[item, length - 1, 0].isFinite)
      if length < 40 { #expect(maps[item, length, 0].isNaN) }
      let row = (0..<length).flatMap { p in (0..<4).map { maps[item, p, $0] } }
      #expect(row.reduce(0, +) == Float(length))
    }
  }
}
