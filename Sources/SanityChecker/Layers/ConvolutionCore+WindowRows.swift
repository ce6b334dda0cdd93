extension ConvolutionCore {
  /// `z = X·K + b` for 1-D windows of unit dilation, reading each row of the im2col matrix `X`
  /// in place, or `nil` where that does not apply.
  ///
  /// With `H = 1` and unit dilation, the row of output position `(n, ow)` is the `KW·C`
  /// consecutive scalars of the (zero-padded) input from `(n, ow·sw − pl)` on:
  ///
  /// ```
  /// X[n·OW + ow, kw·C + c] = xpad[n, ow·sw + kw, c],   xpad[n, w, c] = x[n, w − pl, c]
  /// ```
  ///
  /// so ``BLAS/gemm(rowsOf:rowStarts:transposeB:n:k:alpha:b:beta:c:)`` reads the windows where
  /// they lie and no `[N·OW, KW·C]` copy is written. The padded copy is made only when windows
  /// reach past the input (`same` padding). Each entry equals the im2col path's with the same
  /// kernel bit for bit. Returns `nil` (the caller builds the column matrix) for 2-D windows,
  /// dilations above 1, pointwise kernels (whose column matrix is the input already) and
  /// processors without a `CKernels` kernel.
  /// - Parameters:
  ///   - input: The batch, `N·W·C` scalars.
  ///   - kernel: The kernel, `KW·C·O` scalars.
  ///   - bias: The bias `[O]`, or `nil`.
  /// - Returns: The pre-activation `[N·OW, O]`, or `nil`.
  func windowRowPreActivation(_ input: Tensor, kernel: Tensor, bias: Tensor?) -> Tensor? {
    let axis = geometry.width
    guard GEMMKernel.preferred != .openBLAS, geometry.height.input == 1,
      geometry.height.kernel == 1, axis.dilation == 1, axis.kernel > 1, axis.output > 0
    else { return nil }
    let (batch, channels, outputs) = (geometry.batch, geometry.channels, outputs)
    let paddedLength = max(
      axis.input + axis.padBefore, (axis.output - 1) * axis.stride + axis.kernel)
    let source =
      paddedLength == axis.input && axis.padBefore == 0
      ? input
      : Self.padded(
        input, batch: batch, length: axis.input, to: paddedLength,
        before: axis.padBefore, channels: channels)
    var rowStarts = [Int]()
    rowStarts.reserveCapacity(batch * axis.output)
    for item in 0..<batch {
      for position in 0..<axis.output {
        rowStarts.append((item * paddedLength + position * axis.stride) * channels)
      }
    }
    let width = geometry.columnWidth
    var isComputed = false
    let z = Tensor(shape: [rowStarts.count, outputs]) { z in
      if let bias {
        bias.withUnsafeBufferPointer { b in
          guard let from = b.baseAddress, let target = z.baseAddress else { return }
          SIMDRows.broadcast(from, count: outputs, into: target, rows: rowStarts.count)
        }
      }
      source.withUnsafeBufferPointer { x in
        kernel.withUnsafeBufferPointer { k in
          isComputed = BLAS.gemm(
            rowsOf: x, rowStarts: rowStarts, n: outputs, k: width, b: k,
            beta: bias == nil ? 0 : 1, c: z)
        }
      }
      if !isComputed { z.update(repeating: 0) }
    }
    return isComputed ? z : nil
  }

  /// `col2im(δ·Kᵀ)` for 1-D windows of stride 1 and unit dilation, as one product of the
  /// zero-padded signal's window rows and the tap-reversed kernel, or `nil` where that does not
  /// apply.
  ///
  /// Input position `w` receives `δ` from the outputs `w + pl − t` its taps `t` fed, so
  ///
  /// ```
  /// ∂x[n, w, c] = Σ_{t, o} δpad[n, w + pl + t, o] · K'[c, t·O + o]
  /// δpad[n, j, o] = δ[n, j − (KW − 1), o] (0 outside 0..<OW),   K'[c, t·O + o] = K[KW − 1 − t, c, o]
  /// ```
  ///
  /// and row `(n, w)` is `KW·O` consecutive scalars of `δpad`: no `[N·OW, KW·C]` column
  /// gradient is written and no col2im scatter runs. The sum runs in another order than the
  /// column path's (one chain over taps and channels instead of one per tap), so the two agree
  /// to rounding, not bit for bit. Returns `nil` for strides or dilations above 1, 2-D
  /// windows, pointwise kernels, inputs of fewer than ``minimumRowChannels`` channels and
  /// processors without a `CKernels` kernel.
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `N·OW·O` scalars.
  ///   - kernel: The kernel, `KW·C·O` scalars.
  ///   - inputShape: The batched input shape of the result.
  /// - Returns: The signal at the input, or `nil`.
  func windowRowTransposedProduct(_ delta: Tensor, kernel: Tensor, inputShape: Shape) -> Tensor? {
    let axis = geometry.width
    guard GEMMKernel.preferred != .openBLAS, geometry.height.input == 1,
      geometry.height.kernel == 1, axis.dilation == 1, axis.stride == 1, axis.kernel > 1,
      axis.output > 0, geometry.channels >= Self.minimumRowChannels
    else { return nil }
    let (batch, channels, outputs, taps) = (geometry.batch, geometry.channels, outputs, axis.kernel)
    let (length, before) = (axis.input, axis.kernel - 1)
    let paddedLength = length + axis.padBefore + before
    let padded = Self.padded(
      delta, batch: batch, length: axis.output, to: paddedLength, before: before,
      channels: outputs)
    let reversed = Tensor(shape: [channels, taps * outputs]) { target in
      kernel.withUnsafeBufferPointer { k in
        guard let from = k.baseAddress, let to = target.baseAddress else { return }
        for channel in 0..<channels {
          for tap in 0..<taps {
            (to + (channel * taps + tap) * outputs).update(
              from: from + ((taps - 1 - tap) * channels + channel) * outputs, count: outputs)
          }
        }
      }
    }
    var rowStarts = [Int]()
    rowStarts.reserveCapacity(batch * length)
    for item in 0..<batch {
      for position in 0..<length {
        rowStarts.append((item * paddedLength + position + axis.padBefore) * outputs)
      }
    }
    var isComputed = false
    let gradient = Tensor(shape: inputShape) { x in
      padded.withUnsafeBufferPointer { d in
        reversed.withUnsafeBufferPointer { k in
          isComputed = BLAS.gemm(
            rowsOf: d, rowStarts: rowStarts, transposeB: true, n: channels, k: taps * outputs,
            b: k, c: x)
        }
      }
      if !isComputed { x.update(repeating: 0) }
    }
    return isComputed ? gradient : nil
  }

  /// Whether the forward product and the input gradient both read window rows in place
  /// (``windowRowPreActivation(_:kernel:bias:)``, ``windowRowTransposedProduct(_:kernel:inputShape:)``),
  /// so a forward and backward pass never holds this layer's column matrix.
  var readsWindowRows: Bool {
    let axis = geometry.width
    return GEMMKernel.preferred != .openBLAS && geometry.height.input == 1
      && geometry.height.kernel == 1 && axis.dilation == 1 && axis.stride == 1 && axis.kernel > 1
      && geometry.channels >= Self.minimumRowChannels
  }

  /// The fewest input channels for which the input gradient is one product over window rows:
  /// its `C` output columns fill the micro-kernel's 48-column tiles, where DNA's 4 channels
  /// would leave them 92% empty (the column path's `KW·C` columns are wider).
  static let minimumRowChannels = 16

  /// The batch `[N, length, C]` with `before` zero positions in front and zeros after, to
  /// `[N, paddedLength, C]`.
  private static func padded(
    _ input: Tensor, batch: Int, length: Int, to paddedLength: Int, before: Int, channels: Int
  ) -> Tensor {
    Tensor(shape: [batch, paddedLength, channels]) { target in
      target.update(repeating: 0)
      input.withUnsafeBufferPointer { x in
        guard let from = x.baseAddress, let to = target.baseAddress else { return }
        for item in 0..<batch {
          (to + (item * paddedLength + before) * channels).update(
            from: from + item * length * channels, count: length * channels)
        }
      }
    }
  }
}
