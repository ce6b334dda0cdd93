/// Batch normalization at inference over the last axis, as Keras `BatchNormalization(axis=-1)`.
///
/// Shapes: input and output `[N, …, C]`; every parameter is `[C]`. With the moving statistics
/// the layer is the per-channel affine map
///
/// ```
/// y = a·x + b,   a = γ / √(σ² + ε_bn),   b = β − a·μ
/// ```
///
/// (`γ = 1` when Keras' `scale=False`, `β = 0` when `center=False`).
///
/// Backward: the gradient, Guided Backprop and DeconvNet pass `a·s`; ε-LRP applies the z-rule
/// to the affine map, `R_in = x·a·R / (y + ε·sign y)` with `sign(0) = +1`.
///
/// Parameter gradients are taken for `gamma` and `beta`; the moving statistics are not
/// trainable and get zero gradients.
public struct BatchNormalization: ParameterizedLayer {
  /// The layer's name.
  public var name: String
  /// `gamma`, `beta` (when present), `moving_mean` and `moving_variance`, each `[C]`.
  public var parameters: [String: Tensor]
  /// The variance stabilizer `ε_bn` (Keras default 1e-3).
  public var epsilon: Float

  /// Creates an inference-mode batch normalization.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - gamma: The scale `[C]`, or `nil` for 1 (`scale=False`).
  ///   - beta: The offset `[C]`, or `nil` for 0 (`center=False`).
  ///   - movingMean: The moving mean `[C]`.
  ///   - movingVariance: The moving variance `[C]`.
  ///   - epsilon: The variance stabilizer.
  public init(
    name: String, gamma: Tensor?, beta: Tensor?, movingMean: Tensor, movingVariance: Tensor,
    epsilon: Float = 1e-3
  ) {
    self.name = name
    self.parameters = ["moving_mean": movingMean, "moving_variance": movingVariance]
    if let gamma { parameters["gamma"] = gamma }
    if let beta { parameters["beta"] = beta }
    self.epsilon = epsilon
  }

  /// The present keys in Keras order: `gamma`, `beta`, `moving_mean`, `moving_variance`.
  public var parameterOrder: [String] {
    ["gamma", "beta", "moving_mean", "moving_variance"].filter { parameters[$0] != nil }
  }

  private var channels: Int { parameters["moving_mean"]?.shape.count ?? 0 }

  /// The input shape, unchanged, when its last axis has `C` channels.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    let channels = channels
    for key in ["gamma", "beta", "moving_mean", "moving_variance"] {
      let shape = parameters[key]?.shape
      let isOptional = key == "gamma" || key == "beta"
      guard (shape == nil && isOptional) || shape == [channels] else {
        throw .parameterShape(
          layer: name, parameter: key, expected: [channels], actual: shape ?? [])
      }
    }
    guard input.rank >= 1, input[input.rank - 1] == channels else {
      throw .shapeMismatch(layer: name, expected: "[…, \(channels)]", actual: input)
    }
    return input
  }

  /// The per-channel scale `a = γ/√(σ² + ε)` and shift `b = β − a·μ`.
  private func affine() -> (scale: [Float], shift: [Float]) {
    let channels = channels
    let ones = Tensor(shape: [channels], repeating: 1)
    let zeros = Tensor(shape: [channels])
    let (gamma, beta) = (parameters["gamma"] ?? ones, parameters["beta"] ?? zeros)
    let (mean, variance) = (
      parameters["moving_mean"] ?? zeros, parameters["moving_variance"] ?? ones
    )
    var scale = [Float](repeating: 0, count: channels)
    var shift = [Float](repeating: 0, count: channels)
    for c in 0..<channels {
      scale[c] = gamma.scalars[c] / (variance.scalars[c] + epsilon).squareRoot()
      shift[c] = beta.scalars[c] - scale[c] * mean.scalars[c]
    }
    return (scale, shift)
  }

  /// `a·x + b` per channel.
  public func forward(_ input: Tensor) -> Tensor {
    let (scale, shift) = affine()
    let channels = channels
    return Tensor(shape: input.shape) { y in
      input.withUnsafeBufferPointer { x in
        scale.withUnsafeBufferPointer { a in
          shift.withUnsafeBufferPointer { b in
            for row in stride(from: 0, to: x.count, by: channels) {
              for c in 0..<channels { y[row + c] = a[c] * x[row + c] + b[c] }
            }
          }
        }
      }
    }
  }

  /// `a·s` (gradient, Guided Backprop, DeconvNet), or `x·a·R / (y + ε·sign y)` (ε-LRP).
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    let scale = affine().scale
    let channels = channels
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return Tensor(shape: input.shape) { dx in
        signal.withUnsafeBufferPointer { s in
          scale.withUnsafeBufferPointer { a in
            for row in stride(from: 0, to: s.count, by: channels) {
              for c in 0..<channels { dx[row + c] = a[c] * s[row + c] }
            }
          }
        }
      }
    case .epsilonLRP(let epsilon, _):
      let ratio = EpsilonLRP.stabilizedRatio(signal, output, epsilon: epsilon)
      return Tensor(shape: input.shape) { relevance in
        input.withUnsafeBufferPointer { x in
          ratio.withUnsafeBufferPointer { r in
            scale.withUnsafeBufferPointer { a in
              for row in stride(from: 0, to: x.count, by: channels) {
                for c in 0..<channels { relevance[row + c] = x[row + c] * a[c] * r[row + c] }
              }
            }
          }
        }
      }
    }
  }

  /// `∂/∂γ = Σ s·(x − μ)/√(σ² + ε)`, `∂/∂β = Σ s`; zeros for the moving statistics.
  public func parameterGradients(
    _ signal: Tensor, input: Tensor, output: Tensor
  ) -> [String: Tensor] {
    let channels = channels
    let zeros = Tensor(shape: [channels])
    let (mean, variance) = (
      parameters["moving_mean"] ?? zeros, parameters["moving_variance"] ?? zeros
    )
    let epsilon = epsilon
    let gammaGradient = Tensor(shape: [channels]) { dg in
      dg.update(repeating: 0)
      signal.withUnsafeBufferPointer { s in
        input.withUnsafeBufferPointer { x in
          mean.withUnsafeBufferPointer { mu in
            variance.withUnsafeBufferPointer { v in
              for row in stride(from: 0, to: x.count, by: channels) {
                for c in 0..<channels { dg[c] += s[row + c] * (x[row + c] - mu[c]) }
              }
              for c in 0..<channels { dg[c] /= (v[c] + epsilon).squareRoot() }
            }
          }
        }
      }
    }
    var gradients = ["moving_mean": zeros, "moving_variance": zeros]
    if parameters["gamma"] != nil { gradients["gamma"] = gammaGradient }
    if parameters["beta"] != nil {
      gradients["beta"] = signal.reshaped([signal.shape.count / max(channels, 1), channels])
        .sumOverBatch()
    }
    return gradients
  }
}
