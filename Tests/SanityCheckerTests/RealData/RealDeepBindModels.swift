import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The 12 real DeepBind ChIP-seq models of `../shared/data/deepbind` (PROVENANCE §1.1–1.4) and
/// the ENCODE test sets they are scored on.
struct RealDeepBindModel: Sendable, CustomTestStringConvertible {
  let id: String
  let protein: String
  /// The `dataset` column of the reference scores (`nil`: no test set, GATA1).
  let dataset: String?
  /// PROVENANCE §1.4: the AUROC of the reference scores on that set.
  let auroc: Double?

  var testDescription: String { "\(id) \(protein)" }

  /// `deepbind/hdf5/<id>_<protein>_ChIP-seq.h5`.
  var hdf5: URL { TestSupport.sharedData("deepbind/hdf5/\(id)_\(protein)_ChIP-seq.h5") }
  /// `deepbind/params/<id>.txt`, the original text parameters.
  var params: URL { TestSupport.sharedData("deepbind/params/\(id).txt") }

  /// The FASTA of the test set: an ENCODE `_B` set, or Keras-genomics' CTCF `valid.fa`.
  var fasta: URL? {
    guard let dataset else { return nil }
    return dataset == "ctcf_keras_genomics_valid"
      ? TestSupport.sharedData("chipseq/ctcf_keras_genomics/valid.fa")
      : TestSupport.sharedData("chipseq/deepbind_encode_fasta/\(dataset).fa")
  }

  static let all: [RealDeepBindModel] = [
    .init(id: "D00328.018", protein: "CTCF", dataset: "ctcf_keras_genomics_valid", auroc: 0.967),
    .init(
      id: "D00360.007", protein: "ELK1", dataset: "ELK1_GM12878_ELK1_1277-1_Stanford_B",
      auroc: 0.954),
    .init(
      id: "D00409.004", protein: "GABPA", dataset: "GABPA_GM12878_GABP_HudsonAlpha_B", auroc: 0.976),
    .init(id: "D00650.007", protein: "SP1", dataset: "SP1_GM12878_SP1_HudsonAlpha_B", auroc: 0.888),
    .init(
      id: "D00700.006", protein: "USF1", dataset: "USF1_HepG2_USF-1_HudsonAlpha_B", auroc: 0.995),
    .init(
      id: "D00714.004", protein: "ZBTB7A", dataset: "ZBTB7A_HepG2_ZBTB7A_SC-34508_HudsonAlpha_B",
      auroc: 0.865),
    .init(
      id: "D00736.002", protein: "ARID3A", dataset: "ARID3A_K562_ARID3A_sc-8821_Stanford_B",
      auroc: 0.874),
    .init(
      id: "D00753.001", protein: "CTCFL", dataset: "CTCFL_K562_CTCFL_SC-98982_HudsonAlpha_B",
      auroc: 0.986),
    .init(
      id: "D00761.001", protein: "FOXA1", dataset: "FOXA1_HepG2_FOXA1_SC-101058_HudsonAlpha_B",
      auroc: 0.979),
    .init(id: "D00765.001", protein: "GATA1", dataset: nil, auroc: nil),
    .init(id: "D00785.001", protein: "MYC", dataset: "MYC_H1-hESC_c-Myc_Stanford_B", auroc: 0.919),
    .init(
      id: "D00799.001", protein: "REST", dataset: "REST_GM12878_NRSF_HudsonAlpha_B", auroc: 0.9995),
  ]

  /// The model with the given id.
  static func named(_ id: String) -> RealDeepBindModel? { all.first { $0.id == id } }

  /// `deepbind/reference/computed_scores_v0.11_on_test_sets.tsv`.
  static var referenceScores: URL {
    TestSupport.sharedData("deepbind/reference/computed_scores_v0.11_on_test_sets.tsv")
  }
}
