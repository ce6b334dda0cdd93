import SanityChecker

/// The DeepSEA-shaped items' inputs: ``DeepSEAArchitecture`` with seeded weights and seeded
/// random one-hot sequences of 1,000 bp, as many as the peers' `bench_deepsea.py` uses.
///
/// ```
/// deepsea.forward   128 sequences     torch forward (bs 64)
/// deepsea.saliency  128 sequences     Captum Saliency (bs 32), target 0
/// deepsea.ig50        8 sequences     Captum IG, 50 Riemann-trapezoid steps, zero baseline, target 0
/// deepsea.ism         2 sequences     tangermeme saturation_mutagenesis, target 0
/// ```
struct DeepSEAWorkload {
  /// The model.
  let model: Model
  /// Uniform random one-hot sequences `[128, 1000, 4]` (seed 5, scaled).
  let sequences: Tensor

  /// Builds the model and draws the sequences.
  /// - Parameter options: The workload scale.
  /// - Throws: A ``SanityChecker/ModelError`` (not expected: the architecture is fixed).
  init(options: BenchmarkOptions) throws {
    model = try DeepSEAArchitecture.model()
    sequences = DNAWorkload.randomSequences(
      count: options.scaled(128), length: DeepSEAArchitecture.length, seed: 5)
    itemCounts = [
      .deepSEAForward: sequences.batchSize, .deepSEASaliency: sequences.batchSize,
      .deepSEAIntegratedGradients: options.scaled(8), .deepSEAISM: options.scaled(2),
    ]
  }

  /// The sequences each item processes.
  let itemCounts: [BenchmarkItem: Int]

  /// The timed workload of a DeepSEA item.
  func measurement(for item: BenchmarkItem) -> Measurement {
    let model = model
    let count = itemCounts[item] ?? 1
    let input = sequences.items(0..<min(count, sequences.batchSize))
    let targets = [Int](repeating: 0, count: input.batchSize)
    let flops = item.forwardEquivalents.map { $0 * DeepSEAArchitecture.forwardFLOPs }
    func explaining(_ explainer: any Explainer) -> Measurement {
      Measurement(items: input.batchSize, flopsPerItem: flops) {
        _ = try explainer.attribution(for: input, targets: targets, in: model)
      }
    }
    switch item {
    case .deepSEAForward:
      return Measurement(items: input.batchSize, flopsPerItem: flops) { _ = model.forward(input) }
    case .deepSEASaliency:
      return explaining(Saliency())
    case .deepSEAIntegratedGradients:
      return explaining(IntegratedGradients(steps: 50, integration: .riemannTrapezoid))
    case .deepSEAISM:
      return explaining(InSilicoMutagenesis(fast: true))
    default:
      preconditionFailure("DeepSEAWorkload: \(item.rawValue) is not a DeepSEA item")
    }
  }
}
