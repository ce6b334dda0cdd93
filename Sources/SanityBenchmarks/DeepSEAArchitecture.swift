import SanityChecker

/// The DeepSEA-shaped model of the peers' `bench_deepsea.py` (Zhou & Troyanskaya 2015), built
/// in Swift with seeded weights so the benchmark needs no Python.
///
/// ```
/// [1000, 4] → Conv1D 320×8 ReLU → MaxPool 4 → Conv1D 480×8 ReLU → MaxPool 4
///           → Conv1D 960×8 ReLU → Flatten [53·960] → Dense 925 ReLU → Dense 919 (logits)
/// ```
/// Valid padding, stride 1 everywhere; Keras layer names and layouts, as the peer script
/// writes them. Weights follow the peer's initialization (Kaiming uniform for ReLU,
/// `U(−√(6/fan_in), √(6/fan_in))`, biases `U(−0.05, 0.05)`), drawn from ``SeededGenerator``
/// with one stream per layer; the values differ from torch's draws, the shapes and the cost
/// do not. One forward pass costs
///
/// ```
/// 2 · (993·320·32 + 241·480·2560 + 53·960·3840 + 50880·925 + 925·919) ≈ 1.10 GFLOP
/// ```
enum DeepSEAArchitecture {
  /// The sequence length.
  static let length = 1000

  /// The forward FLOPs of one sequence, as the peer script counts them (`fwd_flops_per_item`).
  static let forwardFLOPs: Double =
    2 * Double(993 * 320 * 32 + 241 * 480 * 2560 + 53 * 960 * 3840 + 50880 * 925 + 925 * 919)

  /// The model with weights drawn from `seed`.
  /// - Parameter seed: The weights' seed.
  /// - Returns: The model, `[1000, 4] → [919]`.
  /// - Throws: A ``SanityChecker/ModelError`` if the shapes did not fit (they do).
  static func model(seed: UInt64 = 11) throws -> Model {
    var stream: UInt64 = 0
    func weights(_ shape: Shape, fanIn: Int) -> (Tensor, Tensor) {
      var generator = SeededGenerator(seed: seed, stream: stream)
      stream += 1
      let bound = (6 / Float(fanIn)).squareRoot()
      let kernel = Tensor(shape: shape) { k in
        for index in 0..<k.count { k[index] = generator.uniform(-bound, bound) }
      }
      let outputs = shape[shape.rank - 1]
      let bias = Tensor(shape: [outputs]) { b in
        for index in 0..<outputs { b[index] = generator.uniform(-0.05, 0.05) }
      }
      return (kernel, bias)
    }
    func convolution(_ name: String, inputs: Int, outputs: Int) -> Conv1D {
      let (kernel, bias) = weights([8, inputs, outputs], fanIn: 8 * inputs)
      return Conv1D(name: name, kernel: kernel, bias: bias, activation: .relu)
    }
    func dense(_ name: String, inputs: Int, outputs: Int, activation: Activation) -> Dense {
      let (kernel, bias) = weights([inputs, outputs], fanIn: inputs)
      return Dense(name: name, kernel: kernel, bias: bias, activation: activation)
    }
    let layers: [any Layer] = [
      convolution("conv1d_1", inputs: 4, outputs: 320),
      MaxPooling1D(name: "max_pooling1d_1", poolSize: 4),
      convolution("conv1d_2", inputs: 320, outputs: 480),
      MaxPooling1D(name: "max_pooling1d_2", poolSize: 4),
      convolution("conv1d_3", inputs: 480, outputs: 960),
      Flatten(name: "flatten_1"),
      dense("dense_1", inputs: 53 * 960, outputs: 925, activation: .relu),
      dense("dense_2", inputs: 925, outputs: 919, activation: .linear),
    ]
    return try Model(name: "deepsea_like", inputShape: [length, 4], layers: layers)
  }
}
