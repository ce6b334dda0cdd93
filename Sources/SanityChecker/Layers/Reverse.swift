/// Reverses item axes, as `torch.flip` (exported to ONNX as `Slice` with step −1 over a whole
/// axis); flipping the length and the A, C, G, T channels of a one-hot sequence gives its
/// reverse complement.
///
/// Shapes: input `[N, d_0, …, d_{r−1}]`, output the same shape, with
/// `y[…, i_k, …] = x[…, d_k − 1 − i_k, …]` along every reversed axis `k`.
///
/// Backward under every rule (gradient, Guided Backprop, DeconvNet, ε-LRP): the signal reversed
/// the same way, since the layer only moves values and is its own inverse. ε-LRP therefore
/// conserves relevance exactly and DeepLIFT multipliers pass as the gradient.
public struct Reverse: Layer {
  /// The layer's name.
  public var name: String
  /// The reversed item axes (0-based, ascending).
  public var axes: [Int]

  /// Creates a reversal.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - axes: The item axes to reverse (0-based).
  public init(name: String, axes: [Int]) {
    self.name = name
    self.axes = axes
  }

  /// The input's shape.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when an axis is out of
  ///   range or repeated.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard Set(axes).count == axes.count, axes.allSatisfy({ (0..<input.rank).contains($0) }) else {
      throw .shapeMismatch(
        layer: name, expected: "distinct item axes \(axes) in 0..<rank", actual: input)
    }
    return input
  }

  /// The input with the axes reversed.
  public func forward(_ input: Tensor) -> Tensor { reversed(input) }

  /// The signal reversed (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return reversed(signal)
    }
  }

  /// `[N, d…]` with every listed item axis reversed.
  private func reversed(_ tensor: Tensor) -> Tensor {
    let dimensions = tensor.shape.dimensions
    var strides = [Int](repeating: 1, count: dimensions.count)
    for axis in dimensions.indices.dropLast().reversed() {
      strides[axis] = strides[axis + 1] * dimensions[axis + 1]
    }
    let flipped = axes.map { $0 + 1 }
    return Tensor(shape: tensor.shape) { out in
      tensor.withUnsafeBufferPointer { x in
        for index in 0..<out.count {
          var source = index
          for axis in flipped {
            let position = index / strides[axis] % dimensions[axis]
            source += (dimensions[axis] - 1 - 2 * position) * strides[axis]
          }
          out[index] = x[source]
        }
      }
    }
  }
}
