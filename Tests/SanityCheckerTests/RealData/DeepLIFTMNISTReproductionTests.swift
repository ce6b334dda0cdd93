import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// DeepLIFT's MNIST CNN (`keras_models/deeplift_mnist/keras2_mnist_cnn_allconv.h5`, a full
/// Keras 2.1.6 model file, PROVENANCE §4.2) loaded through ``ModelLoader`` reproduces the reference
/// logits and its published test accuracy on the official MNIST test set.
@Suite(
  .enabled(
    if: TestSupport.hasSharedData,
    "needs ../shared/data/keras_models/deeplift_mnist and mnist (a real Keras CNN and MNIST t10k)"))
struct DeepLIFTMNISTReproductionTests {
  static let folder = "keras_models/deeplift_mnist/"

  /// The model with its final softmax removed: the outputs are the pre-softmax logits.
  static func logitModel() throws -> Model {
    try ModelLoader.load(TestSupport.sharedData(folder + "keras2_mnist_cnn_allconv.h5")).explained(
      .logit)
  }

  static func testImages() throws -> (images: IDXImages, labels: [Int]) {
    let images = try IDXImages(
      contentsOf: TestSupport.sharedData("mnist/t10k-images-idx3-ubyte.gz"))
    let labels = try IDXLabels(
      contentsOf: TestSupport.sharedData("mnist/t10k-labels-idx1-ubyte.gz"))
    return (images, labels.labels)
  }

  /// The reference file holds both input scalings (`input_scale` = `raw`, 0–255 as the DeepLIFT
  /// notebook feeds, and `div255`); each matches our logits for images 0–99 to 1e-4 of the item's
  /// largest logit, with the same label and predicted class.
  @Test(arguments: [("raw", PixelScaling.raw), ("div255", PixelScaling.unit)])
  func logitsOfTheFirst100Images(scale: String, scaling: PixelScaling) throws {
    let table = try ReferenceTable(
      TestSupport.sharedData(Self.folder + "computed_logits_t10k_first100.tsv")
    )
    .filtered("input_scale", equals: scale)
    #expect(try table.strings("index") == (0..<100).map(String.init))
    let expected = try (0..<10).map { try table.numbers("logit_\($0)") }
    let reference = Tensor(shape: [100, 10]) { out in
      for item in 0..<100 { for unit in 0..<10 { out[item * 10 + unit] = expected[unit][item] } }
    }
    let (images, labels) = try Self.testImages()
    let logits = try Self.logitModel().forward(images.tensor(0..<100, scaling: scaling))
    TestSupport.expectItemsClose(logits, reference, relativeTolerance: 1e-4, "\(scale) logits")
    #expect(try table.strings("label") == labels.prefix(100).map(String.init))
    let predicted = (0..<100).map { item in
      (0..<10).max { logits.scalars[item * 10 + $0] < logits.scalars[item * 10 + $1] } ?? -1
    }
    #expect(try table.strings("predicted") == predicted.map(String.init))
  }

  /// On all 10,000 test images, raw pixels: 9,921 correct (99.21%, PROVENANCE §4.2); /255: 9,924.
  @Test func accuracyOnTheFullTestSet() throws {
    let (images, labels) = try Self.testImages()
    #expect(images.count == 10_000)
    let model = try Self.logitModel()
    for (scaling, expected) in [(PixelScaling.raw, 9921), (.unit, 9924)] {
      var correct = 0
      for start in Swift.stride(from: 0, to: images.count, by: 1000) {
        let range = start..<min(start + 1000, images.count)
        let logits = model.forward(images.tensor(range, scaling: scaling))
        let accuracy = ClassificationMetrics.accuracy(
          logits: logits, labels: labels[range].map(Float.init))
        correct += Int((accuracy * Double(range.count)).rounded())
      }
      FindingsSample.record("deeplift-mnist \(scaling) correct=\(correct)")
      #expect(correct == expected, "\(scaling): \(correct) of 10,000 correct, expected \(expected)")
    }
  }
}
