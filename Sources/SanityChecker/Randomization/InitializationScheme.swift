/// How a randomized layer's parameters are re-drawn.
///
/// Kernels use fan-in and fan-out from their shape: Dense `[I, O]` has fan-in I and fan-out O;
/// a convolution `[K…, I, O]` has fan-in `∏K·I` and fan-out `∏K·O`, as Keras and PyTorch compute them.
/// Normalization statistics (`moving_mean`, `moving_variance`) are never changed.
public enum InitializationScheme: Hashable, Sendable, CustomStringConvertible {
  /// The Keras default: Glorot uniform kernels, `U(±√(6/(fan_in + fan_out)))`; biases, γ and β reset to Keras' defaults (0, 1, 0).
  case glorotUniform
  /// He normal kernels, `N(0, 2/fan_in)` (untruncated); biases reset to 0.
  case heNormal
  /// Every parameter `U(low, high)`; `uniform(-1, 1)` is the Sanity Checks paper's choice.
  case uniform(low: Float, high: Float)
  /// Every parameter `U(±1/√fan_in)` of its layer: PyTorch's default and Quantus' `reset_parameters`.
  case fanInUniform
  /// Every parameter `N(0, σ²)`.
  case normal(standardDeviation: Float)
  /// A seeded permutation of each trained parameter tensor's own values.
  case permutation

  /// The scheme's name in the CLI and in results (`glorot-uniform`, `uniform[-1,1]`, …).
  public var description: String {
    switch self {
    case .glorotUniform: return "glorot-uniform"
    case .heNormal: return "he-normal"
    case .uniform(let low, let high): return "uniform[\(low),\(high)]"
    case .fanInUniform: return "fan-in-uniform"
    case .normal(let sigma): return "normal(\(sigma))"
    case .permutation: return "permutation"
    }
  }

  /// Parses a CLI name: `glorot-uniform`, `he-normal`, `uniform` (= [−1, 1]), `uniform:a:b`,
  /// `fan-in-uniform` (alias `pytorch`), `normal:σ`, `permutation`.
  /// - Parameter name: The scheme's name.
  public init?(name: String) {
    let parts = name.split(separator: ":").map(String.init)
    switch parts.first {
    case "glorot-uniform", "keras": self = .glorotUniform
    case "he-normal": self = .heNormal
    case "fan-in-uniform", "pytorch": self = .fanInUniform
    case "permutation": self = .permutation
    case "uniform":
      if parts.count == 3, let low = Float(parts[1]), let high = Float(parts[2]), low < high {
        self = .uniform(low: low, high: high)
      } else if parts.count == 1 {
        self = .uniform(low: -1, high: 1)
      } else {
        return nil
      }
    case "normal":
      guard parts.count == 2, let sigma = Float(parts[1]), sigma > 0 else { return nil }
      self = .normal(standardDeviation: sigma)
    default: return nil
    }
  }

  /// A freshly drawn value for one parameter.
  /// - Parameters:
  ///   - key: The parameter's key (`kernel`, `bias`, `gamma`, …, or `dense_1/kernel` in a
  ///     composite layer).
  ///   - current: Its trained value.
  ///   - fanIn: The fan-in of the kernel the parameter belongs to.
  ///   - fanOut: Its fan-out.
  ///   - generator: The layer's generator.
  /// - Returns: The new value, of the same shape.
  func redraw(
    _ key: String, _ current: Tensor, fanIn: Int, fanOut: Int,
    using generator: inout SeededGenerator
  ) -> Tensor {
    // A composite layer's keys carry a prefix (`dense_1/kernel`): the role is the last part.
    let role = key.split(separator: "/").last.map(String.init) ?? key
    if role == "moving_mean" || role == "moving_variance" { return current }
    let count = current.shape.count
    var values = [Float](repeating: 0, count: count)
    let isKernel = role == "kernel"
    switch self {
    case .glorotUniform:
      if isKernel {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        for i in 0..<count { values[i] = generator.uniform(-limit, limit) }
      } else if role == "gamma" {
        values = [Float](repeating: 1, count: count)
      }
    case .heNormal:
      if isKernel {
        let sigma = (2 / Float(fanIn)).squareRoot()
        for i in 0..<count { values[i] = generator.normal(standardDeviation: sigma) }
      } else if role == "gamma" {
        values = [Float](repeating: 1, count: count)
      }
    case .uniform(let low, let high):
      for i in 0..<count { values[i] = generator.uniform(low, high) }
    case .fanInUniform:
      let limit = 1 / Float(fanIn).squareRoot()
      for i in 0..<count { values[i] = generator.uniform(-limit, limit) }
    case .normal(let sigma):
      for i in 0..<count { values[i] = generator.normal(standardDeviation: sigma) }
    case .permutation:
      let order = generator.permutation(count)
      values = order.map { current.scalars[$0] }
    }
    return Tensor(shape: current.shape, scalars: values)
  }
}
