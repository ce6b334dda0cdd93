/// Joins its inputs along one axis, as Keras `Concatenate` (ONNX `Concat`).
///
/// Shapes: inputs `[N, …, C_k, …]` that agree on every axis but `axis`; output
/// `[N, …, Σ C_k, …]`. `axis` counts item axes (0 is the first axis after the batch; −1, the
/// Keras default, the last).
///
/// Backward under every rule (gradient, Guided Backprop, DeconvNet, ε-LRP): the signal is cut
/// back into the slices each input contributed. Concatenation only moves values, so ε-LRP
/// conserves relevance exactly and DeepLIFT multipliers pass unchanged.
public struct Concatenate: MergeLayer {
  /// The layer's name.
  public var name: String
  /// The joined item axis (negative counts from the end).
  public var axis: Int

  /// Creates a concatenation.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - axis: The item axis to join along (−1, the last, by default).
  public init(name: String, axis: Int = -1) {
    self.name = name
    self.axis = axis
  }

  /// The item axis for items of `rank` axes, or `nil` when out of range.
  private func resolvedAxis(rank: Int) -> Int? {
    let resolved = axis < 0 ? rank + axis : axis
    return (0..<rank).contains(resolved) ? resolved : nil
  }

  /// The joined shape.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the axis is out of
  ///   range or other axes differ.
  public func outputShape(for inputs: [Shape]) throws(ModelError) -> Shape {
    guard let first = inputs.first else {
      throw .shapeMismatch(layer: name, expected: "at least one input", actual: [])
    }
    guard let joined = resolvedAxis(rank: first.rank) else {
      throw .shapeMismatch(layer: name, expected: "an item axis \(axis) in range", actual: first)
    }
    var total = 0
    for shape in inputs {
      var expected = first.dimensions
      if shape.rank == first.rank { expected[joined] = shape[joined] }
      guard shape.dimensions == expected else {
        throw .shapeMismatch(
          layer: name, expected: "inputs like \(first) but for axis \(axis)", actual: shape)
      }
      total += shape[joined]
    }
    var output = first.dimensions
    output[joined] = total
    return Shape(output)
  }

  /// `(outer, inner)`: the batched tensor is `[outer, width, inner]` around the joined axis.
  private func blocks(_ shape: Shape) -> (outer: Int, inner: Int, joined: Int) {
    let joined = (resolvedAxis(rank: shape.rank - 1) ?? 0) + 1
    let outer = shape.dimensions[..<joined].reduce(1, *)
    let inner = shape.dimensions[(joined + 1)...].reduce(1, *)
    return (outer, inner, joined)
  }

  /// The inputs side by side along the axis.
  public func forward(_ inputs: [Tensor]) -> Tensor {
    guard inputs.count > 1 else { return inputs[0] }
    let (outer, inner, joined) = blocks(inputs[0].shape)
    let widths = inputs.map { $0.shape[joined] * inner }
    let total = widths.reduce(0, +)
    var dimensions = inputs[0].shape.dimensions
    dimensions[joined] = total / inner
    var output = Tensor(shape: Shape(dimensions))
    output.withUnsafeMutableBufferPointer { out in
      var offset = 0
      for (input, width) in zip(inputs, widths) {
        input.withUnsafeBufferPointer { x in
          for block in 0..<outer {
            for i in 0..<width { out[block * total + offset + i] = x[block * width + i] }
          }
        }
        offset += width
      }
    }
    return output
  }

  /// The signal cut into each input's slice (the same under every rule).
  public func backward(
    _ signal: Tensor, inputs: [Tensor], output: Tensor, rule: BackwardRule
  ) -> [Tensor] {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      guard inputs.count > 1 else { return [signal] }
      let (outer, inner, joined) = blocks(inputs[0].shape)
      let total = signal.shape[joined] * inner
      var offset = 0
      return inputs.map { input in
        let width = input.shape[joined] * inner
        let slice = Tensor(shape: input.shape) { out in
          signal.withUnsafeBufferPointer { s in
            for block in 0..<outer {
              for i in 0..<width { out[block * width + i] = s[block * total + offset + i] }
            }
          }
        }
        offset += width
        return slice
      }
    }
  }
}
