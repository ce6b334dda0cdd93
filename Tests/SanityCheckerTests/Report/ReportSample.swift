import Foundation
@testable import SanityChecker

/// Fixed report contents for the report tests, built from integer hashing only (no libm, no RNG
/// state), so the golden file is the same on every platform.
enum ReportSample {
  /// A value in [-1, 1) from `(index, salt)` (SplitMix64 finalizer).
  static func noise(_ index: Int, _ salt: Int) -> Float {
    var z =
      UInt64(truncatingIfNeeded: index &* 0x9E37_79B9 &+ salt &* 0x85EB_CA6B)
      &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Float(z >> 40) / Float(1 << 23) - 1
  }

  /// A bump of height 1 at `centre`: 1 / (1 + (d / width)²).
  static func bump(_ position: Float, centre: Float, width: Float) -> Float {
    let d = (position - centre) / width
    return 1 / (1 + d * d)
  }

  static let methods = ["saliency", "guided-backprop", "integrated-gradients"]
  static let controls = ["random", "constant", "input"]

  /// Model-randomization rows for `stages`, per seed and summarized over seeds.
  ///
  /// Saliency and IG decay towards 0; Guided Backprop stays high (as in Adebayo et al. 2018).
  static func randomizationRows(stages: [String], metrics: [String], seeds: Int, items: Int)
    -> [ResultRow]
  {
    var rows: [ResultRow] = []
    for (methodIndex, method) in (methods + controls).enumerated() {
      for (stageIndex, stage) in stages.enumerated() {
        for (metricIndex, metric) in metrics.enumerated() {
          let level: Double
          switch method {
          case "saliency": level = 0.55 / Double(stageIndex + 1) - 0.05
          case "guided-backprop": level = 0.93 - 0.04 * Double(stageIndex)
          case "integrated-gradients": level = 0.7 - 0.22 * Double(stageIndex)
          case "input": level = 1
          case "random": level = 0
          default: level = .nan
          }
          var perSeed: [[Double?]] = []
          for seed in 0..<seeds {
            let values = (0..<items).map { item -> Double? in
              guard level.isFinite else { return nil }
              let jitter =
                method == "input"
                ? 0 : 0.12 * Double(noise(item, seed * 131 + stageIndex * 17 + methodIndex))
              let value = level + jitter
              return metricIndex == 1 ? abs(value) : value
            }
            perSeed.append(values)
            rows.append(
              ResultRow(
                check: .modelRandomization, order: .cascadingTopDown, method: method,
                layer: .randomized(stage), seed: .seed(UInt64(seed)),
                metric: metric, view: "full", values: values))
          }
          rows.append(
            ResultRow(
              check: .modelRandomization, order: .cascadingTopDown, method: method,
              layer: .randomized(stage), seed: .all,
              metric: metric, view: "full", replicates: perSeed))
        }
      }
    }
    return rows
  }

  /// A report with model randomization (two metrics), class sensitivity and label randomization.
  static func report(stages: [String], seeds: Int, items: Int) -> CheckReport {
    var rows = randomizationRows(
      stages: stages, metrics: ["spearman", "abs-spearman"], seeds: seeds, items: items)
    var verdicts: [Verdict] = []
    for method in methods {
      let firstStage = rows.filter {
        $0.method == method && $0.layer == .randomized(stages[0]) && $0.metric == "spearman"
      }
      verdicts.append(
        Verdict.similarity(
          check: .modelRandomization, method: method, condition: "after randomizing \(stages[0])",
          evidence: [evidence(firstStage.filter { $0.seed != .all }, summary: firstStage.last)],
          controls: ["random": 0.01, "input": 1]))
    }
    for (index, method) in (methods + controls).enumerated() {
      let level =
        method == "guided-backprop" ? 0.97 : (method == "input" ? 1 : 0.35 - 0.1 * Double(index))
      let values = (0..<items).map { item -> Double? in
        method == "constant"
          ? nil : level + (method == "input" ? 0 : 0.05 * Double(noise(item, 900 + index)))
      }
      rows.append(
        ResultRow(
          check: .classSensitivity, order: nil, method: method, layer: .otherClass, seed: .all,
          metric: "spearman", view: "full", values: values))
      if index < methods.count {
        verdicts.append(
          Verdict.similarity(
            check: .classSensitivity, method: method,
            condition: "between the predicted and another class",
            evidence: [evidence([], summary: rows.last)], controls: [:]))
      }
    }
    verdicts.append(
      Verdict(
        check: .labelRandomization, method: "saliency", outcome: .inconclusive,
        rule: "passes if mean spearman between the true- and permuted-label models is below 0.5",
        evidence: "2 of 8 values undefined"))
    let settings = [
      "model-randomization.check": "model-randomization", "model-randomization.order": "cascading",
      "model-randomization.metrics": "spearman,abs-spearman",
      "model-randomization.threshold": "0.5",
      "model-randomization.seeds": (0..<seeds).map(String.init).joined(separator: ","),
      "model-randomization.scheme": "glorot-uniform", "class-sensitivity.other": "random (seed 0)",
      "note": "compare a<b & c>d",
    ]
    return CheckReport(rows: rows, verdicts: verdicts, settings: settings)
  }

  /// A verdict's reading of spearman from per-seed rows and their summary row (threshold 0.5).
  static func evidence(_ seeds: [ResultRow], summary: ResultRow?) -> SimilarityEvidence {
    SimilarityEvidence(
      rule: SimilarityRule(metric: "spearman", direction: .higherIsMoreSimilar, threshold: 0.5),
      estimate: summary?.mean ?? .nan, interval: (summary?.ciLow ?? .nan, summary?.ciHigh ?? .nan),
      perSeed: seeds.map(\.mean), items: summary?.n ?? 0)
  }

