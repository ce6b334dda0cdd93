import Foundation
@testable import SanityChecker

/// Seeded sequences with a motif sampled into some of them, and an "ideal explainer" map that
/// scores each planted base by its log-odds against a uniform background (plus small noise).
struct PlantedMotifs {
  var input: Tensor
  var maps: Tensor
  var ids: [String]
  var sites: [Int: Int]

  init(motif: MEMEMotif, count: Int = 120, length: Int = 80, seed: UInt64 = 7) throws {
    var generator = SeededGenerator(seed: seed)
    var sequences: [[UInt8]] = []
    var sites: [Int: Int] = [:]
    var scores: [[Float]] = []
    for item in 0..<count {
      var bases = (0..<length).map { _ in Array("ACGT".utf8)[generator.index(below: 4)] }
      var row = (0..<length).map { _ in Float(generator.normal(standardDeviation: 0.05)) }
      if item % 2 == 0 {
        let start = generator.index(below: length - motif.width)
        var site = motif.sampledSite(using: &generator)
        let reverse = generator.index(below: 2) == 1
        if reverse { site = MEMEMotif.reverseComplement(site) }
        for (offset, base) in site.enumerated() {
          bases[start + offset] = base
          let column = reverse ? motif.width - 1 - offset : offset
          let channel = Array("ACGT".utf8).firstIndex(of: base) ?? 0
          let probability = motif.probabilities[column][reverse ? 3 - channel : channel]
          row[start + offset] += Float(max(0, log2(max(probability, 1e-3) / 0.25)))
        }
        sites[item] = start
      }
      sequences.append(bases)
      scores.append(row)
    }
    input = try OneHot().encode(sequences)
    // Maps non-zero only at the observed base, like Gradient × Input.
    var values = input.scalars
    for item in 0..<count {
      for position in 0..<length {
        for channel in 0..<4 {
          values[(item * length + position) * 4 + channel] *= scores[item][position]
        }
      }
    }
    maps = Tensor(shape: input.shape, scalars: values)
    ids = (0..<count).map { "chr2:\(1000 + 100 * $0)-\(1000 + 100 * $0 + length)" }
    self.sites = sites
  }
}
