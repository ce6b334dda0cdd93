import SanityChecker
import SanityTestSupport

/// Small seeded networks shared by the rule and model tests.
enum ToyNetwork: String, CaseIterable, Sendable {
  /// `[12, 4]` → Conv1D(5, 6, relu) → GlobalMaxPooling1D → Dense(5, relu) → Dense(3).
  case sequence
  /// `[8, 8, 2]` → Conv2D(3×3, 4, relu, same) → MaxPooling2D(2×2) → Flatten
  /// → Dense(8, relu) → Dense(3).
  case image

  /// The input shape of one item.
  var inputShape: Shape {
    switch self {
    case .sequence: [12, 4]
    case .image: [8, 8, 2]
    }
  }

  /// The layers, with uniform weights in [-1, 1) and biases (zeros when `hasBias` is false).
  func layers(seed: UInt64, hasBias: Bool = true) -> [any Layer] {
    func bias(_ count: Int, _ offset: UInt64) -> Tensor {
      hasBias
        ? TestSupport.uniform([count], seed: seed + offset, low: -0.3, high: 0.3)
        : Tensor(shape: [count])
    }
    switch self {
    case .sequence:
      return [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([5, 4, 6], seed: seed), bias: bias(6, 1),
          activation: .relu),
        GlobalMaxPooling1D(name: "pool"),
        Dense(
          name: "hidden", kernel: TestSupport.uniform([6, 5], seed: seed + 2), bias: bias(5, 3),
          activation: .relu),
        Dense(
          name: "logits", kernel: TestSupport.uniform([5, 3], seed: seed + 4), bias: bias(3, 5)),
      ]
    case .image:
      return [
        Conv2D(
          name: "conv", kernel: TestSupport.uniform([3, 3, 2, 4], seed: seed), bias: bias(4, 1),
          padding: .same,
          activation: .relu),
        MaxPooling2D(name: "pool", poolSize: [2, 2]),
        Flatten(name: "flatten"),
        Dense(
          name: "hidden", kernel: TestSupport.uniform([64, 8], seed: seed + 2), bias: bias(8, 3),
          activation: .relu),
        Dense(
          name: "logits", kernel: TestSupport.uniform([8, 3], seed: seed + 4), bias: bias(3, 5)),
      ]
    }
  }

  /// The network as a model.
  func model(seed: UInt64, hasBias: Bool = true) throws -> Model {
    try Model(name: rawValue, inputShape: inputShape, layers: layers(seed: seed, hasBias: hasBias))
  }
}
