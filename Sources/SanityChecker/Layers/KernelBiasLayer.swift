/// A layer whose parameters are a `kernel` and an optional `bias`, in that Keras order:
/// ``Dense``, ``Conv1D``, ``Conv2D``, ``GroupedConvolution`` and ``TransposedConvolution1D``.
protocol KernelBiasLayer: ParameterizedLayer {}

extension KernelBiasLayer {
  /// `["kernel", "bias"]`, or `["kernel"]` without a bias.
  public var parameterOrder: [String] {
    parameters["bias"] == nil ? ["kernel"] : ["kernel", "bias"]
  }

  /// The parameters of a new layer, keyed like the Keras weights.
  /// - Parameters:
  ///   - kernel: The weights.
  ///   - bias: The bias, or `nil` for none.
  /// - Returns: `["kernel": kernel, "bias": bias]`, without `bias` when it is `nil`.
  static func kernelAndBias(_ kernel: Tensor, _ bias: Tensor?) -> [String: Tensor] {
    var parameters = ["kernel": kernel]
    if let bias { parameters["bias"] = bias }
    return parameters
  }

  /// Checks that the kernel still has the shape it was created with and that the bias, when
  /// present, is `[outputs]` (replacement parameters must keep them).
  /// - Parameters:
  ///   - kernelShape: The kernel's shape at creation.
  ///   - outputs: The number of output channels.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` naming both expected shapes
  ///   and the actual kernel shape.
  func checkKernelAndBias(kernelShape: Shape, outputs: Int) throws(ModelError) {
    guard parameters["kernel"]?.shape == kernelShape,
      parameters["bias"].map({ $0.shape == [outputs] }) ?? true
    else {
      throw .shapeMismatch(
        layer: name, expected: "kernel \(kernelShape) and bias [\(outputs)]",
        actual: parameters["kernel"]?.shape ?? [])
    }
  }
}
