import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Data randomization on the reference DNA model.
///
/// The check of Adebayo et al. 2018 (arXiv:1810.03292, §5). `dna_deepbind_label_permuted.h5` has the same initialization and schedule as `dna_deepbind.h5`
/// but was trained on permuted labels (train accuracy 0.625, test 0.505). Its maps should share
/// nothing with the true model's.
@Suite(
  .enabled(
    if: TestSupport.hasReference, "needs ../shared/reference (true- and permuted-label models)"))
struct LabelPermutationTests {
  /// Saliency and IG: mean raw Spearman below 0.3 between the two models' maps in the
  /// observed-base view, on the 64 golden sequences (debug builds: every 4th); verdict `passes`.
  ///
  /// The genomics caveat, measured on the same maps: IG is exactly 0 at the 303 unobserved bases
  /// of a 404-value map, so absolute Spearman on the full map stays high (reference 0.876) even
  /// though the models share nothing; one value per position removes the tie block.
  @Test func gradientMapsOfThePermutedLabelModelDiffer() throws {
    let golden = try GoldenFile.named("dna")
    let permuted = try golden.groupModel("label_permutation")
    let items = FindingsSample.items(golden.targets.count, debugStride: 4)
    let input = golden.inputs.gathering(items)
    var means: [String: Double] = [:]
    for view in [AttributionView.observedBase, .full] {
      let check = DataRandomizationCheck(
        metrics: [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)], view: view)
      let report = try check.compare(
        golden.model, permuted, input: input, explainers: [Saliency(), IntegratedGradients()])
      for row in report.rows where row.layer == .permutedLabels {
        means["\(view.rawValue) \(row.method) \(row.metric)"] = row.mean
        #expect(
          row.n == items.count,
          "\(view.rawValue) \(row.method) \(row.metric): \(row.undefined) undefined")
        FindingsSample.record(
          "label-permutation \(view.rawValue) \(row.method) \(row.metric) mean=\(row.mean) n=\(row.n)"
        )
      }
      if view == .observedBase {
        for method in [Saliency.identifier, IntegratedGradients.identifier] {
          #expect(report.verdicts.first { $0.method == method }?.outcome == .passes, "\(method)")
        }
      }
    }
    for method in [Saliency.identifier, IntegratedGradients.identifier] {
      let raw = try #require(means["observed-base \(method) spearman"])
      #expect(raw < 0.3, "\(method): mean Spearman \(raw) (observed base)")
    }
    let inflated = try #require(means["full integrated-gradients spearman-abs"])
    let perPosition = try #require(means["observed-base integrated-gradients spearman-abs"])
    #expect(
      inflated > 0.8 && perPosition < 0.3,
      "IG spearman-abs: full \(inflated), observed base \(perPosition)")
  }
}
