/// A 1-D windowed pooling layer (``MaxPooling1D``, ``AveragePooling1D``) as a ``LocalLayer``:
/// its window arithmetic is the ``AxisWindow`` of `poolSize`, `stride` and `padding`.
protocol LocalPooling1D: LocalLayer {
  /// The window length.
  var poolSize: Int { get }
  /// The window step.
  var stride: Int { get }
  /// The padding mode.
  var padding: Padding { get }
  /// Whether each window's statistic is its maximum (else the mean of its real inputs).
  static var isMaximum: Bool { get }
}

extension LocalPooling1D {
  /// The pooling geometry over an input axis of `inputLength` positions.
  private func axis(_ inputLength: Int) -> AxisWindow {
    AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding)
  }

  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    axis(inputLength).outputs(reading: inputs)
  }

  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    axis(inputLength).inputs(readBy: outputs)
  }

  /// The maximum (padding never wins) or the mean (padding is not counted) over each output's
  /// real inputs, as in ``Layer/forward(_:)``.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    input.pooled(
      axis: axis(inputLength), outputStarts: outputStarts, outputWidth: outputWidth,
      isMaximum: Self.isMaximum)
  }
}

extension MaxPooling1D: LocalPooling1D {
  /// Max pooling.
  static var isMaximum: Bool { true }
}

extension AveragePooling1D: LocalPooling1D {
  /// Average pooling.
  static var isMaximum: Bool { false }
}

extension PositionWindows {
  /// Max or mean pooling of each window over the real inputs of each output position.
  /// - Parameters:
  ///   - axis: The pooling geometry over the whole input axis.
  ///   - outputStarts: The first output position of each window.
  ///   - outputWidth: Output positions per window.
  ///   - isMaximum: Max pooling (else average).
  /// - Returns: `[M, outputWidth, C]`.
  func pooled(axis: AxisWindow, outputStarts: [Int], outputWidth: Int, isMaximum: Bool)
    -> PositionWindows
  {
    var result = [Float](repeating: 0, count: count * outputWidth * channels)
    values.withUnsafeBufferPointer { x in
      result.withUnsafeMutableBufferPointer { y in
        for m in 0..<count {
          for j in 0..<outputWidth {
            let range = axis.realRange(at: outputStarts[m] + j)
            let target = (m * outputWidth + j) * channels
            precondition(
              range.lowerBound >= starts[m] && range.upperBound <= starts[m] + width,
              "pooling: inputs \(range) outside window \(starts[m])+\(width)")
            for c in 0..<channels { y[target + c] = isMaximum ? -.infinity : 0 }
            for position in range {
              let source = (m * width + position - starts[m]) * channels
              for c in 0..<channels {
                y[target + c] =
                  isMaximum ? max(y[target + c], x[source + c]) : y[target + c] + x[source + c]
              }
            }
            if !isMaximum {
              let scale = 1 / Float(range.count)
              for c in 0..<channels { y[target + c] *= scale }
            }
          }
        }
      }
    }
    return PositionWindows(
      values: result, starts: outputStarts, width: outputWidth, channels: channels)
  }
}

extension ActivationLayer: PointwiseLocalLayer {}
extension Dropout: PointwiseLocalLayer {}
extension BatchNormalization: PointwiseLocalLayer {}
