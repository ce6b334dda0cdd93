/// Routing to a window's first *near* maximum: the first input within a relative tolerance of
/// the window's maximum.
///
/// DeepLIFT's max-pooling rule (``DeepLIFT/MaxPoolingRule/differenceRouting``) sends the part
/// of a window's output difference where the reference wins to the reference's maximum. A zero
/// or constant reference gives every window of a convolution's output the same values per
/// channel, so that maximum is a tie, and PyTorch's pooling picks the first element. The
/// engine's convolutions (im2col, Winograd) may leave rounding differences of a few ulps between
/// positions of such a constant output, which would pick an element by rounding noise instead;
/// treating values within `tolerance·|max|` as tied picks the first, as PyTorch does.
protocol WindowedMaxPooling: Layer {
  /// Each window's signal routed to its first input within `tolerance·|max|` of the maximum.
  /// - Parameters:
  ///   - signal: `[N] + outputShape`.
  ///   - input: The forward input, `[N] + inputShape`.
  ///   - tolerance: The relative tolerance.
  /// - Returns: The routed signal, of `input`'s shape.
  func routeToFirstNearMaximum(_ signal: Tensor, input: Tensor, tolerance: Float) -> Tensor
}

extension MaxPooling1D: WindowedMaxPooling {
  func routeToFirstNearMaximum(_ signal: Tensor, input: Tensor, tolerance: Float) -> Tensor {
    pooling(input.shape).routeToFirstNearMaximum(signal, input: input, tolerance: tolerance)
  }
}

extension MaxPooling2D: WindowedMaxPooling {
  func routeToFirstNearMaximum(_ signal: Tensor, input: Tensor, tolerance: Float) -> Tensor {
    pooling(input.shape).routeToFirstNearMaximum(signal, input: input, tolerance: tolerance)
  }
}

extension Pooling {
  /// Each window's signal routed to its first input `x ≥ max − tolerance·|max|`.
  func routeToFirstNearMaximum(_ signal: Tensor, input: Tensor, tolerance: Float) -> Tensor {
    let geometry = geometry
    var routed = Tensor(shape: input.shape)
    routed.withUnsafeMutableBufferPointer { dx in
      signal.withUnsafeBufferPointer { s in
        input.withUnsafeBufferPointer { x in
          PoolingKernels.routeToFirstNearMaximum(s, input: x, into: dx, geometry, tolerance: tolerance)
        }
      }
    }
    return routed
  }
}

extension PoolingKernels {
  /// Adds each output's signal to its window's first input within `tolerance·|max|` of the
  /// window's maximum (scan order as ``maximum(_:into:_:)``). A window holding NaN routes nothing.
  /// - Parameters:
  ///   - signal: `[N, OH, OW, C]`.
  ///   - input: `[N, H, W, C]`, the forward input.
  ///   - inputSignal: `[N, H, W, C]`; entries are *added to*.
  ///   - geometry: The window geometry.
  ///   - tolerance: The relative tolerance.
  static func routeToFirstNearMaximum(
    _ signal: UnsafeBufferPointer<Float>, input: UnsafeBufferPointer<Float>,
    into inputSignal: UnsafeMutableBufferPointer<Float>, _ geometry: WindowGeometry,
    tolerance: Float
  ) {
    let (width, c) = (geometry.width.input, geometry.channels)
    forEachWindow(geometry) { out, item, rows, columns in
      for channel in 0..<c {
        var best = -Float.infinity
        for ih in rows {
          for iw in columns { best = max(best, input[item + (ih * width + iw) * c + channel]) }
        }
        let floor = best - tolerance * abs(best)
        var winner: Int?
        for ih in rows where winner == nil {
          for iw in columns where winner == nil {
            let index = item + (ih * width + iw) * c + channel
            if input[index] >= floor { winner = index }
          }
        }
        if let winner { inputSignal[winner] += signal[out + channel] }
      }
    }
  }
}
