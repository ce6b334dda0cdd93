extension MaxPooling1D: LocalLayer {
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding).outputs(
      reading: inputs)
  }

  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding).inputs(
      readBy: outputs)
  }

  /// The maximum over each output's real inputs (padding never wins, as in ``forward(_:)``).
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    let axis = AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding)
    return input.pooled(
      axis: axis, outputStarts: outputStarts, outputWidth: outputWidth, isMaximum: true)
  }
}

extension AveragePooling1D: LocalLayer {
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding).outputs(
      reading: inputs)
  }

  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding).inputs(
      readBy: outputs)
  }

  /// The mean of each output's real inputs (padding is not counted, as in ``forward(_:)``).
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    let axis = AxisWindow(input: inputLength, kernel: poolSize, stride: stride, padding: padding)
    return input.pooled(
      axis: axis, outputStarts: outputStarts, outputWidth: outputWidth, isMaximum: false)
  }
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
