import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The models shipped in `Models/` (their training is recorded in `Models/README.md`).
@Suite struct ShippedModelsTests {
  static func model(_ name: String) -> URL {
    TestSupport.repositoryRoot.appendingPathComponent("Models/\(name)")
  }

  static let example = TestSupport.repositoryRoot.appendingPathComponent("Genomes/example-test.fa")

  @Test func deepBindExampleScoresBothTasksOfTheTestSet() throws {
    let data = try InputData.load(Self.example)
    let model = try ModelLoader.load(Self.model("deepbind-example.h5"), sequenceLength: 101)
    #expect(model.inputShape == [101, 4] && model.outputShape == [2])
    let outputs = model.forward(data.inputs)
    let labels = try #require(data.labels)
    for task in 0..<2 {
      let scores = (0..<data.ids.count).map { outputs.scalars[$0 * 2 + task] }
      let auroc = try #require(
        ClassificationMetrics.auroc(scores: scores, labels: labels.map { $0[task] }))
      #expect(auroc > 0.9, "task \(task): test AUROC \(auroc)")
    }
  }

  @Test func deepBindExampleRecoversCTCFBetterThanItsRandomizedCopy() throws {
    let data = try InputData.load(Self.example)
    let model = try ModelLoader.load(Self.model("deepbind-example.h5"), sequenceLength: 101)
    let truth = try MotifInstance.readTable(
      Self.example.deletingLastPathComponent().appendingPathComponent("example-test.motifs.tsv"))
    let instances = MotifInstance.grouped(truth, by: data.ids, motifs: ["MA0139.2"])
    let items = instances.indices.filter { !instances[$0].isEmpty }.prefix(60)
    let input = data.inputs.gathering(Array(items))
    let report = try MotifRecovery().run(
      model: model, input: input, instances: items.map { instances[$0] },
      targets: [Int](repeating: 0, count: items.count),
      explainers: [GradientTimesInput()])
    let trained = try #require(report.rows.first { $0.layer == .original }).mean
    let randomized = try #require(
      report.rows.first { $0.layer == .randomized("all") && $0.seed == .all }
    ).mean
    let chance = try #require(report.rows.first { $0.layer == .chance }).mean
    #expect(abs(chance - 15.0 / 101) < 1e-9)
    #expect(
      trained > 0.5 && trained > randomized + 0.2, "trained \(trained), randomized \(randomized)")
  }

  @Test func imageModelsLoadWithTheirShapes() throws {
    let mnist = try ModelLoader.load(Self.model("mnist-cnn.h5"))
    #expect(mnist.inputShape == [28, 28, 1] && mnist.outputShape == [10])
    let tiny = try ModelLoader.load(Self.model("tiny-imagenet-cnn.h5"))
    #expect(tiny.inputShape == [64, 64, 3] && tiny.outputShape == [10])
    let classes = try String(
      contentsOf: Self.model("tiny-imagenet-cnn.classes.tsv"), encoding: .utf8
    )
    .split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    #expect(
      classes.count == 10 && classes[0] == ["0", "n07753592", "banana"]
        && classes[1] == ["1", "n07747607", "orange"])
    for name in ["deepbind-example.h5", "mnist-cnn.h5", "tiny-imagenet-cnn.h5"] {
      let size =
        try FileManager.default.attributesOfItem(atPath: Self.model(name).path)[.size] as? Int
        ?? .max
      #expect(size < 2_000_000, "\(name) is \(size) bytes")
    }
  }

  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/mnist"))
  func mnistModelClassifiesTestDigits() throws {
    let data = try InputData.load(TestSupport.sharedData("mnist/t10k-images-idx3-ubyte.gz")).prefix(
      300)
    let model = try ModelLoader.load(Self.model("mnist-cnn.h5"))
    let accuracy = ClassificationMetrics.accuracy(
      logits: model.forward(data.inputs), labels: data.flatLabels ?? [])
    #expect(accuracy > 0.93, "accuracy \(accuracy) on the first 300 test digits")
  }
}
