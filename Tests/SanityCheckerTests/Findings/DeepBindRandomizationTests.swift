import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Model randomization on real DeepBind ChIP-seq models with their ENCODE test sequences.
///
/// The models are the HDF5 conversions (PROVENANCE §1.3); the sequences are held-out ENCODE peaks
/// and their dinucleotide shuffles (PROVENANCE §2.2). Guided Backprop is run too and its numbers
/// recorded; with every weight random it is not expected to survive, and nothing is asserted
/// about it.
///
/// A DeepBind model is one ``DeepBindScanner`` layer, so every order randomizes it whole; here
/// `complete` with Glorot-uniform kernels (each part's own fans) and zero biases, three seeds.
/// Similarity is raw Spearman in the observed-base view: one value per position, so the three
/// unobserved bases (exactly zero for input-multiplied maps) do not inflate it.
@Suite(
  .enabled(
    if: TestSupport.hasSharedData,
    "needs ../shared/data/deepbind/hdf5 and chipseq/deepbind_encode_fasta (real models and test sets)"
  ))
struct DeepBindRandomizationTests {
  /// CTCFL and GABPA (no hidden layer) and REST (32 hidden units).
  static let models = ["D00753.001", "D00409.004", "D00799.001"]

  /// 100 sequences: the first 50 peaks and their 50 shuffles (debug builds: 5 of each).
  static func sequences(_ data: InputData) -> Tensor {
    #if DEBUG
      let perClass = 5
    #else
      let perClass = 50
    #endif
    return data.inputs.gathering(Array(0..<perClass) + Array(500..<(500 + perClass)))
  }

  /// The explainers: IG with 10 Gauss–Legendre nodes keeps the test near 10 s per model (a
  /// DeepBind forward pass scores 66 padded windows per strand, about 1 ms per sequence).
  static let explainers: [any Explainer] = [
    Saliency(), IntegratedGradients(steps: 10, integration: .gaussLegendre), GuidedBackprop(),
  ]

  /// Saliency and Integrated Gradients fall below 0.3 mean raw Spearman (observed base) in every
  /// seed once every weight is random, and the check's verdict is `passes`.
  @Test(arguments: models)
  func gradientMapsLoseTheirStructure(id: String) throws {
    let model = try #require(RealDeepBindModel.named(id))
    let network = try ModelLoader.load(model.hdf5)
    let data = try InputData.load(try #require(model.fasta))
    #expect(data.ids[0] == "seq_00002_peak" && data.ids[500] == "seq_00002_shuf")
    let input = Self.sequences(data)
    let check = ModelRandomizationCheck(
      .init(
        order: .complete, scheme: .glorotUniform, seeds: [0, 1, 2],
        metrics: [SpearmanRankCorrelation()], view: .observedBase))
    let report = try check.run(
      model: network, input: input, targets: nil, explainers: Self.explainers)
    for method in [Saliency.identifier, IntegratedGradients.identifier] {
      let rows = report.rows.filter {
        $0.method == method && $0.layer == .randomized("all") && $0.metric == "spearman"
      }
      #expect(rows.count == 4, "\(method): \(rows.count) rows")
      for row in rows {
        #expect(
          row.mean < 0.3, "\(model.protein) \(method) seed \(row.seed): mean Spearman \(row.mean)")
        #expect(
          row.undefined == 0,
          "\(model.protein) \(method) seed \(row.seed): \(row.undefined) constant maps")
      }
      #expect(report.verdicts.first { $0.method == method }?.outcome == .passes)
    }
    for row in report.rows {
      FindingsSample.record(
        "deepbind \(model.protein) \(row.method) seed=\(row.seed) spearman=\(row.mean) sd=\(row.sd) n=\(row.n) undefined=\(row.undefined)"
      )
    }
  }
}
