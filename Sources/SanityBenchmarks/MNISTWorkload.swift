import Foundation
import SanityChecker

/// The MNIST items' inputs: the reference CNN, its six cascade stages and 1,000 test images.
struct MNISTWorkload {
  /// `mnist_cnn.h5`.
  let model: Model
  /// The reference cascade stages `mnist_cascade_{1..6}_*.h5`, top layer first.
  let stages: [RandomizationStage]
  /// `[N, 28, 28, 1]` in [0, 1]: the first MNIST test images, or seeded random ones.
  let images: Tensor
  /// The predicted class of each image (the explained output, as the peers do).
  let targets: [Int]
  /// Whether ``images`` are real MNIST test images.
  let isMNIST: Bool

  /// Loads the model and stages and reads (or draws) the images.
  /// - Parameters:
  ///   - referenceFolder: The folder holding the reference `.h5` files.
  ///   - options: The data folder and the workload scale.
  /// - Throws: ``BenchmarkError/missingReference(file:item:)``, a loader or IDX error.
  init(referenceFolder: URL, options: BenchmarkOptions) throws {
    model = try ReferenceModels.load("mnist_cnn.h5", in: referenceFolder, item: "mnist.*")
    stages = try ReferenceModels.cascade(
      prefix: "mnist_cascade_", in: referenceFolder, item: "mnist.cascade")
    let count = options.scaled(1_000)
    let dataFolder =
      options.dataFolder
      ?? referenceFolder.deletingLastPathComponent().appendingPathComponent("data")
    let idx = dataFolder.appendingPathComponent("mnist/t10k-images-idx3-ubyte.gz")
    if FileManager.default.fileExists(atPath: idx.path) {
      let file = try IDXImages(contentsOf: idx)
      images = file.tensor(0..<min(count, file.count), scaling: .unit)
      isMNIST = true
    } else {
      var generator = SeededGenerator(seed: 2024)
      images = Tensor(shape: model.inputShape.batched(count)) { x in
        for i in 0..<x.count { x[i] = generator.uniform(0, 1) }
      }
      isMNIST = false
    }
    targets = model.predictedTargets(images)
  }

  /// The timed workload of an MNIST item.
  func measurement(for item: BenchmarkItem) throws -> Measurement {
    let flops = item.forwardEquivalents.map { $0 * FLOPModel.forward(of: self.model) }
    let (model, images, targets, stages) = (model, images, targets, stages)
    func explaining(_ explainer: any Explainer) -> Measurement {
      Measurement(items: images.batchSize, flopsPerItem: flops) {
        _ = try explainer.attribution(for: images, targets: targets, in: model)
      }
    }
    switch item {
    case .mnistForward:
      return Measurement(items: images.batchSize, flopsPerItem: flops) { _ = model.forward(images) }
    case .mnistSaliency:
      return explaining(Saliency())
    case .mnistIntegratedGradients:
      return explaining(IntegratedGradients(steps: 50, integration: .riemannTrapezoid))
    case .mnistCascade:
      let metrics: [any SimilarityMetric] = [
        SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true), SSIM(),
      ]
      let explainers: [any Explainer] = [
        Saliency(), IntegratedGradients(steps: 50), GuidedBackprop(), GradCAM(),
      ]
      let check = ModelRandomizationCheck(
        .init(order: .cascadingTopDown, seeds: [0], metrics: metrics))
      return Measurement(items: images.batchSize, flopsPerItem: nil) {
        _ = try check.run(
          model: model, stagesPerSeed: [("reference", stages)], input: images, targets: targets,
          explainers: explainers)
      }
    default:
      preconditionFailure("MNISTWorkload: \(item.rawValue) is not an MNIST item")
    }
  }
}
