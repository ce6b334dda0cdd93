/// Tensor-free pooling kernels over a batch viewed as `[N, H, W, C]`.
///
/// Every window covers the *real* inputs of its rows and columns (``AxisWindow/realRange(at:)``):
/// padding is never read, so max pooling never selects it and average pooling divides by the
/// number of real inputs `K`, as TensorFlow does for `same` padding. Windows are scanned
/// row-major (rows, then columns), channels innermost; max pooling keeps the *first* maximum in
/// that order (later equal values do not replace it).
///
/// Legend: `n` item, `oh`/`ow` output row/column, `ih`/`iw` input row/column, `C` channels,
/// `K` real inputs in a window.
enum PoolingKernels {
  /// Calls `body` once per window, in output order.
  /// - Parameters:
  ///   - geometry: The window geometry.
  ///   - body: Receives the output offset of the window's channel 0, the input offset of the
  ///     window's item, and the real input rows and columns.
  @inline(__always)
  static func forEachWindow(
    _ geometry: WindowGeometry,
    _ body: (_ output: Int, _ item: Int, _ rows: Range<Int>, _ columns: Range<Int>) -> Void
  ) {
    let (hAxis, wAxis, c) = (geometry.height, geometry.width, geometry.channels)
    var output = 0
    for n in 0..<geometry.batch {
      let item = n * hAxis.input * wAxis.input * c
      for oh in 0..<hAxis.output {
        let rows = hAxis.realRange(at: oh)
        for ow in 0..<wAxis.output {
          body(output, item, rows, wAxis.realRange(at: ow))
          output += c
        }
      }
    }
  }

  /// `y = max over the window`, per channel (the first maximum wins ties).
  /// - Parameters:
  ///   - input: `[N, H, W, C]`.
  ///   - output: `[N, OH, OW, C]`, overwritten.
  ///   - geometry: The window geometry.
  static func maximum(
    _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
    _ geometry: WindowGeometry
  ) {
    let (width, c) = (geometry.width.input, geometry.channels)
    guard let x = input.baseAddress, let y = output.baseAddress else { return }
    forEachWindow(geometry) { out, item, rows, columns in
      let best = y + out
      let origin = x + item + (rows.lowerBound * width + columns.lowerBound) * c
      best.update(from: origin, count: c)
      var channel = 0
      // A strictly larger value replaces the best, so the first maximum (and a leading NaN)
      // stays; sixteen channels at a time are kept in registers.
      while channel &+ 16 <= c {
        var block = UnsafeRawPointer(origin + channel).loadUnaligned(as: SIMD16<Float>.self)
        for ih in rows {
          for iw in columns {
            let value = UnsafeRawPointer(x + item + (ih * width + iw) * c + channel).loadUnaligned(
              as: SIMD16<Float>.self)
            block.replace(with: value, where: value .> block)
          }
        }
        UnsafeMutableRawPointer(best + channel).storeBytes(of: block, as: SIMD16<Float>.self)
        channel &+= 16
      }
      if channel < c {
        for ih in rows {
          for iw in columns {
            let candidate = x + item + (ih * width + iw) * c
            for lane in channel..<c {
              best[lane] = candidate[lane] > best[lane] ? candidate[lane] : best[lane]
            }
          }
        }
      }
    }
  }

  /// Adds each output's signal to the input that was its window's first maximum.
  /// - Parameters:
  ///   - signal: `[N, OH, OW, C]`.
  ///   - input: `[N, H, W, C]`, the forward input.
  ///   - inputSignal: `[N, H, W, C]`; entries are *added to*.
  ///   - geometry: The window geometry.
  static func routeToMaximum(
    _ signal: UnsafeBufferPointer<Float>, input: UnsafeBufferPointer<Float>,
    into inputSignal: UnsafeMutableBufferPointer<Float>, _ geometry: WindowGeometry
  ) {
    let (width, c) = (geometry.width.input, geometry.channels)
    withUnsafeTemporaryAllocation(of: Int.self, capacity: c) { winner in
      forEachWindow(geometry) { out, item, rows, columns in
        winners(
          input, item: item, rows: rows, columns: columns, width: width, channels: c, into: winner)
        for channel in 0..<c { inputSignal[winner[channel]] += signal[out + channel] }
      }
    }
  }

  /// The input index of each channel's first maximum in one window.
  @inline(__always)
  private static func winners(
    _ input: UnsafeBufferPointer<Float>, item: Int, rows: Range<Int>, columns: Range<Int>,
    width: Int, channels c: Int, into winner: UnsafeMutableBufferPointer<Int>
  ) {
    guard let x = input.baseAddress else { return }
    let first = item + (rows.lowerBound * width + columns.lowerBound) * c
    var channel = 0
    // Sixteen, then four channels at a time: a strictly larger value takes the lane, so the
    // first maximum (and a leading NaN) stays.
    while channel &+ 16 <= c {
      blockWinners16(
        x, first: first, channel: channel, item: item,
        rows: rows, columns: columns, width: width, channels: c, into: winner)
      channel &+= 16
    }
    while channel &+ 4 <= c {
      blockWinners4(
        x, first: first, channel: channel, item: item,
        rows: rows, columns: columns, width: width, channels: c, into: winner)
      channel &+= 4
    }
    for channel in channel..<c {
      var best = x[first &+ channel]
      winner[channel] = first &+ channel
      for ih in rows {
        for iw in columns {
          let base = item &+ (ih &* width &+ iw) &* c &+ channel
          if x[base] > best {
            best = x[base]
            winner[channel] = base
          }
        }
      }
    }
  }

