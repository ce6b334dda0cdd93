import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// `StreamingTrack` writes, batch by batch, the bedGraph that `GenomeTrack` writes from the same
/// maps held in memory, byte for byte: overlapping records on both strands, chromosomes out of
/// byte order in the file, and shards whose bedGraphs are the whole track's lines.
@Suite struct StreamingTrackTests {
  static let length = 24

  /// `count` records on three chromosomes, in file order chr2, chr10, chrX, …; starts overlap,
  /// every third record is on the minus strand.
  static func fasta(count: Int = 60) -> String {
    var generator = SeededGenerator(seed: 21)
    var text = ""
    for index in 0..<count {
      let chromosome = ["chr2", "chr10", "chrX"][index % 3]
      let start = 100 + (index / 3) * 9 + generator.index(below: 5)
      let strand = index % 3 == 1 ? "(-)" : ""
      let bases = (0..<length).map { _ in "ACGT".randomElement(using: &generator) ?? "A" }
      text += ">\(chromosome):\(start)-\(start + length)\(strand)\n\(String(bases))\n"
    }
    return text
  }

  @Test(arguments: [GenomeTrack.MergeRule.mean, .max])
  func theStreamedTrackIsTheInMemoryTrackByteForByte(_ merge: GenomeTrack.MergeRule) throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write(Self.fasta(), to: "in.fa")
    let model = try TestSupport.deepBindNetwork(length: Self.length, outputs: 2, seed: 5)
    let data = try InputData.load(input)
    let explained = try AttributionSource.computed(
      .init(model: model, modelFile: "m.h5", explainer: Saliency())
    ).explained(data, inputFile: input.relativePath)
    let held = try GenomeTrack(explained, score: .observedBase, merge: merge, sizes: nil)
    let title = GenomeTrack.title(
      method: explained.method, targets: explained.targets, score: .observedBase, merge: merge)
    let expected = held.bedGraph(name: title.name, description: title.description)
    #expect(held.intervalCount > 100)

    let source = StreamingExplain(input: input, encoder: OneHot())
    let output = folder.file("t.bedGraph")
    let track = StreamingTrack(source: source, score: .observedBase, merge: merge, sizes: nil)
    let (items, intervals) = try track.write(
      Saliency(), model: model, target: nil, modelFile: "m.h5", count: 60,
      to: OutputDestination(output))
    #expect(items == 0..<60 && intervals == held.intervalCount)
    #expect(try String(contentsOf: output, encoding: .utf8) == expected)
  }

  @Test func aShardWritesTheTrackOfItsRecordsOnly() throws {
    let folder = try TemporaryDirectory()
    // 600 records: chunks of 256 items make the second of three shards items 256..<512.
    let input = try folder.write(Self.fasta(count: 600), to: "in.fa")
    let model = try TestSupport.deepBindNetwork(length: Self.length, outputs: 2, seed: 5)
    let source = StreamingExplain(input: input, encoder: OneHot(), shard: try Shard(parsing: "2/3"))
    let block = source.shard.range(of: 600, granule: model.chunkSize)
    #expect(block == 256..<512, "chunk size \(model.chunkSize)")
    let output = folder.file("t.bedGraph")
    let (items, _) = try StreamingTrack(
      source: source, score: .sum, merge: .mean, sizes: nil
    ).write(
      Saliency(), model: model, target: 1, modelFile: "m.h5", count: 600,
      to: OutputDestination(output))
    #expect(items == block)
    let all = try InputData.load(input)
    let explained = try AttributionSource.computed(
      .init(model: model, modelFile: "m.h5", explainer: Saliency(), target: 1)
    ).explained(all.prefix(block.upperBound), inputFile: input.relativePath)
    var part = explained
    part.ids = Array(explained.ids[block])
    part.sequences = explained.sequences.items(block)
    part.attributions = explained.attributions.items(block)
    part.targets = Array(explained.targets[block])
    let held = try GenomeTrack(part, score: .sum, merge: .mean, sizes: nil)
    let title = GenomeTrack.title(method: "saliency", targets: [1], score: .sum, merge: .mean)
    #expect(
      try String(contentsOf: output, encoding: .utf8)
        == held.bedGraph(name: title.name, description: title.description))
  }

  @Test func aRecordWithoutCoordinatesIsRefusedBeforeAnyMapAndNothingIsWritten() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write(
      Self.fasta() + ">peak7\n\(String(repeating: "A", count: Self.length))\n", to: "in.fa")
    let model = try TestSupport.deepBindNetwork(length: Self.length, seed: 5)
    let output = folder.file("t.bedGraph")
    #expect(throws: CoordinateError.self) {
      try StreamingTrack(
        source: StreamingExplain(input: input, encoder: OneHot()), score: .observedBase,
        merge: .mean, sizes: nil
      ).write(
        Saliency(), model: model, target: nil, modelFile: "m.h5", count: 61,
        to: OutputDestination(output))
    }
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
