/// A 2-D convolution over images, `y = activation(conv(x, K) + b)`, as Keras `Conv2D`.
///
/// Shapes: input `[N, H, W, I]`, kernel `[KH, KW, I, O]` (Keras layout), bias `[O]`, output
/// `[N, OH, OW, O]` with `OH`, `OW` from ``Padding``. Like Keras this is a cross-correlation:
///
/// ```
/// z[n, oh, ow, o] = b[o] + Σ_{kh, kw, i} x[n, oh·sh − pt + kh·dh, ow·sw − pl + kw·dw, i]
///                                        · K[kh, kw, i, o]
/// ```
///
/// with zeros in the padding (`pt`, `pl`: the padding before, see ``Padding``). The kernel
/// gradient is one im2col plus one `sgemm` over the whole batch (see ``Im2Col``). The forward
/// pass and the input gradient use Winograd's F(2×2, 3×3) for 3×3 kernels with unit strides
/// and dilations (see ``WinogradConvolution``; equal to im2col within about `1e-5·max|y|`),
/// else im2col (or col2im) plus one `sgemm`.
///
/// Backward rules: the fused activation is passed by the rule (see ``BackwardRule``), then the
/// linear part uses `Kᵀ` (gradient, Guided Backprop, DeconvNet) or the ε-LRP z-rule with the
/// pre-activation `z` (bias included) recomputed from the input.
public struct Conv2D: ParameterizedLayer, KernelBiasLayer {
  /// The layer's name.
  public var name: String
  /// The kernel `[KH, KW, I, O]` and, when present, the bias `[O]`.
  public var parameters: [String: Tensor] {
    didSet { winogradKernels = WinogradKernels<WinogradConvolution>() }
  }
  /// The strides `[sh, sw]`.
  public let strides: [Int]
  /// The padding mode.
  public let padding: Padding
  /// The dilation rates `[dh, dw]`.
  public let dilation: [Int]
  /// The fused activation.
  public var activation: Activation
  /// The kernel's shape, fixed at creation; replacement kernels must keep it.
  public let kernelShape: Shape
  /// How the forward and input-gradient products are computed (tests force ``ConvolutionAlgorithm/im2col``).
  var algorithm = ConvolutionAlgorithm.automatic
  /// The transformed kernels of the current parameters, computed on first use.
  private(set) var winogradKernels = WinogradKernels<WinogradConvolution>()

  /// Creates a 2-D convolution.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - kernel: The weights, `[KH, KW, I, O]`.
  ///   - bias: The bias, `[O]`, or `nil` for none.
  ///   - strides: The strides `[sh, sw]`, each ≥ 1.
  ///   - padding: The padding mode.
  ///   - dilation: The dilation rates `[dh, dw]`, each ≥ 1.
  ///   - activation: The fused activation.
  public init(
    name: String, kernel: Tensor, bias: Tensor?, strides: [Int] = [1, 1],
    padding: Padding = .valid, dilation: [Int] = [1, 1], activation: Activation = .linear
  ) {
    precondition(
      kernel.shape.rank == 4, "Conv2D '\(name)': kernel must be [KH, KW, I, O], got \(kernel.shape)"
    )
    precondition(
      strides.count == 2 && strides.allSatisfy { $0 >= 1 },
      "Conv2D '\(name)': strides must be two values ≥ 1, got \(strides)")
    precondition(
      dilation.count == 2 && dilation.allSatisfy { $0 >= 1 },
      "Conv2D '\(name)': dilation must be two values ≥ 1, got \(dilation)")
    self.name = name
    self.parameters = Self.kernelAndBias(kernel, bias)
    self.strides = strides
    self.padding = padding
    self.dilation = dilation
    self.activation = activation
    self.kernelShape = kernel.shape
  }

  var kernel: Tensor { parameters["kernel"] ?? Tensor(shape: kernelShape) }

  /// The geometry of a batch `[N, H, W, I]`.
  func core(batch: Int, height: Int, width: Int) -> ConvolutionCore {
    let geometry = WindowGeometry(
      batch: batch,
      height: AxisWindow(
        input: height, kernel: kernelShape[0], stride: strides[0], dilation: dilation[0],
        padding: padding),
      width: AxisWindow(
        input: width, kernel: kernelShape[1], stride: strides[1], dilation: dilation[1],
        padding: padding),
      channels: kernelShape[2])
    return ConvolutionCore(geometry: geometry, outputs: kernelShape[3])
  }

  private func core(for input: Tensor) -> ConvolutionCore {
    precondition(
      input.shape.rank == 4 && input.shape[3] == kernelShape[2],
      "Conv2D '\(name)': input \(input.shape) is not [N, H, W, \(kernelShape[2])]")
    return core(batch: input.shape[0], height: input.shape[1], width: input.shape[2])
  }

  /// `[OH, OW, O]` for an input `[H, W, I]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try ConvolutionCore.validate(layer: name, parameters: parameters, kernelShape: kernelShape)
    let channels = kernelShape[2]
    guard input.rank == 3, input[2] == channels else {
      throw .shapeMismatch(layer: name, expected: "[H, W, \(channels)]", actual: input)
    }
    let geometry = core(batch: 1, height: input[0], width: input[1]).geometry
    guard geometry.hasOutput else {
      let expected = "[H ≥ \(geometry.height.span), W ≥ \(geometry.width.span), \(channels)]"
      throw .shapeMismatch(layer: name, expected: expected, actual: input)
    }
    return [geometry.height.output, geometry.width.output, kernelShape[3]]
  }

  /// `activation(conv(x, K) + b)`, `[N, OH, OW, O]`.
  public func forward(_ input: Tensor) -> Tensor {
    _ = core(for: input)
    var output = preActivation(input)
    activation.apply(to: &output)
    return output
  }

  /// Activation backward (by rule), then `Kᵀ` (Winograd or col2im), or the ε-LRP z-rule.
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
