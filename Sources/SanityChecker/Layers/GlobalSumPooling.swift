/// The sum over every position of a `[L, C]` or `[H, W, C]` item, per channel (ONNX
/// `ReduceSum` over the spatial axes, how `x.sum(dim=2)` exports from PyTorch).
///
/// Shapes: input `[N, P…, C]` with `K` positions, output `[N, C]`:
///
/// ```
/// y[n, c] = Σ_p x[n, p, c]
/// ```
///
/// Backward rules:
/// - gradient, Guided Backprop, DeconvNet: `s` to every position (the layer holds no ReLU);
/// - ε-LRP: as global average pooling, ``PoolingRedistribution/even`` spreads `R/K` and
///   ``PoolingRedistribution/proportional`` gives `x_p·R / (Σx + ε·sign Σx)` (`sign(0) = +1`),
///   the z-rule of a sum; both conserve relevance (the even split exactly). The plain gradient
///   would hand `R` to each of the `K` positions and multiply the total by `K`.
/// - DeepLIFT: a linear step, its multipliers are the gradient;
/// - Grad-CAM: the layer's `[C]` output is a vector, not a feature map.
public struct GlobalSumPooling: Layer {
  /// The layer's name.
  public var name: String

  /// Creates a global sum.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// `[C]` for `[L, C]` or `[H, W, C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` for another rank.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard (2...3).contains(input.rank), input.count > 0 else {
      throw .shapeMismatch(layer: name, expected: "[L, C] or [H, W, C]", actual: input)
    }
    return [input.dimensions[input.rank - 1]]
  }

  /// `Σ_p x[n, p, c]`.
  public func forward(_ input: Tensor) -> Tensor {
    let (batch, channels) = (input.shape[0], input.shape.dimensions.last ?? 1)
    let positions = input.shape.count / max(1, batch * channels)
    return Tensor(shape: [batch, channels]) { out in
      for index in 0..<out.count { out[index] = 0 }
      input.withUnsafeBufferPointer { x in
        for n in 0..<batch {
          for p in 0..<positions {
            let row = (n * positions + p) * channels
            for c in 0..<channels { out[n * channels + c] += x[row + c] }
          }
        }
      }
    }
  }

  /// The signal at every position (`s`, `R/K` or `x·R/(Σx + ε·sign Σx)`).
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    let (batch, channels) = (input.shape[0], input.shape.dimensions.last ?? 1)
    let positions = input.shape.count / max(1, batch * channels)
    var factors = signal
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      break
    case .epsilonLRP(_, .even):
      factors = signal.scaled(by: 1 / Float(positions))
    case .epsilonLRP(let epsilon, .proportional):
      factors = EpsilonLRP.stabilizedRatio(signal, output, epsilon: epsilon)
    }
    let isProportional: Bool
    if case .epsilonLRP(_, .proportional) = rule {
      isProportional = true
    } else {
      isProportional = false
    }
    return Tensor(shape: input.shape) { out in
      factors.withUnsafeBufferPointer { f in
        input.withUnsafeBufferPointer { x in
          for n in 0..<batch {
            for p in 0..<positions {
              let row = (n * positions + p) * channels
              for c in 0..<channels {
                let factor = f[n * channels + c]
                out[row + c] = isProportional ? x[row + c] * factor : factor
              }
            }
          }
        }
      }
    }
  }
}
