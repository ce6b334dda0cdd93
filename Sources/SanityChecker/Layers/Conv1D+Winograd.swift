extension Conv1D: WinogradLayer {
  func core(batchShape: Shape) -> ConvolutionCore {
    core(batch: batchShape[0], length: batchShape[1])
  }

  /// Whether the forward and input-gradient products go through ``SequenceWinograd``: unit
  /// stride and dilation, at least 3 taps, any padding, and a `CKernels` kernel (the products
  /// read overlapping rows); under ``ConvolutionAlgorithm/automatic`` also at least 32 input
  /// and 32 output channels.
  ///
  /// With fewer channels one side of each product is a sliver and the tile transforms weigh more
  /// than the multiplications they save (DNA's first layer has 4 input channels).
  var usesWinograd: Bool {
    let fits =
      stride == 1 && dilation == 1 && kernelShape[0] >= 3 && GEMMKernel.preferred != .openBLAS
    switch algorithm {
    case .automatic: return fits && min(kernelShape[1], kernelShape[2]) >= 32
    case .winograd: return fits
    case .im2col: return false
    }
  }

  /// `conv(x, K) + b` before the activation, `[N, OL, O]`.
  /// - Parameter input: `[N, L, I]`.
  /// - Returns: The pre-activation.
  func preActivation(_ input: Tensor) -> Tensor {
    let core = core(batchShape: input.shape)
    let axis = core.geometry.width
    let shape: Shape = [core.geometry.batch, axis.output, core.outputs]
    guard usesWinograd else {
      return core.preActivation(of: input, kernel: kernel, bias: parameters["bias"]).reshaped(shape)
    }
    let line = SequenceLine(
      batch: core.geometry.batch, length: axis.input, padBefore: axis.padBefore,
      outputLength: axis.output)
    let taps = kernelShape[0]
    let winograd = winogradKernels.forward(kernel) {
      SequenceWinograd(kernel: $0, taps: taps, inputs: $1, outputs: $2)
    }
    return Self.correlated(shape: shape, input: input, bias: parameters["bias"]) {
      winograd.correlate($0, line, bias: $1, into: $2)
    }
  }

  /// `Kᵀ δ`: the input gradient of the linear part.
  ///
  /// With Winograd, this is the 'full' correlation of `δ` with the adjoint kernel
  /// `K'[k, o, i] = K[W − 1 − k, i, o]`, padded by `W − 1 − p` before (`p`: the forward padding
  /// before): `∂x[l, i] = Σ_{k, o} δ[l − (W − 1 − p) + k, o] · K'[k, o, i]`. A signal with at
  /// most 1/16 nonzeros is scattered instead (see
  /// ``ConvolutionCore/sparseTransposedProduct(_:kernel:inputShape:)``).
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `[N, OL, O]` scalars.
  ///   - inputShape: The batched input shape `[N, L, I]`.
  /// - Returns: The signal at the input.
  func inputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor {
    let core = core(batchShape: inputShape)
    guard usesWinograd else {
      return core.transposedProduct(delta, kernel: kernel, inputShape: inputShape)
    }
    if let sparse = sparseInputGradient(delta, inputShape: inputShape) { return sparse }
    let axis = core.geometry.width
    let line = SequenceLine(
      batch: core.geometry.batch, length: axis.output, padBefore: axis.kernel - 1 - axis.padBefore,
      outputLength: axis.input)
    let taps = kernelShape[0]
    let winograd = winogradKernels.adjoint(kernel) {
      SequenceWinograd(kernel: $0, taps: taps, inputs: $1, outputs: $2)
    }
    return Tensor(shape: inputShape) { x in
      delta.withUnsafeBufferPointer { winograd.correlate($0, line, bias: nil, into: x) }
    }
  }
}
