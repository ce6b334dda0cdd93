/// Reorders the item axes, as Keras `Permute` (and ONNX `Transpose` keeping the batch axis).
///
/// Shapes: input `[N, d_0, …, d_{r−1}]`, output `[N, d_{p(0)}, …, d_{p(r−1)}]` for the
/// permutation `p` of item axes (0-based; Keras's `dims` count from 1).
///
/// Backward under every rule: the signal permuted back by the inverse permutation (values are
/// only moved, so ε-LRP conserves relevance and DeepLIFT multipliers pass as the gradient).
public struct Permute: Layer {
  /// The layer's name.
  public var name: String
  /// Output axis `k` is input axis `axes[k]` (0-based item axes).
  public var axes: [Int]

  /// Creates a permutation.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - axes: A permutation of `0..<rank` (item axes).
  public init(name: String, axes: [Int]) {
    self.name = name
    self.axes = axes
  }

  /// The permuted shape.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` unless `axes` permutes
  ///   the item's axes.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard axes.sorted() == Array(0..<input.rank) else {
      throw .shapeMismatch(
        layer: name, expected: "\(axes.count) axes permuted by \(axes)", actual: input)
    }
    return Shape(axes.map { input[$0] })
  }

  /// Moves every scalar to its permuted place.
  public func forward(_ input: Tensor) -> Tensor { Self.permuted(input, axes: axes) }

  /// The signal permuted back (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      var inverse = axes
      for (position, axis) in axes.enumerated() { inverse[axis] = position }
      return Self.permuted(signal, axes: inverse)
    }
  }

  /// `[N] + item` → `[N] + item permuted by axes`.
  static func permuted(_ tensor: Tensor, axes: [Int]) -> Tensor {
    let item = tensor.shape.item.dimensions
    let output = axes.map { item[$0] }
    // Strides of the input's item axes, read in output order.
    var inputStrides = [Int](repeating: 1, count: item.count)
    for axis in stride(from: item.count - 2, through: 0, by: -1) {
      inputStrides[axis] = inputStrides[axis + 1] * item[axis + 1]
    }
    let strides = axes.map { inputStrides[$0] }
    let count = tensor.itemCount
    return Tensor(shape: Shape([tensor.batchSize] + output)) { out in
      tensor.withUnsafeBufferPointer { x in
        var index = [Int](repeating: 0, count: output.count)
        for n in 0..<tensor.batchSize {
          for k in index.indices { index[k] = 0 }
          var source = n * count
          for target in 0..<count {
            out[n * count + target] = x[source]
            var axis = output.count - 1
            while axis >= 0 {
              index[axis] += 1
              source += strides[axis]
              if index[axis] < output[axis] { break }
              source -= strides[axis] * output[axis]
              index[axis] = 0
              axis -= 1
            }
          }
        }
      }
    }
  }
}
