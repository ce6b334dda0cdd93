/// A pooling layer with one window over the whole sequence (`[N, L, C]`, one spatial axis) or
/// the whole image (`[N, H, W, C]`, two), giving `[N, C]`: the shape rule and the batch check
/// shared by ``GlobalAveragePooling1D``, ``GlobalAveragePooling2D``, ``GlobalMaxPooling1D``
/// and ``GlobalMaxPooling2D``.
protocol GlobalPoolingLayer: Layer {
  /// The number of spatial axes (1 for sequences, 2 for images).
  static var spatialAxes: Int { get }
}

extension GlobalPoolingLayer {
  /// `[C]` for an input `[L, C]` with `L ≥ 1`, or `[H, W, C]` with `H, W ≥ 1`.
  /// - Parameter input: The shape of one input item.
  /// - Returns: `[C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` for another rank or an empty
  ///   axis.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.globalOutputShape(layer: name, input: input, spatialAxes: Self.spatialAxes)
  }

  /// The pooling of a batch, after checking that it is `[N, L, C]` or `[N, H, W, C]`.
  /// - Parameter input: The batched input.
  /// - Returns: One window over each item's whole plane.
  func globalPooling(of input: Tensor) -> Pooling {
    precondition(
      input.shape.rank == Self.spatialAxes + 2,
      "\(Self.self) '\(name)': input \(input.shape) is not "
        + (Self.spatialAxes == 1 ? "[N, L, C]" : "[N, H, W, C]"))
    return Pooling.global(input.shape)
  }

  /// `[N, C]` for a batch `[N, L, C]` or `[N, H, W, C]`.
  /// - Parameter input: The batched input.
  /// - Returns: The batched output shape.
  func globalOutputShape(of input: Tensor) -> Shape {
    [input.shape[0], input.shape[Self.spatialAxes + 1]]
  }
}
