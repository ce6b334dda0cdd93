import SanityChecker
import SanityTestSupport

/// Explained sequences made by hand or from a seed, for the export tests.
enum ExportFixtures {
  /// Sequences `ACGT…` (base `l % 4` at position `l`) with maps whose observed-base values are
  /// `observed[n][l]` and whose next channel holds `offObserved` (so `sum` = observed + offObserved).
  static func explained(
    ids: [String], observed: [[Float]], offObserved: Float = 0.5, file: String = "in.fa"
  ) -> ExplainedSequences {
    let (count, length) = (ids.count, observed[0].count)
    var sequences = [Float](repeating: 0, count: count * length * 4)
    var maps = [Float](repeating: 0, count: count * length * 4)
    for item in 0..<count {
      for position in 0..<length {
        let cell = (item * length + position) * 4
        sequences[cell + position % 4] = 1
        maps[cell + position % 4] = observed[item][position]
        maps[cell + (position + 1) % 4] = offObserved
      }
    }
    return ExplainedSequences(
      ids: ids, sequences: Tensor(shape: [count, length, 4], scalars: sequences),
      attributions: Tensor(shape: [count, length, 4], scalars: maps), method: "saliency",
      targets: [Int](repeating: 0, count: count), predictions: (0..<count).map { Float($0) / 2 },
      provenance: .init(inputFile: file))
  }

  /// `count` records of `length` bases at seeded places on three chromosomes (overlapping ones
  /// included, a third on the minus strand), with seeded one-hot sequences and maps.
  static func random(count: Int, length: Int, seed: UInt64) throws -> (
    ExplainedSequences, ChromosomeSizes
  ) {
    var generator = SeededGenerator(seed: seed)
    let chromosomes = ["chr1", "chr10", "chr2"]
    let ids = (0..<count).map { item -> String in
      let start = generator.index(below: 400)
      let strand = item % 3 == 2 ? "(-)" : ""
      return "\(chromosomes[generator.index(below: 3)]):\(start)-\(start + length)\(strand)"
    }
    let explained = ExplainedSequences(
      ids: ids, sequences: TestSupport.oneHotDNA(count, length: length, seed: seed + 1),
      attributions: TestSupport.uniform([count, length, 4], seed: seed + 2), method: "saliency",
      targets: [Int](repeating: 0, count: count), predictions: [Float](repeating: 0, count: count),
      provenance: .init(inputFile: "random.fa"))
    let sizes = try ChromosomeSizes(parsing: "chr1\t500\nchr2\t600\nchr10\t700\n", file: "g.sizes")
    return (explained, sizes)
  }
}
