/// Removes positions from both ends of a sequence, as Keras `Cropping1D` (and an ONNX `Slice`
/// along the length).
///
/// Shapes: input `[N, L, C]`, output `[N, L − start − end, C]`.
///
/// Backward under every rule (gradient, Guided Backprop, DeconvNet, ε-LRP): the signal is put
/// back at the kept positions and the cropped ones get 0, since they do not reach the output.
/// Cropping only moves values, so ε-LRP conserves relevance and DeepLIFT multipliers pass as
/// the gradient. The layer is local along the sequence.
public struct Cropping1D: Layer {
  /// The layer's name.
  public var name: String
  /// Positions removed at the start.
  public var start: Int
  /// Positions removed at the end.
  public var end: Int

  /// Creates a cropping layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - start: Positions removed at the start (≥ 0).
  ///   - end: Positions removed at the end (≥ 0).
  public init(name: String, start: Int, end: Int) {
    precondition(start >= 0 && end >= 0, "Cropping1D '\(name)': negative cropping \(start), \(end)")
    self.name = name
    self.start = start
    self.end = end
  }

  /// `[L − start − end, C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` unless the input is
  ///   `[L, C]` with `L > start + end`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank == 2, input[0] > start + end else {
      throw .shapeMismatch(layer: name, expected: "[L, C] with L > \(start + end)", actual: input)
    }
    return [input[0] - start - end, input[1]]
  }

  /// The kept positions.
  public func forward(_ input: Tensor) -> Tensor {
    SequenceWindow(outer: input.shape[1], inner: input.shape[2], start: start, end: end).cropped(
      input)
  }

  /// The signal at the kept positions, zeros at the cropped ones (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return SequenceWindow(outer: input.shape[1], inner: input.shape[2], start: start, end: end)
        .padded(signal)
    }
  }
}
