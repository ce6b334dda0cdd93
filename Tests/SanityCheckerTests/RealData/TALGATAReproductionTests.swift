import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// DeepLIFT's TAL1/GATA genomics model (a Keras 2.1.6 weights-only file plus its JSON,
/// PROVENANCE §4.1) loaded through ``ModelLoader`` reproduces the reference sigmoid outputs on
/// the 800 simulated test sequences, and their AUROCs.
@Suite(
  .enabled(
    if: TestSupport.hasSharedData,
    "needs ../shared/data/keras_models/deeplift_genomics_tal_gata (a real Keras conv1d model and its data)"
  ))
struct TALGATAReproductionTests {
  static func file(_ name: String) -> URL {
    TestSupport.sharedData("keras_models/deeplift_genomics_tal_gata/" + name)
  }

  /// Outputs to 1e-5 (the reference prints 6 significant digits); labels agree with the
  /// simulation's; AUROC per task to 1e-3 of the reference's 0.9892, 0.9884, 0.9971.
  @Test func predictionsOnTheTestSplit() throws {
    let model = try ModelLoader.load(
      Self.file("keras2_conv1d_record_5_model_PQzyq_modelWeights.h5"),
      architecture: Self.file("keras2_conv1d_record_5_model_PQzyq_modelJson.json"))
    let simulated = try ReferenceTable(Self.file("sequences.simdata.gz"))
    #expect(simulated.rows.count == 8000)
    let names = try simulated.strings("seqName")
    let row = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    let testNames = try ReferenceTable.lines(Self.file("test.txt.gz")).map(String.init)
    #expect(testNames.count == 800)
    let reference = try ReferenceTable(Self.file("computed_predictions_test.tsv"))
    #expect(try reference.strings("seqName") == testNames)

    let sequences = try simulated.strings("sequence")
    let testRows = try testNames.map {
      try #require(row[$0], "\($0) is not in sequences.simdata.gz")
    }
    let input = try OneHot().encode(testRows.map { Array(sequences[$0].utf8) })
    #expect(input.shape == [800, 200, 4])
    let outputs = model.forward(input)
    #expect(outputs.shape == [800, 3])
    for task in 0..<3 {
      let expected = try reference.numbers("pred_task\(task)")
      let ours = (0..<800).map { outputs.scalars[$0 * 3 + task] }
      let worst = zip(ours, expected).map { abs($0 - $1) }.max() ?? .infinity
      #expect(worst <= 1e-5, "task \(task): max |output − reference| \(worst)")
      let labels = try reference.numbers("label_task\(task)")
      let simulatedLabels = try simulated.numbers("task\(task + 1)")
      #expect(
        labels == testRows.map { simulatedLabels[$0] },
        "task \(task): labels differ from the simulation")
      let auroc = try #require(ClassificationMetrics.auroc(scores: ours, labels: labels))
      let published = [0.9892, 0.9884, 0.9971][task]
      FindingsSample.record("tal-gata task \(task) max-diff=\(worst) auroc=\(auroc)")
      #expect(
        abs(auroc - published) <= 1e-3, "task \(task): AUROC \(auroc), reference \(published)")
    }
  }
}
