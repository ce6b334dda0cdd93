/// Selects entries along one item axis, as ONNX `Gather` with constant indices (PyTorch's
/// `x[:, 0]`, `x[..., i]`, `x[:, [0, 2]]`).
///
/// Shapes: input `[N, d_0, …, d_{r−1}]`; along axis `a`, output entry `j` is input entry
/// `indices[j]`; with ``keepsAxis`` false (one index) the axis is removed:
///
/// ```
/// y[n, …, j, …] = x[n, …, indices[j], …]
/// ```
///
/// Backward under every rule (gradient, Guided Backprop, DeconvNet, ε-LRP): the signal put
/// back at the gathered entries, summed where an index repeats and zero elsewhere. The layer
/// only copies values, so ε-LRP conserves the relevance of what it selects and DeepLIFT
/// multipliers pass as the gradient.
public struct Gather: Layer {
  /// The layer's name.
  public var name: String
  /// The item axis (0-based).
  public let axis: Int
  /// The selected entries along ``axis``.
  public let indices: [Int]
  /// Whether the output keeps the axis (false only for a single index).
  public let keepsAxis: Bool

  /// Creates a selection.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - axis: The item axis, 0-based.
  ///   - indices: The entries to select (at least one; exactly one when `keepsAxis` is false).
  ///   - keepsAxis: Whether the output keeps the axis.
  public init(name: String, axis: Int, indices: [Int], keepsAxis: Bool = true) {
    self.name = name
    self.axis = axis
    self.indices = indices
    self.keepsAxis = keepsAxis
  }

  /// The input shape with ``axis`` of extent `indices.count` (or removed).
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the axis or an index
  ///   is out of range, or the output would have no axis.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard (0..<input.rank).contains(axis), !indices.isEmpty,
      indices.allSatisfy({ (0..<input[axis]).contains($0) }),
      keepsAxis || (indices.count == 1 && input.rank > 1)
    else {
      throw .shapeMismatch(
        layer: name, expected: "an axis \(axis) holding indices \(indices)", actual: input)
    }
    var dimensions = input.dimensions
    if keepsAxis { dimensions[axis] = indices.count } else { dimensions.remove(at: axis) }
    return Shape(dimensions)
  }

  /// The selected entries.
  public func forward(_ input: Tensor) -> Tensor {
    let (outer, extent, inner) = geometry(input.shape)
    var dimensions = input.shape.dimensions
    if keepsAxis { dimensions[axis + 1] = indices.count } else { dimensions.remove(at: axis + 1) }
    return Tensor(shape: Shape(dimensions)) { out in
      input.withUnsafeBufferPointer { x in
        for o in 0..<outer {
          for (j, index) in indices.enumerated() {
            let (source, target) = ((o * extent + index) * inner, (o * indices.count + j) * inner)
            for i in 0..<inner { out[target + i] = x[source + i] }
          }
        }
      }
    }
  }

  /// The signal scattered back to the gathered entries (every rule).
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      let (outer, extent, inner) = geometry(input.shape)
      var result = Tensor(shape: input.shape)
      result.withUnsafeMutableBufferPointer { out in
        signal.withUnsafeBufferPointer { s in
          for o in 0..<outer {
            for (j, index) in indices.enumerated() {
              let (target, source) = ((o * extent + index) * inner, (o * indices.count + j) * inner)
              for i in 0..<inner { out[target + i] += s[source + i] }
            }
          }
        }
      }
      return result
    }
  }

  /// Rows before the axis (batch included), the axis' extent and the scalars after it.
  private func geometry(_ shape: Shape) -> (outer: Int, extent: Int, inner: Int) {
    let dimensions = shape.dimensions
    let extent = dimensions[axis + 1]
    let inner = dimensions[(axis + 2)...].reduce(1, *)
    return (dimensions[...axis].reduce(1, *), extent, inner)
  }
}
