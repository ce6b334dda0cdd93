extension Conv2D: WinogradLayer {
  func core(batchShape: Shape) -> ConvolutionCore {
    core(batch: batchShape[0], height: batchShape[1], width: batchShape[2])
  }

  /// Whether the forward and input-gradient products go through ``WinogradConvolution``:
  /// 3×3 taps with unit strides and dilations, any padding; under
  /// ``ConvolutionAlgorithm/automatic`` also at least 8 input and 8 output channels.
  ///
  /// With fewer channels one side of each product is a sliver (`K` or `N` < 8) and im2col is
  /// faster: measured on the MNIST CNN's first layer (1 → 32 channels), 46 against 80 µs per
  /// image forward and 49 against 305 µs backward.
  var usesWinograd: Bool {
    let fits =
      kernelShape[0] == 3 && kernelShape[1] == 3 && strides == [1, 1] && dilation == [1, 1]
    switch algorithm {
    case .automatic: return fits && min(kernelShape[2], kernelShape[3]) >= 8
    case .winograd: return fits
    case .im2col: return false
    }
  }

  /// `conv(x, K) + b` before the activation, `[N, OH, OW, O]`.
  /// - Parameter input: `[N, H, W, I]`.
  /// - Returns: The pre-activation.
  func preActivation(_ input: Tensor) -> Tensor {
    let core = core(batchShape: input.shape)
    let geometry = core.geometry
    let shape: Shape = [
      geometry.batch, geometry.height.output, geometry.width.output, core.outputs,
    ]
    guard usesWinograd else {
      return core.preActivation(of: input, kernel: kernel, bias: parameters["bias"]).reshaped(shape)
    }
    let plane = WinogradPlane(
      batch: geometry.batch, height: geometry.height.input, width: geometry.width.input,
      padTop: geometry.height.padBefore, padLeft: geometry.width.padBefore,
      outputHeight: geometry.height.output, outputWidth: geometry.width.output)
    let winograd = winogradKernels.forward(kernel) {
      WinogradConvolution(kernel: $0, inputs: $1, outputs: $2)
    }
    return Self.correlated(shape: shape, input: input, bias: parameters["bias"]) {
      winograd.correlate($0, plane, bias: $1, into: $2)
    }
  }

  /// `Kᵀ δ`: the input gradient of the linear part.
  ///
  /// With Winograd, this is the 'full' correlation of `δ` with the adjoint kernel
  /// `K'[kh, kw, o, i] = K[2 − kh, 2 − kw, i, o]`, padded by `2 − p` before (`p`: the forward
  /// padding before): `∂x[h, w, i] = Σ δ[h − 2 + p + kh, w − 2 + p + kw, o] · K'[kh, kw, o, i]`.
  /// A signal with at most 1/16 nonzeros is scattered instead (see
  /// ``ConvolutionCore/sparseTransposedProduct(_:kernel:inputShape:)``); the MNIST CNN's last
  /// convolution, with about 1/8 nonzeros below its max pool, is faster through Winograd
  /// (MNIST saliency, one thread: 1,168–1,294 against 1,051–1,146 images/s with the 1/3 cut).
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `[N, OH, OW, O]` scalars.
  ///   - inputShape: The batched input shape `[N, H, W, I]`.
  /// - Returns: The signal at the input.
  func inputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor {
    let core = core(batchShape: inputShape)
    guard usesWinograd else {
      return core.transposedProduct(delta, kernel: kernel, inputShape: inputShape)
    }
    if let sparse = sparseInputGradient(delta, inputShape: inputShape) { return sparse }
    let geometry = core.geometry
    let plane = WinogradPlane(
      batch: geometry.batch, height: geometry.height.output, width: geometry.width.output,
      padTop: 2 - geometry.height.padBefore, padLeft: 2 - geometry.width.padBefore,
      outputHeight: geometry.height.input, outputWidth: geometry.width.input)
    let winograd = winogradKernels.adjoint(kernel) {
      WinogradConvolution(kernel: $0, inputs: $1, outputs: $2)
    }
    return Tensor(shape: inputShape) { x in
      delta.withUnsafeBufferPointer { winograd.correlate($0, plane, bias: nil, into: x) }
    }
  }
}
