/// One workload of the benchmark suite, named as in `sanity bench --item NAME`.
///
/// The workloads mirror the peers' scripts (`bench_dna.py`, `bench_mnist.py`): the DNA items
/// run the DeepBind-style reference model on seeded random one-hot sequences of 101 bp, the
/// MNIST items the reference CNN on 1,000 test images. ``family`` says which inputs an item
/// needs, so the suite loads each family's model and data once per process.
public enum BenchmarkItem: String, CaseIterable, Hashable, Sendable, Codable {
  /// DNA model forward pass, 10,000 sequences.
  case dnaForward = "dna.forward"
  /// Saliency (signed input gradient), 10,000 sequences.
  case dnaSaliency = "dna.saliency"
  /// Integrated Gradients, 50 Riemann-trapezoid steps, zero baseline, 10,000 sequences.
  case dnaIntegratedGradients = "dna.integrated-gradients"
  /// Guided Backprop, 10,000 sequences.
  case dnaGuidedBackprop = "dna.guided-backprop"
  /// ε-LRP with ε = 1e-6, 10,000 sequences.
  case dnaEpsilonLRP = "dna.epsilon-lrp"
  /// In-silico mutagenesis: all 303 single substitutions of each of 10,000 sequences.
  case dnaISM = "dna.ism"
  /// Cascading randomization over the 3 reference stages × 7 methods, Spearman raw and abs,
  /// 1,000 sequences.
  case dnaCascade = "dna.cascade"
  /// Quantus-style MPRT: Saliency over the 3 reference stages, absolute Spearman, 1,000 sequences.
  case dnaMPRTSaliency = "dna.mprt-saliency"
  /// MNIST CNN forward pass, 1,000 images.
  case mnistForward = "mnist.forward"
  /// Saliency, 1,000 images.
  case mnistSaliency = "mnist.saliency"
  /// Integrated Gradients, 50 steps, 1,000 images.
  case mnistIntegratedGradients = "mnist.integrated-gradients"
  /// Cascading randomization over the 6 reference stages × {Saliency, IG-50, Guided Backprop,
  /// Grad-CAM}, Spearman raw and abs and SSIM, 1,000 images.
  case mnistCascade = "mnist.cascade"
  /// DeepSEA-shaped model (``DeepSEAArchitecture``) forward pass, 128 sequences of 1,000 bp.
  case deepSEAForward = "deepsea.forward"
  /// Saliency of target 0 on the DeepSEA-shaped model, 128 sequences.
  case deepSEASaliency = "deepsea.saliency"
  /// Integrated Gradients of target 0, 50 Riemann-trapezoid steps, zero baseline, 8 sequences.
  case deepSEAIntegratedGradients = "deepsea.ig50"
  /// In-silico mutagenesis (all 3,000 substitutions) of target 0, 2 sequences.
  case deepSEAISM = "deepsea.ism"
  /// Reading and one-hot encoding a generated 50 MB plain FASTA file.
  case oneHotFASTA = "onehot.fasta"
  /// The same FASTA records, gzip-compressed.
  case oneHotFASTAGzip = "onehot.fasta.gz"
  /// A 2048 × 2048 × 2048 single-precision matrix product through ``SanityChecker/BLAS``.
  case sgemm

  /// The inputs an item needs.
  public enum Family: Hashable, Sendable {
    /// The DNA reference model and random sequences.
    case dna
    /// The MNIST reference model and test images.
    case mnist
    /// The DeepSEA-shaped model built in Swift and random 1,000-bp sequences.
    case deepSEA
    /// A generated FASTA file.
    case sequenceIO
    /// Matrices only.
    case blas
  }

  /// The item's inputs.
  public var family: Family {
    switch self {
    case .dnaForward, .dnaSaliency, .dnaIntegratedGradients, .dnaGuidedBackprop, .dnaEpsilonLRP,
      .dnaISM, .dnaCascade, .dnaMPRTSaliency:
      return .dna
    case .mnistForward, .mnistSaliency, .mnistIntegratedGradients, .mnistCascade:
      return .mnist
    case .deepSEAForward, .deepSEASaliency, .deepSEAIntegratedGradients, .deepSEAISM:
      return .deepSEA
    case .oneHotFASTA, .oneHotFASTAGzip:
      return .sequenceIO
    case .sgemm:
      return .blas
    }
  }

  /// What one counted item is: `seq`, `img`, `base` or `matmul`.
  public var unit: String {
    switch family {
    case .dna, .deepSEA: return "seq"
    case .mnist: return "img"
    case .sequenceIO: return "base"
    case .blas: return "matmul"
    }
  }

  /// Timed runs after the warm-up when the configuration does not say otherwise: 5 for
  /// items of well under a second, 3 for the long ones.
  public var defaultRuns: Int {
    switch self {
    case .dnaCascade, .mnistCascade, .mnistIntegratedGradients, .dnaIntegratedGradients,
      .deepSEAIntegratedGradients, .deepSEAISM:
      return 3
    default:
      return 5
    }
  }

  /// The forward passes (and input-gradient backward passes, each counted as one more
  /// forward) one item costs, for GFLOP/s; `nil` where FLOPs are not the measure.
  ///
  /// ```
  /// forward 1 · saliency, guided backprop, ε-LRP 2 · IG-50 100
  /// ```
  public var forwardEquivalents: Double? {
    switch self {
    case .dnaForward, .mnistForward, .deepSEAForward: return 1
    case .dnaSaliency, .dnaGuidedBackprop, .dnaEpsilonLRP, .mnistSaliency, .deepSEASaliency:
      return 2
    case .dnaIntegratedGradients, .mnistIntegratedGradients, .deepSEAIntegratedGradients: return 100
    default: return nil
    }
  }

  /// Parses item names, keeping their order and dropping repeats.
  /// - Parameter names: Names as on the command line; `nil` or empty means every item.
  /// - Returns: The items.
  /// - Throws: ``BenchmarkError/unknownItem(_:known:)`` for a name that is not an item.
  public static func parse(_ names: [String]?) throws(BenchmarkError) -> [BenchmarkItem] {
    guard let names, !names.isEmpty else { return allCases }
    var items: [BenchmarkItem] = []
    for name in names {
      guard let item = BenchmarkItem(rawValue: name) else {
        throw .unknownItem(name, known: allCases.map(\.rawValue))
      }
      if !items.contains(item) { items.append(item) }
    }
    return items
  }
}
