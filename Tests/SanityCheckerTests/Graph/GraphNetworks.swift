import SanityChecker
import SanityTestSupport

/// Small seeded graph models shared by the graph tests.
enum GraphNetworks {
  /// `[10, 3]` → conv1 (k3, 4, same, activation) → conv2 (k3, 4, same) → add(conv2, conv1)
  /// → activation → GlobalAveragePooling1D → Dense(2): a residual block.
  static func residual(seed: UInt64, activation: Activation = .tanh, hasBias: Bool = true) throws
    -> Model
  {
    let bias: (Int, UInt64) -> Tensor? = { count, offset in
      hasBias ? TestSupport.uniform([count], seed: seed + offset, low: -0.3, high: 0.3) : nil
    }
    let layers: [any Layer] = [
      Conv1D(
        name: "conv1", kernel: TestSupport.uniform([3, 3, 4], seed: seed), bias: bias(4, 1),
        padding: .same, activation: activation),
      Conv1D(
        name: "conv2", kernel: TestSupport.uniform([3, 4, 4], seed: seed + 2), bias: bias(4, 3),
        padding: .same),
      ElementwiseMerge(name: "add", operation: .add),
      ActivationLayer(name: "act", activation: activation),
      GlobalAveragePooling1D(name: "pool"),
      Dense(name: "logits", kernel: TestSupport.uniform([4, 2], seed: seed + 4), bias: bias(2, 5)),
    ]
    return try Model(
      name: "residual", inputShape: [10, 3], layers: layers,
      inputNodes: [[0], [1], [2, 1], [3], [4], [5]], outputNodes: [6])
  }

  /// `[8, 4]` → branch a (Conv1D k3, 3, activation) and branch b (Conv1D k3, 3, linear),
  /// merged, → Flatten → Dense(2).
  static func twoBranch(
    _ merge: any MergeLayer, seed: UInt64, activation: Activation = .tanh, hasBias: Bool = true
  ) throws -> Model {
    let bias: (Int, UInt64) -> Tensor? = { count, offset in
      hasBias ? TestSupport.uniform([count], seed: seed + offset, low: -0.3, high: 0.3) : nil
    }
    let widths = try merge.outputShape(for: [[6, 3], [6, 3]])
    let layers: [any Layer] = [
      Conv1D(
        name: "a", kernel: TestSupport.uniform([3, 4, 3], seed: seed), bias: bias(3, 1),
        activation: activation),
      Conv1D(name: "b", kernel: TestSupport.uniform([3, 4, 3], seed: seed + 2), bias: bias(3, 3)),
      merge,
      Flatten(name: "flatten"),
      Dense(
        name: "logits", kernel: TestSupport.uniform([widths.count, 2], seed: seed + 4),
        bias: bias(2, 5)),
    ]
    return try Model(
      name: "two-branch", inputShape: [8, 4], layers: layers,
      inputNodes: [[0], [0], [1, 2], [3], [4]], outputNodes: [5])
  }

  /// Every merge the graph tests cover.
  static let merges: [any MergeLayer] =
    ElementwiseMerge.Operation.allCases.map { ElementwiseMerge(name: "merge", operation: $0) }
    + [Concatenate(name: "merge"), Concatenate(name: "merge", axis: 0)]

  /// The smallest gap between the two branches' outputs (selection merges need one ≫ h).
  static func branchGap(_ model: Model, at x: Tensor) -> Float {
    let trace = model.trace(x)
    return zip(trace.activations[1].scalars, trace.activations[2].scalars).map { abs($0 - $1) }
      .min() ?? 0
  }
}