  /// The first-maximum winners of the 16 channels from `channel` on.
  @inline(__always)
  private static func blockWinners16(
    _ x: UnsafePointer<Float>, first: Int, channel: Int, item: Int,
    rows: Range<Int>, columns: Range<Int>, width: Int, channels c: Int,
    into winner: UnsafeMutableBufferPointer<Int>
  ) {
    let origin = first &+ channel
    var best = UnsafeRawPointer(x + origin).loadUnaligned(as: SIMD16<Float>.self)
    var lanes = SIMD16<Int32>()
    for lane in 0..<SIMD16<Int32>.scalarCount { lanes[lane] = Int32(truncatingIfNeeded: lane) }
    var offset = lanes  // from `origin`
    for ih in rows {
      for iw in columns {
        let base = item &+ (ih &* width &+ iw) &* c &+ channel
        let value = UnsafeRawPointer(x + base).loadUnaligned(as: SIMD16<Float>.self)
        let isLarger = value .> best
        best.replace(with: value, where: isLarger)
        offset.replace(
          with: lanes &+ SIMD16<Int32>(repeating: Int32(truncatingIfNeeded: base &- origin)),
          where: isLarger)
      }
    }
    for lane in 0..<SIMD16<Int32>.scalarCount {
      winner[channel &+ lane] = origin &+ Int(offset[lane])
    }
  }

  /// The first-maximum winners of the 4 channels from `channel` on.
  @inline(__always)
  private static func blockWinners4(
    _ x: UnsafePointer<Float>, first: Int, channel: Int, item: Int,
    rows: Range<Int>, columns: Range<Int>, width: Int, channels c: Int,
    into winner: UnsafeMutableBufferPointer<Int>
  ) {
    let origin = first &+ channel
    var best = UnsafeRawPointer(x + origin).loadUnaligned(as: SIMD4<Float>.self)
    var lanes = SIMD4<Int32>()
    for lane in 0..<SIMD4<Int32>.scalarCount { lanes[lane] = Int32(truncatingIfNeeded: lane) }
    var offset = lanes  // from `origin`
    for ih in rows {
      for iw in columns {
        let base = item &+ (ih &* width &+ iw) &* c &+ channel
        let value = UnsafeRawPointer(x + base).loadUnaligned(as: SIMD4<Float>.self)
        let isLarger = value .> best
        best.replace(with: value, where: isLarger)
        offset.replace(
          with: lanes &+ SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: base &- origin)),
          where: isLarger)
      }
    }
    for lane in 0..<SIMD4<Int32>.scalarCount {
      winner[channel &+ lane] = origin &+ Int(offset[lane])
    }
  }

  /// `y = (1/K)·Σ x` over the window's real inputs, per channel.
  /// - Parameters:
  ///   - input: `[N, H, W, C]`.
  ///   - output: `[N, OH, OW, C]`, overwritten.
  ///   - geometry: The window geometry.
  static func average(
    _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
    _ geometry: WindowGeometry
  ) {
    let (width, c) = (geometry.width.input, geometry.channels)
    forEachWindow(geometry) { out, item, rows, columns in
      for channel in 0..<c { output[out + channel] = 0 }
      for ih in rows {
        for iw in columns {
          let base = item + (ih * width + iw) * c
          for channel in 0..<c { output[out + channel] += input[base + channel] }
        }
      }
      let scale = 1 / Float(rows.count * columns.count)
      for channel in 0..<c { output[out + channel] *= scale }
    }
  }

  /// Adds `s/K` to each real input of each window (the average's gradient).
  /// - Parameters:
  ///   - signal: `[N, OH, OW, C]`.
  ///   - inputSignal: `[N, H, W, C]`; entries are *added to*.
  ///   - geometry: The window geometry.
  static func spreadEvenly(
    _ signal: UnsafeBufferPointer<Float>, into inputSignal: UnsafeMutableBufferPointer<Float>,
    _ geometry: WindowGeometry
  ) {
    let (width, c) = (geometry.width.input, geometry.channels)
    forEachWindow(geometry) { out, item, rows, columns in
      let scale = 1 / Float(rows.count * columns.count)
      for ih in rows {
        for iw in columns {
          let base = item + (ih * width + iw) * c
          for channel in 0..<c { inputSignal[base + channel] += signal[out + channel] * scale }
        }
      }
    }
  }

  /// Adds `x_i·R / (Σx + ε·sign Σx)` to each real input of each window (`sign(0) = +1`).
  /// - Parameters:
  ///   - relevance: `[N, OH, OW, C]`.
  ///   - input: `[N, H, W, C]`, the forward input.
  ///   - inputRelevance: `[N, H, W, C]`; entries are *added to*.
  ///   - geometry: The window geometry.
  ///   - epsilon: The stabilizer ε.
  static func spreadProportionally(
    _ relevance: UnsafeBufferPointer<Float>, input: UnsafeBufferPointer<Float>,
    into inputRelevance: UnsafeMutableBufferPointer<Float>, _ geometry: WindowGeometry,
    epsilon: Float
  ) {
    let (width, c) = (geometry.width.input, geometry.channels)
    withUnsafeTemporaryAllocation(of: Float.self, capacity: c) { ratio in
      forEachWindow(geometry) { out, item, rows, columns in
        for channel in 0..<c { ratio[channel] = 0 }
        for ih in rows {
          for iw in columns {
            let base = item + (ih * width + iw) * c
            for channel in 0..<c { ratio[channel] += input[base + channel] }
          }
        }
        for channel in 0..<c {
          let denominator = ratio[channel] + (ratio[channel] >= 0 ? epsilon : -epsilon)
          ratio[channel] = denominator == 0 ? 0 : relevance[out + channel] / denominator
        }
        for ih in rows {
          for iw in columns {
            let base = item + (ih * width + iw) * c
            for channel in 0..<c {
              inputRelevance[base + channel] += input[base + channel] * ratio[channel]
            }
          }
        }
      }
    }
  }
}
