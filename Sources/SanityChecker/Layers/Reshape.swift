/// Gives each item another shape with the same scalars in the same order, as Keras `Reshape`
/// (and ONNX `Reshape`, `Flatten`, `Squeeze`, `Unsqueeze` on item axes).
///
/// Shapes: input `[N, …]`, output `[N] + targetShape` with the same count per item; one extent
/// of `targetShape` may be −1, inferred from the others.
///
/// Backward under every rule: the signal reshaped back (the layer only relabels scalars, so
/// ε-LRP conserves relevance and DeepLIFT multipliers pass as the gradient).
public struct Reshape: Layer {
  /// The layer's name.
  public var name: String
  /// The item shape, with at most one −1.
  public var targetShape: [Int]

  /// Creates a reshape.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - targetShape: The item shape (one extent may be −1).
  public init(name: String, targetShape: [Int]) {
    self.name = name
    self.targetShape = targetShape
  }

  /// `targetShape` with −1 resolved.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the counts differ.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    let known = targetShape.filter { $0 != -1 }.reduce(1, *)
    let unknowns = targetShape.filter { $0 == -1 }.count
    guard unknowns <= 1, targetShape.allSatisfy({ $0 == -1 || $0 >= 1 }), known >= 1,
      unknowns == 1 ? input.count % known == 0 : input.count == known
    else {
      throw .shapeMismatch(
        layer: name, expected: "\(targetShape.count) axes holding \(known)·k scalars", actual: input
      )
    }
    return Shape(targetShape.map { $0 == -1 ? input.count / known : $0 })
  }

  /// The same scalars with the item shape `targetShape`.
  public func forward(_ input: Tensor) -> Tensor {
    let item = (try? outputShape(for: input.shape.item)) ?? input.shape.item
    return input.reshaped(item.batched(input.batchSize))
  }

  /// The signal reshaped back to the input's shape (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return signal.reshaped(input.shape)
    }
  }
}
