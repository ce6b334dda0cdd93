/// `Conv1D → GlobalMaxPooling1D` fused for exact one-hot batches: the pooled vector without the
/// `[P, F]` activation tensor.
///
/// With `z[q, :]` the first convolution's pre-activation (from the grouped one-hot lookup tables
/// of ``SparseChannelConvolution``, the same sums in the same order as the layer's own forward
/// pass) and `φ` its fused activation (linear or ReLU):
///
/// ```
/// y[f] = max_q φ(z[q, f]) = φ(max_q z[q, f])
/// ```
///
/// The swap holds exactly because ReLU is monotone non-decreasing (at worst a `−0` becomes `+0`,
/// which compares equal). Each item's `[P, F]` pre-activation lives only in a small workspace,
/// and the tables are built once per batch instead of once per chunk. ``Model/forward(_:)``
/// takes this path for every chunk whose items are all exact one-hot and falls back to the
/// layers otherwise, so results equal the layer-by-layer pass value for value.
///
/// Applies when the model's first layer is a `Conv1D` with stride 1, dilation 1, at least two
/// input channels and a linear or ReLU activation, directly followed by `GlobalMaxPooling1D`.
struct MaxPooledConvolution: Sendable {
  /// The window along the sequence.
  let axis: AxisWindow
  /// `C`.
  let channels: Int
  /// `F`.
  let filters: Int
  /// Whether `φ` is ReLU (else linear).
  let isRectified: Bool
  /// The kernel `[K, C, F]`.
  let kernel: [Float]
  /// The bias `[F]`, or `nil`.
  let bias: [Float]?
  /// The one-hot group tables of the kernel.
  let tables: SparseChannelConvolution.Tables

  /// The fused plan for `model`, or `nil` when the model does not start `Conv1D → GlobalMaxPooling1D`
  /// as described above.
  init?(model: Model) {
    guard model.isChain, model.layers.count >= 2, let convolution = model.layers[0] as? Conv1D,
      model.layers[1] is GlobalMaxPooling1D, convolution.stride == 1, convolution.dilation == 1,
      convolution.activation == .relu || convolution.activation == .linear,
      let kernel = convolution.parameters["kernel"], model.inputShape.rank == 2
    else { return nil }
    let (taps, channels, filters) = (kernel.shape[0], kernel.shape[1], kernel.shape[2])
    let axis = AxisWindow(input: model.inputShape[0], kernel: taps, padding: convolution.padding)
    guard channels >= 2, axis.output > 0,
      let tables = kernel.withUnsafeBufferPointer({
        SparseChannelConvolution.Tables(
          kernel: $0, taps: taps, channels: channels, filters: filters)
      })
    else { return nil }
    self.axis = axis
    self.channels = channels
    self.filters = filters
    self.isRectified = convolution.activation == .relu
    self.kernel = kernel.scalars
    self.bias = convolution.parameters["bias"]?.scalars
    self.tables = tables
  }

  /// `y = φ(max_q z[q, :])` for items `range` of a batch.
  /// - Parameters:
  ///   - input: `[N, L, C]`.
  ///   - range: The items to pool (all by default).
  /// - Returns: `[range.count, F]`, or `nil` when some of the items is not exact one-hot.
  func pooled(_ input: Tensor, items range: Range<Int>? = nil) -> Tensor? {
    let (length, positions, filters, channels) = (axis.input, axis.output, filters, channels)
    let range = range ?? 0..<input.batchSize
    let batch = range.count
    var isOneHot = true
    let isDirect = isDirect
    let result = Tensor(shape: [batch, filters]) { out in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * length) { workspace in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: length + positions * filters) {
          floats in
          guard let index = workspace.baseAddress, let value = floats.baseAddress,
            let y = out.baseAddress
          else {
            return
          }
          let z = value + length
          input.withUnsafeBufferPointer { x in
            kernel.withUnsafeBufferPointer { k in
              (bias ?? []).withUnsafeBufferPointer { b in
                guard let k = k.baseAddress else { return }
                let biasRow = bias == nil ? nil : b.baseAddress
                for item in 0..<batch {
                  let first = (range.lowerBound + item) * length * channels
                  let row = UnsafeBufferPointer(rebasing: x[first..<(first + length * channels)])
                  guard
                    SparseChannelConvolution.analyze(
                      row, channels: channels, index: index, value: value) == .oneHot
                  else {
                    isOneHot = false
                    return
                  }
                  if isDirect {
                    maximum16(
                      index: index, bias: biasRow, codes: index + length, into: y + item * filters)
                    continue
                  }
                  SparseChannelConvolution.oneHotForward(
                    index: index, tables: tables, kernel: k, bias: biasRow, axis: axis,
                    channels: channels,
                    filters: filters, codes: index + length, into: z)
                  Self.maximum(
                    z, positions: positions, filters: filters, isRectified: isRectified,
                    into: y + item * filters)
                }
              }
            }
          }
        }
      }
    }
    return isOneHot ? result : nil
  }

  /// `y[f] = φ(max_q z[q, f])`; a strictly larger value replaces the best, as in max pooling.
  @inline(__always)
  static func maximum(
    _ z: UnsafePointer<Float>, positions: Int, filters: Int, isRectified: Bool,
    into y: UnsafeMutablePointer<Float>
  ) {
    var f = 0
    while f &+ 16 <= filters {
      var best = UnsafeRawPointer(z + f).loadUnaligned(as: SIMD16<Float>.self)
      for q in 1..<max(positions, 1) {
        let value = UnsafeRawPointer(z + (q &* filters &+ f)).loadUnaligned(as: SIMD16<Float>.self)
        best.replace(with: value, where: value .> best)
      }
      if isRectified { best.replace(with: 0, where: best .< 0) }
      UnsafeMutableRawPointer(y + f).storeBytes(of: best, as: SIMD16<Float>.self)
      f &+= 16
    }
    while f < filters {
      var best = z[f]
      for q in 1..<max(positions, 1) where z[q &* filters &+ f] > best {
        best = z[q &* filters &+ f]
      }
      y[f] = isRectified && best < 0 ? 0 : best
      f &+= 1
    }
  }
}
