import Foundation
import SanityChecker

/// The DNA items' inputs: the reference DeepBind-style model, its cascade stages and seeded
/// random one-hot sequences.
struct DNAWorkload {
  /// `dna_deepbind.h5`.
  let model: Model
  /// The reference cascade stages `dna_cascade_{1,2,3}_*.h5`, top layer first.
  let stages: [RandomizationStage]
  /// Uniform random one-hot sequences `[N, 101, 4]` (seed 2024).
  let sequences: Tensor
  /// The explained output per sequence (the model has one).
  let targets: [Int]
  /// The sequences the cascade items explain (the first 1,000, scaled).
  let cascadeSequences: Tensor

  /// Loads the model and stages and draws the sequences.
  /// - Parameters:
  ///   - referenceFolder: The folder holding the reference `.h5` files.
  ///   - options: The workload scale.
  /// - Throws: ``BenchmarkError/missingReference(file:item:)`` or a loader error.
  init(referenceFolder: URL, options: BenchmarkOptions) throws {
    model = try ReferenceModels.load("dna_deepbind.h5", in: referenceFolder, item: "dna.*")
    stages = try ReferenceModels.cascade(
      prefix: "dna_cascade_", in: referenceFolder, item: "dna.cascade")
    let count = options.scaled(10_000)
    sequences = Self.randomSequences(count: count, length: model.inputShape[0], seed: 2024)
    targets = [Int](repeating: 0, count: count)
    cascadeSequences = sequences.items(0..<min(count, options.scaled(1_000)))
  }

  /// Uniform random one-hot DNA, one base drawn per position.
  static func randomSequences(count: Int, length: Int, seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    return Tensor(shape: [count, length, 4]) { x in
      x.update(repeating: 0)
      for position in 0..<(count * length) { x[position * 4 + generator.index(below: 4)] = 1 }
    }
  }

  /// The timed workload of a DNA item.
  func measurement(for item: BenchmarkItem) throws -> Measurement {
    let forwardFLOPs = FLOPModel.forward(of: model)
    let flops = item.forwardEquivalents.map { $0 * forwardFLOPs }
    let (model, sequences, targets) = (model, sequences, targets)
    func explaining(_ explainer: any Explainer, _ flops: Double?) -> Measurement {
      Measurement(items: sequences.batchSize, flopsPerItem: flops) {
        _ = try explainer.attribution(for: sequences, targets: targets, in: model)
      }
    }
    switch item {
    case .dnaForward:
      return Measurement(items: sequences.batchSize, flopsPerItem: flops) {
        _ = model.forward(sequences)
      }
    case .dnaSaliency:
      return explaining(Saliency(), flops)
    case .dnaIntegratedGradients:
      return explaining(IntegratedGradients(steps: 50, integration: .riemannTrapezoid), flops)
    case .dnaGuidedBackprop:
      return explaining(GuidedBackprop(), flops)
    case .dnaEpsilonLRP:
      return explaining(EpsilonLRPExplainer(epsilon: 1e-6), flops)
    case .dnaISM:
      return explaining(InSilicoMutagenesis(fast: true), nil)
    case .dnaCascade:
      let methods: [any Explainer] = [
        Saliency(), GradientTimesInput(), IntegratedGradients(steps: 50), GuidedBackprop(),
        EpsilonLRPExplainer(epsilon: 1e-6), GradCAM(), InSilicoMutagenesis(fast: true),
      ]
      return cascade(
        methods, metrics: [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)])
    case .dnaMPRTSaliency:
      return cascade([Saliency()], metrics: [SpearmanRankCorrelation(absolute: true)])
    default:
      preconditionFailure("DNAWorkload: \(item.rawValue) is not a DNA item")
    }
  }

  /// Cascading randomization over the reference stages of the cascade sequences.
  private func cascade(_ explainers: [any Explainer], metrics: [any SimilarityMetric])
    -> Measurement
  {
    let (model, stages, input) = (model, stages, cascadeSequences)
    let check = ModelRandomizationCheck(
      .init(order: .cascadingTopDown, seeds: [0], metrics: metrics))
    let targets = [Int](repeating: 0, count: input.batchSize)
    return Measurement(items: input.batchSize, flopsPerItem: nil) {
      _ = try check.run(
        model: model, stagesPerSeed: [("reference", stages)], input: input, targets: targets,
        explainers: explainers)
    }
  }
}
