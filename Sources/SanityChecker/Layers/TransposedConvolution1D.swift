/// A 1-D transposed convolution (ONNX `ConvTranspose` on `[N, C, L]`, PyTorch
/// `nn.ConvTranspose1d`): the adjoint of a strided convolution, as profile heads use to
/// upsample.
///
/// Shapes: input `[N, L, I]`, kernel `[W, O, I]` (the Keras `Conv1DTranspose` layout), bias
/// `[O]`, output `[N, OL, O]` with `OL = (L − 1)·s + (W − 1)·d + 1 + a − p₀ − p₁` for stride
/// `s`, dilation `d`, output padding `a` and the cropping (ONNX `pads`) `p₀`, `p₁`:
///
/// ```
/// full[n, f, o] = Σ_{q, t : q·s + t·d = f} Σ_i x[n, q, i] · K[t, o, i]    f < (L − 1)·s + (W − 1)·d + 1
/// z[n, j, o]    = b[o] + full[n, j + p₀, o]                                (0 beyond the full length)
/// y             = activation(z)
/// ```
///
/// `full` is the input gradient of the valid convolution `Conv1D(K, stride s, dilation d)`, so
/// the layer runs that convolution's transposed product, and its own input gradient is that
/// convolution's forward pass over the signal placed back at `j + p₀`.
///
/// Backward rules (the fused activation first, by the rule, as in ``Conv1D``):
/// - gradient, Guided Backprop, DeconvNet: `Kᵀ`, the valid convolution of the signal;
/// - ε-LRP: the z-rule `R_in = x ⊙ Kᵀ(R / (z + ε·sign z))` with `z` the pre-activation, bias
///   included and `sign(0) = +1`; relevance is conserved with zero bias as ε → 0;
/// - DeepLIFT Rescale: a ``FusedActivationLayer``, split into the linear layer (multipliers =
///   gradient) and a rescale step;
/// - Grad-CAM: its `[OL, O]` output is a feature map like a convolution's.
///
/// It is a ``LocalLayer``: output `j` reads inputs `q` with `q·s + t·d = j + p₀`.
public struct TransposedConvolution1D: ParameterizedLayer, KernelBiasLayer, FusedActivationLayer {
  /// The layer's name.
  public var name: String
  /// The kernel `[W, O, I]` and, when present, the bias `[O]`.
  public var parameters: [String: Tensor]
  /// The stride `s` (the upsampling factor).
  public let stride: Int
  /// The dilation `d`.
  public let dilation: Int
  /// Positions removed at the start of the full output (`p₀`, ONNX `pads[0]`).
  public let cropStart: Int
  /// Positions removed at the end of the full output (`p₁`, ONNX `pads[1]`).
  public let cropEnd: Int
  /// Positions added at the end of the full output before cropping (`a`, `output_padding`).
  public let outputPadding: Int
  /// The fused activation.
  public var activation: Activation
  /// The kernel's shape, fixed at creation.
  public let kernelShape: Shape

  /// Creates a 1-D transposed convolution.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - kernel: `[W, O, I]`.
  ///   - bias: `[O]`, or `nil` for none.
  ///   - stride: `s`, ≥ 1.
  ///   - dilation: `d`, ≥ 1.
  ///   - cropping: `p₀` and `p₁`, each ≥ 0.
  ///   - outputPadding: `a`, ≥ 0.
  ///   - activation: The fused activation.
  public init(
    name: String, kernel: Tensor, bias: Tensor?, stride: Int = 1, dilation: Int = 1,
    cropping: (start: Int, end: Int) = (0, 0), outputPadding: Int = 0,
    activation: Activation = .linear
  ) {
    precondition(
      kernel.shape.rank == 3 && stride >= 1 && dilation >= 1 && cropping.start >= 0
        && cropping.end >= 0 && outputPadding >= 0,
      "TransposedConvolution1D '\(name)': kernel \(kernel.shape), stride \(stride), dilation \(dilation)"
    )
    self.name = name
    self.parameters = Self.kernelAndBias(kernel, bias)
    self.stride = stride
    self.dilation = dilation
    self.cropStart = cropping.start
    self.cropEnd = cropping.end
    self.outputPadding = outputPadding
    self.activation = activation
    self.kernelShape = kernel.shape
  }

  var kernel: Tensor { parameters["kernel"] ?? Tensor(shape: kernelShape) }

  /// The valid convolution whose transposed product this layer is (kernel `[W, O, I]` read as
  /// `[W, I_conv, O_conv]`).
  var adjoint: Conv1D {
    Conv1D(name: name, kernel: kernel, bias: nil, stride: stride, dilation: dilation)
  }

