extension ConvolutionCore {
  /// `col2im(δ·Kᵀ)` for a signal with few nonzeros, such as the gradient below a global max
  /// pool (one position per filter): each nonzero `δ[r, o]` adds `δ[r, o]·K[:, o]` to the
  /// inputs of window `r`. Equal to the dense product up to the order of float additions.
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `N·OH·OW·O` scalars.
  ///   - kernel: The kernel, `[KH·KW·C, O]` scalars.
  ///   - inputShape: The batched input shape of the result.
  /// - Returns: The signal at the input, or `nil` when more than 1/16 of `delta` is nonzero
  ///   (then the dense product is faster; counting stops as soon as it sees that).
  func sparseTransposedProduct(_ delta: Tensor, kernel: Tensor, inputShape: Shape) -> Tensor? {
    let (outputs, width, geometry) = (outputs, geometry.columnWidth, geometry)
    let isSparse = delta.withUnsafeBufferPointer { SIMDRows.hasAtMost($0.count / 16, nonzerosIn: $0) }
    guard isSparse else { return nil }
    // Kᵀ: one contiguous row of KH·KW·C weights per filter.
    var transposed = [Float](repeating: 0, count: width * outputs)
    kernel.withUnsafeBufferPointer { k in
      for column in 0..<width { for o in 0..<outputs { transposed[o * width + column] = k[column * outputs + o] } }
    }
    return Tensor(shape: inputShape) { x in
      x.update(repeating: 0)
      delta.withUnsafeBufferPointer { d in
        transposed.withUnsafeBufferPointer { kt in
          guard let x = x.baseAddress, let kt = kt.baseAddress else { return }
          Self.scatter(d, kt, into: x, geometry, outputs: outputs)
        }
      }
    }
  }

  /// Adds `δ[r, o]·Kᵀ[o]` to the inputs of window `r` for every nonzero `δ[r, o]`.
  ///
  /// Legend: `n` item, `oh`/`ow` output row/column, `kh`/`kw` tap, `C` channels, `O` filters.
  private static func scatter(
    _ d: UnsafeBufferPointer<Float>, _ kt: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    _ geometry: WindowGeometry, outputs: Int
  ) {
    let (hAxis, wAxis, c) = (geometry.height, geometry.width, geometry.channels)
    let width = geometry.columnWidth
    let rowSpan = wAxis.kernel * c
    var row = 0
    for n in 0..<geometry.batch {
      let item = x + n * hAxis.input * wAxis.input * c
      for oh in 0..<hAxis.output {
        let ih0 = oh * hAxis.stride - hAxis.padBefore
        for ow in 0..<wAxis.output {
          let iw0 = ow * wAxis.stride - wAxis.padBefore
          let isRowContiguous = wAxis.dilation == 1 && iw0 >= 0 && iw0 + wAxis.kernel <= wAxis.input
          defer { row += 1 }
          guard let signal = d.baseAddress, !SIMDRows.isZero(signal + row &* outputs, count: outputs) else { continue }
          for o in 0..<outputs {
            let value = d[row &* outputs &+ o]
            if value == 0 { continue }
            let weights = kt + o * width
            for kh in 0..<hAxis.kernel {
              let ih = ih0 + kh * hAxis.dilation
              guard ih >= 0, ih < hAxis.input else { continue }
              let taps = weights + kh * rowSpan
              if isRowContiguous {
                SIMDRows.add(scaled: value, taps, to: item + (ih * wAxis.input + iw0) * c, count: rowSpan)
                continue
              }
              for kw in 0..<wAxis.kernel {
                let iw = iw0 + kw * wAxis.dilation
                guard iw >= 0, iw < wAxis.input else { continue }
                SIMDRows.add(scaled: value, taps + kw * c, to: item + (ih * wAxis.input + iw) * c, count: c)
              }
            }
          }
        }
      }
    }
  }
}
