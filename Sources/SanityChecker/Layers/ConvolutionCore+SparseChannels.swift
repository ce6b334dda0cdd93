extension ConvolutionCore {
  /// `z = X·K + b` from the input itself: through ``SparseChannelConvolution`` when the
  /// batch is 1-D with at most one nonzero channel per position (one-hot DNA and its scaled
  /// copies), else reading 1-D windows in place
  /// (``windowRowPreActivation(_:kernel:bias:)``), else through im2col and `sgemm`.
  /// - Parameters:
  ///   - input: The batch, `N·H·W·C` scalars.
  ///   - kernel: The kernel, `KH·KW·C·O` scalars.
  ///   - bias: The bias `[O]`, or `nil`.
  /// - Returns: The pre-activation `[N·OH·OW, O]`.
  func preActivation(of input: Tensor, kernel: Tensor, bias: Tensor?) -> Tensor {
    sparsePreActivation(input, kernel: kernel, bias: bias)
      ?? windowRowPreActivation(input, kernel: kernel, bias: bias)
      ?? preActivation(columns(input), kernel: kernel, bias: bias)
  }

  /// The sparse-channel pre-activation, or `nil` when the batch does not qualify.
  private func sparsePreActivation(_ input: Tensor, kernel: Tensor, bias: Tensor?) -> Tensor? {
    let (axis, channels, filters) = (geometry.width, geometry.channels, outputs)
    guard geometry.height.input == 1, geometry.height.kernel == 1, channels >= 2, axis.output > 0
    else {
      return nil
    }
    let (length, positions, batch) = (axis.input, axis.output, geometry.batch)
    let isContiguous = axis.stride == 1 && axis.dilation == 1
    let tables =
      isContiguous
      ? kernel.withUnsafeBufferPointer {
        SparseChannelConvolution.Tables(
          kernel: $0, taps: axis.kernel, channels: channels, filters: filters)
      } : nil
    var isSparse = true
    let z = Tensor(shape: [batch * positions, filters]) { z in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * length) { workspace in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: length) { values in
          guard let index = workspace.baseAddress, let value = values.baseAddress,
            let out = z.baseAddress
          else { return }
          input.withUnsafeBufferPointer { x in
            kernel.withUnsafeBufferPointer { k in
              (bias ?? Tensor(shape: [0])).withUnsafeBufferPointer { biasBuffer in
                guard let k = k.baseAddress else { return }
                let b = bias == nil ? nil : biasBuffer.baseAddress
                for item in 0..<batch {
                  let row = UnsafeBufferPointer(
                    rebasing: x[(item * length * channels)..<((item + 1) * length * channels)])
                  let pattern = SparseChannelConvolution.analyze(
                    row, channels: channels, index: index, value: value)
                  let target = out + item * positions * filters
                  switch (pattern, tables) {
                  case (.dense, _):
                    isSparse = false
                    return
                  case (.oneHot, .some(let tables)):
                    SparseChannelConvolution.oneHotForward(
                      index: index, tables: tables, kernel: k, bias: b, axis: axis,
                      channels: channels,
                      filters: filters, codes: index + length, into: target)
                  case (.oneHot, .none), (.sparse, _):
                    SparseChannelConvolution.sparseForward(
                      index: index, value: value, kernel: k, bias: b, axis: axis,
                      channels: channels,
                      filters: filters, into: target)
                  }
                }
              }
            }
          }
        }
      }
    }
    return isSparse ? z : nil
  }
}