  /// Bases from the hash, with `motif` planted at `start`.
  static func sequence(length: Int, motif: String, start: Int, salt: Int) -> String {
    var bases = (0..<length).map { Array("ACGT")[Int((noise($0, salt) + 1) * 2) % 4] }
    for (offset, base) in motif.enumerated() where start + offset < length {
      bases[start + offset] = base
    }
    return String(bases)
  }

  /// A DNA example: saliency and IG find the motif in the original model and lose it when
  /// randomized; Guided Backprop keeps it.
  static func dnaExample(id: String, length: Int, stages: [String], salt: Int) -> DNAExample {
    let motif = "TGACTCAG"
    let start = length / 3
    let centre = Float(start) + Float(motif.count - 1) / 2
    var maps: [StageMap] = []
    for (methodIndex, method) in methods.enumerated() {
      for (stageIndex, stage) in (["original"] + stages).enumerated() {
        let keep: Float = method == "guided-backprop" ? 1 : 1 / Float(1 + 3 * stageIndex)
        let values = (0..<length).map { position -> Float in
          let signal = bump(Float(position), centre: centre, width: Float(motif.count) / 3)
          return keep * signal + (1 - keep) * noise(position, salt + 31 * stageIndex + methodIndex)
            * 0.6
            + 0.08 * noise(position, salt + 7 + methodIndex)
        }
        maps.append(StageMap(stage: stage, method: method, values: values))
      }
    }
    return DNAExample(
      id: id, sequence: sequence(length: length, motif: motif, start: start, salt: salt),
      motif: start..<(start + motif.count), stages: maps)
  }

  /// An image example: a ring; the maps show its edge, blurred into noise when randomized.
  static func imageExample(id: String, side: Int, stages: [String], salt: Int) -> ImageExample {
    let centre = Float(side - 1) / 2
    let radius = Float(side) / 4
    let ring = (0..<(side * side)).map { pixel -> Float in
      let dx = Float(pixel % side) - centre
      let dy = Float(pixel / side) - centre
      let distance = (dx * dx + dy * dy) / (radius * radius)
      return bump(distance, centre: 1, width: 0.35)
    }
    var maps: [StageMap] = []
    for (methodIndex, method) in methods.enumerated() {
      for (stageIndex, stage) in (["original"] + stages).enumerated() {
        let keep: Float = method == "guided-backprop" ? 0.9 : 1 / Float(1 + 2 * stageIndex)
        let values = ring.indices.map { pixel in
          keep * (ring[pixel] - 0.3) + (1 - keep)
            * noise(pixel, salt + 13 * stageIndex + methodIndex)
        }
        maps.append(StageMap(stage: stage, method: method, values: values))
      }
    }
    return ImageExample(id: id, width: side, height: side, channels: 1, pixels: ring, stages: maps)
  }

  /// Class-sensitivity pairs: one image, one sequence.
  static func classPairs(side: Int, length: Int) -> [ClassSensitivityExample] {
    let image = (0..<(side * side)).map {
      bump(Float($0 % side), centre: Float(side) / 3, width: 1.5)
    }
    let shifted = (0..<(side * side)).map {
      bump(Float($0 % side), centre: Float(2 * side) / 3, width: 1.5)
    }
    let track = (0..<length).map { bump(Float($0), centre: Float(length) / 3, width: 3) - 0.1 }
    let other = (0..<length).map {
      0.9 * bump(Float($0), centre: Float(length) / 3, width: 3) + 0.1 * noise($0, 5)
    }
    return [
      ClassSensitivityExample(
        id: "digit-7", method: "saliency", classA: "7 (predicted)", classB: "1", mapA: image,
        mapB: shifted,
        width: side, height: side),
      ClassSensitivityExample(
        id: "seq-1", method: "guided-backprop", classA: "bound (predicted)", classB: "unbound",
        mapA: track,
        mapB: other, width: length, height: 1),
    ]
  }

  /// The golden file's content: small, with every section and text that needs escaping.
  static var small: ReportContent {
    let stages = ["dense_2", "dense_1", "conv1d_1"]
    return ReportContent(
      title: "Sanity checks <DeepBind> & friends",
      subtitle: "sanity report --seeds 0,1 (toy model)",
      report: report(stages: stages, seeds: 2, items: 4),
      modelDescription: "DeepBind-style CNN: conv1d_1 → dense_1 → dense_2",
      dataDescription: "4 synthetic sequences of length 24 with a planted motif",
      dnaExamples: [dnaExample(id: "seq-1", length: 24, stages: ["dense_2"], salt: 1)],
      imageExamples: [imageExample(id: "ring", side: 6, stages: ["dense_2"], salt: 2)],
      classSensitivity: classPairs(side: 6, length: 24))
  }

  /// A realistic size for the browser test: L = 101, 28 × 28 images, five stages, three seeds.
  static var large: ReportContent {
    let stages = ["dense_2", "dense_1", "conv1d_2", "conv1d_1", "embedding"]
    return ReportContent(
      title: "Sanity checks: DeepBind CTCF & MNIST", subtitle: "sanity report --seeds 0,1,2",
      report: report(stages: stages, seeds: 3, items: 12),
      modelDescription:
        "DeepBind-style CNN (2 × conv1d, 2 × dense), trained on synthetic CTCF sites",
      dataDescription: "12 test sequences of length 101; 28 × 28 synthetic digits",
      dnaExamples: [
        dnaExample(id: "chr1:1000-1101", length: 101, stages: stages, salt: 3),
        dnaExample(id: "chr2:5000-5101", length: 101, stages: stages, salt: 4),
      ],
      imageExamples: [imageExample(id: "ring-28", side: 28, stages: stages, salt: 5)],
      classSensitivity: classPairs(side: 28, length: 101))
  }
}
