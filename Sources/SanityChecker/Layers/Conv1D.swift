/// A 1-D convolution over sequences, `y = activation(conv(x, K) + b)`, as Keras `Conv1D`.
///
/// Shapes: input `[N, L, I]` (DNA: `I = 4`), kernel `[W, I, O]` (Keras layout), bias `[O]`,
/// output `[N, OL, O]` with `OL` from ``Padding``. Like Keras this is a cross-correlation:
///
/// ```
/// z[n, ol, o] = b[o] + Σ_{w, i} x[n, ol·s − p + w·d, i] · K[w, i, o]
/// ```
///
/// with zeros in the padding. With unit stride and dilation, at least 3 taps and at least 32
/// input and output channels, the forward and input-gradient products run Winograd's F(4, 4)
/// (``SequenceWinograd``); otherwise the ``Conv2D`` code path on `[N, 1, L, I]`: the windows
/// read in place (or one im2col) plus one `sgemm` per batch.
///
/// Backward rules: the fused activation is passed by the rule (see ``BackwardRule``), then the
/// linear part uses `Kᵀ` (gradient, Guided Backprop, DeconvNet) or the ε-LRP z-rule with the
/// pre-activation `z` (bias included) recomputed from the input.
public struct Conv1D: ParameterizedLayer, KernelBiasLayer {
  /// The layer's name.
  public var name: String
  /// The kernel `[W, I, O]` and, when present, the bias `[O]`.
  public var parameters: [String: Tensor] {
    didSet { winogradKernels = WinogradKernels<SequenceWinograd>() }
  }
  /// The stride.
  public let stride: Int
  /// The padding mode.
  public let padding: Padding
  /// The dilation rate.
  public let dilation: Int
  /// The fused activation.
  public var activation: Activation
  /// The kernel's shape, fixed at creation; replacement kernels must keep it.
  public let kernelShape: Shape
  /// How the forward and input-gradient products are computed (tests force ``ConvolutionAlgorithm/im2col``).
  var algorithm = ConvolutionAlgorithm.automatic
  /// The transformed kernels of the current parameters, computed on first use.
  private(set) var winogradKernels = WinogradKernels<SequenceWinograd>()

  /// Creates a 1-D convolution.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - kernel: The weights, `[W, I, O]`.
  ///   - bias: The bias, `[O]`, or `nil` for none.
  ///   - stride: The stride, ≥ 1.
  ///   - padding: The padding mode.
  ///   - dilation: The dilation rate, ≥ 1.
  ///   - activation: The fused activation.
  public init(
    name: String, kernel: Tensor, bias: Tensor?, stride: Int = 1, padding: Padding = .valid,
    dilation: Int = 1, activation: Activation = .linear
  ) {
    precondition(
      kernel.shape.rank == 3, "Conv1D '\(name)': kernel must be [W, I, O], got \(kernel.shape)")
    precondition(stride >= 1, "Conv1D '\(name)': stride must be ≥ 1, got \(stride)")
    precondition(dilation >= 1, "Conv1D '\(name)': dilation must be ≥ 1, got \(dilation)")
    self.name = name
    self.parameters = Self.kernelAndBias(kernel, bias)
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.activation = activation
    self.kernelShape = kernel.shape
  }

  var kernel: Tensor { parameters["kernel"] ?? Tensor(shape: kernelShape) }

  /// The geometry of a batch `[N, L, I]`, viewed as `[N, 1, L, I]`.
  func core(batch: Int, length: Int) -> ConvolutionCore {
    let geometry = WindowGeometry(
      batch: batch, height: .single,
      width: AxisWindow(
        input: length, kernel: kernelShape[0], stride: stride, dilation: dilation,
        padding: padding),
      channels: kernelShape[1])
    return ConvolutionCore(geometry: geometry, outputs: kernelShape[2])
  }

  private func core(for input: Tensor) -> ConvolutionCore {
    precondition(
      input.shape.rank == 3 && input.shape[2] == kernelShape[1],
      "Conv1D '\(name)': input \(input.shape) is not [N, L, \(kernelShape[1])]")
    return core(batch: input.shape[0], length: input.shape[1])
  }

  /// `[OL, O]` for an input `[L, I]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try ConvolutionCore.validate(layer: name, parameters: parameters, kernelShape: kernelShape)
    let channels = kernelShape[1]
    guard input.rank == 2, input[1] == channels else {
      throw .shapeMismatch(layer: name, expected: "[L, \(channels)]", actual: input)
    }
    let axis = core(batch: 1, length: input[0]).geometry.width
    guard axis.output > 0 else {
      throw .shapeMismatch(layer: name, expected: "[L ≥ \(axis.span), \(channels)]", actual: input)
    }
    return [axis.output, kernelShape[2]]
  }

  /// `activation(conv(x, K) + b)`, `[N, OL, O]`.
  public func forward(_ input: Tensor) -> Tensor {
    var output = preActivation(input)
    activation.apply(to: &output)
    return output
  }

  /// Activation backward (by rule), then `Kᵀ` via col2im or Winograd, or the ε-LRP z-rule.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    _ = core(for: input)
    let delta = activation.backward(
      signal, output: output, rule: rule,
      input: activation.needsInput ? preActivationOutput(input) : nil)
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return inputGradient(delta, inputShape: input.shape)
    case .epsilonLRP(let epsilon, _):
      return relevance(delta, input: input, epsilon: epsilon)
    }
  }

  /// `∂/∂K = Xᵀ·δ` and `∂/∂b = Σ δ`, with `δ` the gradient at the pre-activation.
  public func parameterGradients(
    _ signal: Tensor, input: Tensor, output: Tensor
  ) -> [String: Tensor] {
    let delta = activation.backward(
      signal, output: output, rule: .gradient,
      input: activation.needsInput ? preActivationOutput(input) : nil)
    let gradients = core(for: input).parameterGradients(delta, input: input)
    var result = ["kernel": gradients.kernel.reshaped(kernelShape)]
    if parameters["bias"] != nil { result["bias"] = gradients.bias }
    return result
  }
}
