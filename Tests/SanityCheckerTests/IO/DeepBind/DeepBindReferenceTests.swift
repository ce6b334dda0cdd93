import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// DeepBind v0.11 scores of the 12 published ChIP-seq models against the shared reference.
///
/// The reference is `computed_scores_v0.11_on_test_sets.tsv` (PROVENANCE §1.4). Debug builds score a
/// stratified sample of each test set; optimized builds score all of it.
@Suite(
  .enabled(
    if: TestSupport.hasSharedData,
    "needs ../shared/data/deepbind and chipseq (DeepBind models and test sets)"))
struct DeepBindReferenceTests {
  #if DEBUG
    static let stride = 25
  #else
    static let stride = 1
  #endif

  /// Every `stride`-th reference row of a model, with its one-hot sequence.
  static func sample(_ model: String) throws -> (rows: [DeepBindReferenceData.Score], input: Tensor)
  {
    let all = try #require(DeepBindReferenceData.scores[model])
    let rows = Swift.stride(from: 0, to: all.count, by: stride).map { all[$0] }
    let records = try DeepBindReferenceData.readFASTA(
      DeepBindReferenceData.fasta(of: rows[0].dataset))
    let sequences = try rows.map { try #require(records[$0.sequenceID], "\($0.sequenceID)") }
    return (rows, DeepBindReferenceData.oneHot(sequences))
  }

  /// Scores match the reference to 1e-5 (it prints 6 decimals of a float32 computation), and
  /// so does the AUROC: in optimized builds on all 1,000 sequences, compared with PROVENANCE
  /// (to 1e-3); in debug builds on the sample, compared with the reference scores' AUROC on
  /// the same sample, while the reference's full-set AUROC is compared with PROVENANCE.
  @Test(arguments: DeepBindReferenceData.models.filter { $0 != "D00765.001" })
  func scoresAndAUROCMatchReference(model: String) throws {
    let params = try DeepBindParams(contentsOf: DeepBindReferenceData.params(model))
    let (rows, input) = try Self.sample(model)
    let scores = try params.model(sequenceLength: input.shape[1]).forward(input).scalars
    var worst = (difference: Float(0), index: 0)
    for i in 0..<rows.count where abs(scores[i] - rows[i].score) > worst.difference {
      worst = (abs(scores[i] - rows[i].score), i)
    }
    #expect(
      worst.difference <= 1e-5,
      "\(model): max |difference| \(worst.difference) at \(rows[worst.index].sequenceID) (ours \(scores[worst.index]), reference \(rows[worst.index].score))"
    )

    let labels = rows.map(\.label)
    let ours = DeepBindReferenceData.auroc(scores: scores, labels: labels)
    let published = try #require(DeepBindReferenceData.publishedAUROC[model])
    if Self.stride == 1 {
      #expect(rows.count == 1_000)
      #expect(abs(ours - published) <= 1e-3, "\(model): AUROC \(ours), published \(published)")
    } else {
      let reference = DeepBindReferenceData.auroc(scores: rows.map(\.score), labels: labels)
      #expect(
        abs(ours - reference) <= 1e-3,
        "\(model): AUROC \(ours) on the sample, reference \(reference)")
      let all = try #require(DeepBindReferenceData.scores[model])
      let full = DeepBindReferenceData.auroc(scores: all.map(\.score), labels: all.map(\.label))
      #expect(
        abs(full - published) <= 1e-3, "\(model): reference AUROC \(full), published \(published)")
    }
  }

  /// All 12 models, including GATA1 (D00765.001, which has no reference scores), equal the
  /// direct computation (`DeepBindDirect`, in Double) on the first 40 bases of 3 CTCF
  /// sequences (1 window for M = 36, 5 windows for M = 24), to 1e-5 relative.
  @Test(arguments: DeepBindReferenceData.models)
  func modelsMatchDirectScoring(model: String) throws {
    let params = try DeepBindParams(contentsOf: DeepBindReferenceData.params(model))
    let records = try DeepBindReferenceData.readFASTA(
      DeepBindReferenceData.fasta(of: "ctcf_keras_genomics_valid"))
    let sequences = records.keys.sorted().prefix(3).compactMap {
      records[$0].map { String($0.prefix(40)) }
    }
    let input = DeepBindReferenceData.oneHot(sequences)
    let scores = try params.model(sequenceLength: 40).forward(input)
    let expected = (0..<3).map { item in
      Float(
        DeepBindDirect.score(
          input.items(item..<(item + 1)).scalars, weights: params.weights, options: params.options))
    }
    TestSupport.expectClose(
      scores, Tensor(shape: [3, 1], scalars: expected), relativeTolerance: 1e-5, model)
  }
}
