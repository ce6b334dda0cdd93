/// Adds zero positions at both ends of a sequence, as Keras `ZeroPadding1D` (and an ONNX `Pad`
/// along the length with constant 0).
///
/// Shapes: input `[N, L, C]`, output `[N, start + L + end, C]`.
///
/// Backward under every rule: the signal at the original positions (the padding has no input
/// to receive a signal). Padding only moves values, so ε-LRP conserves the relevance that
/// reaches original positions and DeepLIFT multipliers pass as the gradient.
public struct ZeroPadding1D: Layer {
  /// The layer's name.
  public var name: String
  /// Zero positions added at the start.
  public var start: Int
  /// Zero positions added at the end.
  public var end: Int

  /// Creates a padding layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - start: Positions added at the start (≥ 0).
  ///   - end: Positions added at the end (≥ 0).
  public init(name: String, start: Int, end: Int) {
    precondition(
      start >= 0 && end >= 0, "ZeroPadding1D '\(name)': negative padding \(start), \(end)")
    self.name = name
    self.start = start
    self.end = end
  }

  /// `[start + L + end, C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` unless the input is `[L, C]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank == 2 else {
      throw .shapeMismatch(layer: name, expected: "[L, C]", actual: input)
    }
    return [start + input[0] + end, input[1]]
  }

  /// The input between zero positions.
  public func forward(_ input: Tensor) -> Tensor {
    SequenceWindow(
      outer: input.shape[1] + start + end, inner: input.shape[2], start: start, end: end
    ).padded(input)
  }

  /// The signal at the original positions (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return SequenceWindow(outer: output.shape[1], inner: output.shape[2], start: start, end: end)
        .cropped(signal)
    }
  }
}
