import Foundation
import SanityChecker
import SanityTestSupport

/// The reference models as randomization stages, the golden files' method and metric names, and
/// the item samples the findings tests run on.
extension GoldenFile {
  /// The golden file and trained model of a dataset (`dna` or `mnist`).
  static func named(_ dataset: String) throws -> GoldenFile {
    try GoldenFile(
      "\(dataset)_golden.h5", model: dataset == "dna" ? "dna_deepbind.h5" : "mnist_cnn.h5")
  }

  /// The randomized reference models of some groups (`cascade/1_dense_2`, …) as stages named
  /// after their group, for ``ModelRandomizationCheck/run(model:stagesPerSeed:input:targets:explainers:)``.
  func stages(_ groups: [String]) throws -> [RandomizationStage] {
    try groups.map { group in
      let layer = group.split(separator: "_", maxSplits: 1).last.map(String.init) ?? group
      return RandomizationStage(
        name: group, randomizedLayers: [layer], model: try groupModel(group))
    }
  }

  /// The stored per-item metric of a group (`cascade/1_dense_2`, `saliency`, `spearman_abs`).
  func metric(_ group: String, method: String, metric: String) throws -> [Double] {
    try file.readDoubles("\(group)/metrics/\(method)/\(metric)").elements
  }

  /// The explainers of the golden methods (README §4), configured as the references were made.
  /// - Parameters:
  ///   - noise: The stored SmoothGrad noise for the explained items.
  ///   - hasISM: Whether to include ISM (DNA only).
  /// - Returns: Each golden method's name with our explainer.
  static func explainers(noise: Tensor, hasISM: Bool) -> [(
    golden: String, explainer: any Explainer
  )] {
    var methods: [(golden: String, explainer: any Explainer)] =
      TestSupport.captumMethods.map { (golden: $0.name, explainer: $0.explainer) } + [
        ("gradcam", GradCAM()),
        ("guided_gradcam", GuidedGradCAM()),
        ("lrp_epsilon_1e-6", EpsilonLRPExplainer(epsilon: 1e-6)),
        ("smoothgrad", SmoothGrad(noise: noise)),
      ]
    if hasISM { methods.append(("ism_delta", InSilicoMutagenesis())) }
    return methods
  }

  /// The golden metrics (README §5) and ours: SSIM min-max scales each map and picks the window
  /// from the map's shape (3 for a DNA map `[101, 4]`, 7 for a signal `[101]` and for `[28, 28]`).
  static let metrics: [(golden: String, metric: any SimilarityMetric)] = [
    ("spearman", SpearmanRankCorrelation()),
    ("spearman_abs", SpearmanRankCorrelation(absolute: true)),
    ("pearson", PearsonCorrelation()),
    ("ssim", SSIM()),
    ("ssim_abs", SSIM(absolute: true)),
  ]
}