  /// The full output length `(L − 1)·s + (W − 1)·d + 1`.
  func fullLength(_ length: Int) -> Int {
    (length - 1) * stride + (kernelShape[0] - 1) * dilation + 1
  }

  /// `OL` for `L` input positions.
  func outputLength(_ length: Int) -> Int {
    fullLength(length) + outputPadding - cropStart - cropEnd
  }

  /// `[OL, O]` for an input `[L, I]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    let (filters, channels) = (kernelShape[1], kernelShape[2])
    try checkKernelAndBias(kernelShape: kernelShape, outputs: filters)
    guard input.rank == 2, input[1] == channels, input[0] >= 1 else {
      throw .shapeMismatch(layer: name, expected: "[L, \(channels)]", actual: input)
    }
    guard outputLength(input[0]) > 0 else {
      throw .shapeMismatch(
        layer: name, expected: "[L, \(channels)] whose output outlasts the cropping",
        actual: input)
    }
    return [outputLength(input[0]), filters]
  }

  /// `z = b + full[j + p₀]`, `[N, OL, O]`.
  func preActivation(_ input: Tensor) -> Tensor {
    let (batch, length, filters) = (input.shape[0], input.shape[1], kernelShape[1])
    let full = fullLength(length)
    let transposed = adjoint.linearInputGradient(input, inputShape: [batch, full, filters])
    let outputs = outputLength(length)
    let bias = parameters["bias"]?.scalars ?? [Float](repeating: 0, count: filters)
    return Tensor(shape: [batch, outputs, filters]) { z in
      transposed.withUnsafeBufferPointer { source in
        for n in 0..<batch {
          for j in 0..<outputs {
            let target = (n * outputs + j) * filters
            let f = j + cropStart
            for o in 0..<filters {
              z[target + o] = bias[o] + (f < full ? source[(n * full + f) * filters + o] : 0)
            }
          }
        }
      }
    }
  }

  /// The signal at the pre-activation `[N, OL, O]` placed at `j + p₀` of the full length.
  private func uncropped(_ delta: Tensor, length: Int) -> Tensor {
    let (batch, outputs, filters) = (delta.shape[0], delta.shape[1], delta.shape[2])
    let full = fullLength(length)
    var padded = Tensor(shape: [batch, full, filters])
    padded.withUnsafeMutableBufferPointer { target in
      delta.withUnsafeBufferPointer { source in
        for n in 0..<batch {
          for j in 0..<outputs where j + cropStart < full {
            let (from, to) = ((n * outputs + j) * filters, (n * full + j + cropStart) * filters)
            for o in 0..<filters { target[to + o] = source[from + o] }
          }
        }
      }
    }
    return padded
  }

  /// `Kᵀδ`: the valid convolution of the uncropped signal, `[N, L, I]`.
  func linearGradient(_ delta: Tensor, length: Int) -> Tensor {
    adjoint.forward(uncropped(delta, length: length))
  }

  /// `activation(z)`, `[N, OL, O]`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.rank == 3 && input.shape[2] == kernelShape[2],
      "TransposedConvolution1D '\(name)': input \(input.shape) is not [N, L, \(kernelShape[2])]")
    var output = preActivation(input)
    activation.apply(to: &output)
    return output
  }

  /// Activation backward (by rule), then `Kᵀ`, or the ε-LRP z-rule.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    let delta = activation.backward(
      signal, output: output, rule: rule,
      input: activation.needsInput ? preActivation(input) : nil)
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return linearGradient(delta, length: input.shape[1])
    case .epsilonLRP(let epsilon, _):
      let ratio = EpsilonLRP.stabilizedRatio(delta, preActivation(input), epsilon: epsilon)
      return EpsilonLRP.times(input, linearGradient(ratio, length: input.shape[1]))
    }
  }

  /// `∂/∂K[t, o, i] = Σ_q x[q, i]·δ_full[q·s + t·d, o]` (the valid convolution's kernel
  /// gradient with input and signal swapped) and `∂/∂b = Σ δ`.
  public func parameterGradients(
    _ signal: Tensor, input: Tensor, output: Tensor
  ) -> [String: Tensor] {
    let delta = activation.backward(
      signal, output: output, rule: .gradient,
      input: activation.needsInput ? preActivation(input) : nil)
    let padded = uncropped(delta, length: input.shape[1])
    let gradients = adjoint.parameterGradients(input, input: padded, output: input)
    var result: [String: Tensor] = [:]
    result["kernel"] = gradients["kernel"]
    if parameters["bias"] != nil {
      let filters = kernelShape[1]
      result["bias"] = Tensor(shape: [filters]) { sum in
        for o in 0..<filters { sum[o] = 0 }
        delta.withUnsafeBufferPointer { d in
          for index in 0..<d.count { sum[index % filters] += d[index] }
        }
      }
    }
    return result
  }
}
