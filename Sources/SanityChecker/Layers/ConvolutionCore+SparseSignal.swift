extension ConvolutionCore {
  /// `col2im(δ·Kᵀ)` for a signal with few nonzeros, such as the gradient below a global max
  /// pool (one position per filter): each nonzero `δ[r, o]` adds `δ[r, o]·K[:, o]` to the
  /// inputs of window `r`.
  ///
  /// Equal to the dense product up to the order of float additions.
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `N·OH·OW·O` scalars.
  ///   - kernel: The kernel, `[KH·KW·C, O]` scalars.
  ///   - inputShape: The batched input shape of the result.
  /// - Returns: The signal at the input, or `nil` when more than `1/sparseShareLimit` of
  ///   `delta` is nonzero (then the dense product is faster; counting stops as soon as it sees
  ///   that).
  func sparseTransposedProduct(_ delta: Tensor, kernel: Tensor, inputShape: Shape) -> Tensor? {
    let (outputs, width, geometry) = (outputs, geometry.columnWidth, geometry)
    let share = sparseShareLimit
    let isSparse = delta.withUnsafeBufferPointer {
      SIMDRows.hasAtMost($0.count / share, nonzerosIn: $0)
    }
    guard isSparse else { return nil }
    // Kᵀ: one contiguous row of KH·KW·C weights per filter.
    var transposed = [Float](repeating: 0, count: width * outputs)
    kernel.withUnsafeBufferPointer { k in
      for column in 0..<width {
        for o in 0..<outputs { transposed[o * width + column] = k[column * outputs + o] }
      }
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

  /// The scatter is taken when at most `1/sparseShareLimit` of `δ` is nonzero: 1/3 for 2-D
  /// windows and for OpenBLAS (the crossover measured on the MNIST CNN, whose max pools leave
  /// about 1/4 nonzero), 1/10 for 1-D windows with a `CKernels` kernel, whose dense product runs
  /// about nine times the scatter's rate (DeepSEA's `conv1d_2` below a 4-wide max pool, 1/4
  /// nonzero: the scatter took 30% of a Saliency pass, more than the dense product would).
  var sparseShareLimit: Int {
    GEMMKernel.preferred == .openBLAS || geometry.height.input > 1 ? 3 : 10
  }

  /// Adds `δ[r, o]·Kᵀ[o]` to the inputs of window `r` for every nonzero `δ[r, o]`.
  ///
  /// Filters go in blocks whose `Kᵀ` rows fill at most ``filterBlockBytes``, each block over
  /// every window of an item, so a kernel larger than a core's L2 cache is read from memory
  /// once per block and item instead of once per window (DeepSEA's `conv1d_2`, 2,560 × 480:
  /// 4.9 MB). A kernel within one block (the MNIST and DeepBind models) keeps the window-major
  /// order: each input entry receives its terms in the same order as before blocking.
  ///
  /// Legend: `n` item, `oh`/`ow` output row/column, `kh`/`kw` tap, `C` channels, `O` filters.
  private static func scatter(
    _ d: UnsafeBufferPointer<Float>, _ kt: UnsafePointer<Float>,
    into x: UnsafeMutablePointer<Float>,
    _ geometry: WindowGeometry, outputs: Int
  ) {
    let (hAxis, wAxis, c) = (geometry.height, geometry.width, geometry.channels)
    let width = geometry.columnWidth
    let rowSpan = wAxis.kernel * c
    let rowsPerItem = hAxis.output * wAxis.output
    let blockSize = max(
      1, min(outputs, filterBlockBytes / max(1, width * MemoryLayout<Float>.stride)))
    guard let signal = d.baseAddress else { return }
    for n in 0..<geometry.batch {
      let item = x + n * hAxis.input * wAxis.input * c
      for blockStart in stride(from: 0, to: outputs, by: blockSize) {
        let block = blockStart..<min(outputs, blockStart + blockSize)
        for local in 0..<rowsPerItem {
          let row = n * rowsPerItem + local
          let values = signal + row &* outputs
          guard !SIMDRows.isZero(values + block.lowerBound, count: block.count) else { continue }
          let (oh, ow) = local.quotientAndRemainder(dividingBy: wAxis.output)
          let ih0 = oh * hAxis.stride - hAxis.padBefore
          let iw0 = ow * wAxis.stride - wAxis.padBefore
          let isRowContiguous = wAxis.dilation == 1 && iw0 >= 0 && iw0 + wAxis.kernel <= wAxis.input
          for o in block {
            let value = values[o]
            if value == 0 { continue }
            let weights = kt + o * width
            for kh in 0..<hAxis.kernel {
              let ih = ih0 + kh * hAxis.dilation
              guard ih >= 0, ih < hAxis.input else { continue }
              let taps = weights + kh * rowSpan
              if isRowContiguous {
                SIMDRows.add(
                  scaled: value, taps, to: item + (ih * wAxis.input + iw0) * c, count: rowSpan)
                continue
              }
              for kw in 0..<wAxis.kernel {
                let iw = iw0 + kw * wAxis.dilation
                guard iw >= 0, iw < wAxis.input else { continue }
                SIMDRows.add(
                  scaled: value, taps + kw * c, to: item + (ih * wAxis.input + iw) * c, count: c)
              }
            }
          }
        }
      }
    }
  }

  /// The most `Kᵀ` one filter block of ``scatter(_:_:into:_:outputs:)`` reads, 256 KiB: a
  /// quarter of a Zen or recent Intel core's L2, leaving room for the item's input signal.
  static let filterBlockBytes = 256 << 10

  /// `R / (z + ε·sign z)` where `R` is nonzero, 0 elsewhere, with `z` computed only there:
  /// `z[r, o] = b[o] + columns[r]·K[:, o]`.
  ///
  /// Returns `nil` when more than 1/16 of `R` is nonzero.
  /// - Parameters:
  ///   - relevance: The relevance at the pre-activation, `N·OH·OW·O` scalars.
  ///   - input: The input the forward pass saw.
  ///   - kernel: The kernel, `[KH·KW·C, O]` scalars.
  ///   - bias: The bias `[O]`, or `nil`.
  ///   - epsilon: The stabilizer ε.
  /// - Returns: The ratio `[N·OH·OW, O]`, equal to ``EpsilonLRP/stabilizedRatio(_:_:epsilon:)``
  ///   of the full pre-activation, with `z` summed in `Double` and rounded once.
  func sparseStabilizedRatio(
    _ relevance: Tensor, input: Tensor, kernel: Tensor, bias: Tensor?, epsilon: Float
  ) -> Tensor? {
    let isSparse = relevance.withUnsafeBufferPointer {
      SIMDRows.hasAtMost($0.count / 16, nonzerosIn: $0)
    }
    guard isSparse else { return nil }
    let (outputs, width, geometry) = (outputs, geometry.columnWidth, geometry)
    let (hAxis, wAxis, c) = (geometry.height, geometry.width, geometry.channels)
    var transposed = [Float](repeating: 0, count: width * outputs)  // Kᵀ, one row per filter
    kernel.withUnsafeBufferPointer { k in
      for column in 0..<width {
        for o in 0..<outputs { transposed[o * width + column] = k[column * outputs + o] }
      }
    }
    let biases = bias?.scalars ?? [Float](repeating: 0, count: outputs)
    return Tensor(shape: [geometry.outputPositions, outputs]) { ratio in
      ratio.update(repeating: 0)
      withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { gathered in
        relevance.withUnsafeBufferPointer { r in
          input.withUnsafeBufferPointer { x in
            transposed.withUnsafeBufferPointer { kt in
              guard let r = r.baseAddress, let x = x.baseAddress, let kt = kt.baseAddress,
                let gathered = gathered.baseAddress
              else { return }
              var row = 0
              for n in 0..<geometry.batch {
                let item = x + n * hAxis.input * wAxis.input * c
                for oh in 0..<hAxis.output {
                  for ow in 0..<wAxis.output {
                    defer { row += 1 }
                    let signal = r + row * outputs
                    guard !SIMDRows.isZero(signal, count: outputs) else { continue }
                    let column = Self.columnRow(item, oh: oh, ow: ow, geometry, gathering: gathered)
                    for o in 0..<outputs where signal[o] != 0 {
                      // In Double: z can be a small difference of large terms, and ε-LRP divides by it.
                      let weights = kt + o * width
                      var z = Double(biases[o])
                      for j in 0..<width { z += Double(column[j]) * Double(weights[j]) }
                      let stabilized = Float(z) + (Float(z) >= 0 ? epsilon : -epsilon)
                      ratio[row * outputs + o] = stabilized == 0 ? 0 : signal[o] / stabilized
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The im2col row of window `(oh, ow)` of one item: a pointer into the item when the window
  /// is one contiguous run (1-D, unit dilation, no padding), else gathered into `buffer`.
  private static func columnRow(
    _ item: UnsafePointer<Float>, oh: Int, ow: Int, _ geometry: WindowGeometry,
    gathering buffer: UnsafeMutablePointer<Float>
  ) -> UnsafePointer<Float> {
    let (hAxis, wAxis, c) = (geometry.height, geometry.width, geometry.channels)
    let ih0 = oh * hAxis.stride - hAxis.padBefore
    let iw0 = ow * wAxis.stride - wAxis.padBefore
    if hAxis.kernel == 1, ih0 >= 0, ih0 < hAxis.input, wAxis.dilation == 1, iw0 >= 0,
      iw0 + wAxis.kernel <= wAxis.input
    {
      return item + (ih0 * wAxis.input + iw0) * c
    }
    var j = 0
    for kh in 0..<hAxis.kernel {
      let ih = ih0 + kh * hAxis.dilation
      for kw in 0..<wAxis.kernel {
        let iw = iw0 + kw * wAxis.dilation
        let isInside = ih >= 0 && ih < hAxis.input && iw >= 0 && iw < wAxis.input
        for channel in 0..<c {
          buffer[j] = isInside ? item[(ih * wAxis.input + iw) * c + channel] : 0
          j += 1
        }
      }
    }
    return UnsafePointer(buffer)
  }
}
