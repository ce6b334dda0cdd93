import SanityChecker

extension TestSupport {
  /// A random Dense ReLU network `[inputs] → hidden (relu) → outputs (linear)` with fixed seeds.
  public static func denseNetwork(
    inputs: Int = 6, hidden: Int = 5, outputs: Int = 2, seed: UInt64 = 1, biasScale: Float = 0.3
  ) throws -> Model {
    try Model(
      name: "dense-net", inputShape: [inputs],
      layers: [
        Dense(
          name: "dense_1", kernel: uniform([inputs, hidden], seed: seed),
          bias: uniform([hidden], seed: seed + 1, low: -biasScale, high: biasScale),
          activation: .relu),
        Dense(
          name: "dense_2", kernel: uniform([hidden, outputs], seed: seed + 2),
          bias: uniform([outputs], seed: seed + 3, low: -biasScale, high: biasScale)),
      ])
  }

  /// A random DeepBind-style network: Conv1D (relu) → GlobalMaxPooling1D → Dense (relu) → Dense.
  public static func deepBindNetwork(
    length: Int = 20, filters: Int = 4, width: Int = 5, hidden: Int = 6, outputs: Int = 1,
    seed: UInt64 = 1,
    padding: Padding = .valid
  ) throws -> Model {
    try Model(
      name: "deepbind-net", inputShape: [length, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: uniform([width, 4, filters], seed: seed),
          bias: uniform([filters], seed: seed + 1, low: -0.2, high: 0.2), padding: padding,
          activation: .relu),
        GlobalMaxPooling1D(name: "global_max_pooling1d_1"),
        Dense(
          name: "dense_1", kernel: uniform([filters, hidden], seed: seed + 2),
          bias: uniform([hidden], seed: seed + 3, low: -0.2, high: 0.2), activation: .relu),
        Dense(
          name: "dense_2", kernel: uniform([hidden, outputs], seed: seed + 4),
          bias: uniform([outputs], seed: seed + 5, low: -0.2, high: 0.2)),
      ])
  }

  /// Random one-hot DNA `[n, length, 4]` from a seed.
  public static func oneHotDNA(_ n: Int, length: Int, seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    var scalars = [Float](repeating: 0, count: n * length * 4)
    for position in 0..<(n * length) { scalars[position * 4 + generator.index(below: 4)] = 1 }
    return Tensor(shape: [n, length, 4], scalars: scalars)
  }
}
