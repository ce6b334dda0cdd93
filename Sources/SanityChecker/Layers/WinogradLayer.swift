/// A convolution whose forward and input-gradient products may run by Winograd (``Conv1D``
/// through ``SequenceWinograd``, ``Conv2D`` through ``WinogradConvolution``).
protocol WinogradLayer: KernelBiasLayer {
  /// Whether the products go through Winograd.
  var usesWinograd: Bool { get }
  /// The kernel.
  var kernel: Tensor { get }
  /// The im2col geometry of a batched input shape.
  func core(batchShape: Shape) -> ConvolutionCore
  /// `conv(x, K) + b` before the activation.
  func preActivation(_ input: Tensor) -> Tensor
  /// `Kᵀ δ`: the input gradient of the linear part.
  func inputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor
}

extension WinogradLayer {
  /// The ε-LRP z-rule: `x ⊙ Kᵀ (R / (z + ε·sign z))`, with `z` recomputed including the bias.
  /// - Parameters:
  ///   - relevance: The relevance at the pre-activation.
  ///   - input: The input the forward pass saw.
  ///   - epsilon: The stabilizer ε.
  /// - Returns: The relevance at the input.
  func relevance(_ relevance: Tensor, input: Tensor, epsilon: Float) -> Tensor {
    let core = core(batchShape: input.shape)
    guard usesWinograd else {
      return core.relevance(
        relevance, input: input, kernel: kernel, bias: parameters["bias"], epsilon: epsilon)
    }
    let ratio =
      core.sparseStabilizedRatio(
        relevance, input: input, kernel: kernel, bias: parameters["bias"], epsilon: epsilon)
      ?? EpsilonLRP.stabilizedRatio(relevance, preActivation(input), epsilon: epsilon)
    return EpsilonLRP.times(inputGradient(ratio, inputShape: input.shape), input)
  }

  /// The input gradient scattered nonzero by nonzero when `δ` has at most 1/16 nonzeros (see
  /// ``ConvolutionCore/sparseTransposedProduct(_:kernel:inputShape:)``), else `nil`: the
  /// threshold below which the scatter beats a Winograd product.
  /// - Parameters:
  ///   - delta: The signal at the pre-activation.
  ///   - inputShape: The batched input shape.
  /// - Returns: The signal at the input, or `nil`.
  func sparseInputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor? {
    let isSparse = delta.withUnsafeBufferPointer {
      SIMDRows.hasAtMost($0.count / 16, nonzerosIn: $0)
    }
    guard isSparse else { return nil }
    return core(batchShape: inputShape).sparseTransposedProduct(
      delta, kernel: kernel, inputShape: inputShape)
  }

  /// A tensor of `shape` written by `correlate(x, bias, y)`, with `x` the input's scalars and
  /// `bias` the layer's bias (or `nil`).
  /// - Parameters:
  ///   - shape: The result's shape.
  ///   - input: The correlation's input.
  ///   - bias: The bias, or `nil`.
  ///   - correlate: Writes every scalar of the result.
  /// - Returns: The result.
  static func correlated(
    shape: Shape, input: Tensor, bias: Tensor?,
    _ correlate: (
      UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>?, UnsafeMutableBufferPointer<Float>
    ) -> Void
  ) -> Tensor {
    Tensor(shape: shape) { y in
      input.withUnsafeBufferPointer { x in
        if let bias {
          bias.withUnsafeBufferPointer { correlate(x, $0, y) }
        } else {
          correlate(x, nil, y)
        }
      }
    }
  }
}
