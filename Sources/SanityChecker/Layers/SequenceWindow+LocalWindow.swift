extension Cropping1D: LocalLayer {
  /// Output `q` reads input `q + start`: the inputs shifted back by `start`, clipped to the
  /// kept positions (a change in a cropped position reaches no output).
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    let kept = inputLength - start - end
    let lower = min(kept, max(0, inputs.lowerBound - start))
    return lower..<max(lower, min(kept, inputs.upperBound - start))
  }

  /// `outputs` shifted by `start`.
  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    (outputs.lowerBound + start)..<(outputs.upperBound + start)
  }

  /// Each output window copied from its input window, `start` positions further on.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    input.shifted(
      by: start, inputLength: inputLength, outputStarts: outputStarts, outputWidth: outputWidth)
  }
}

extension ZeroPadding1D: LocalLayer {
  /// Output `q` reads input `q − start`: the inputs shifted on by `start`.
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    (inputs.lowerBound + start)..<(inputs.upperBound + start)
  }

  /// `outputs` shifted back by `start`, clipped to the real inputs (padding reads nothing).
  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    let lower = min(inputLength, max(0, outputs.lowerBound - start))
    return lower..<max(lower, min(inputLength, outputs.upperBound - start))
  }

  /// Each output window copied from its input window, zeros at the padded positions.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    input.shifted(
      by: -start, inputLength: inputLength, outputStarts: outputStarts, outputWidth: outputWidth)
  }
}

extension PositionWindows {
  /// Output position `q` of window `m` holds input position `q + offset` (0 outside
  /// `0..<inputLength`), for `q` in `outputStarts[m] ..< outputStarts[m] + width`.
  /// - Parameters:
  ///   - offset: Input position minus output position.
  ///   - inputLength: `L`.
  ///   - outputStarts: The first output position of each window.
  ///   - outputWidth: Output positions per window.
  /// - Returns: `[M, width, C]`.
  func shifted(by offset: Int, inputLength: Int, outputStarts: [Int], outputWidth: Int)
    -> PositionWindows
  {
    var result = [Float](repeating: 0, count: count * outputWidth * channels)
    values.withUnsafeBufferPointer { x in
      result.withUnsafeMutableBufferPointer { y in
        for m in 0..<count {
          for j in 0..<outputWidth {
            let position = outputStarts[m] + j + offset
            guard position >= 0, position < inputLength else { continue }
            let local = position - starts[m]
            precondition(
              local >= 0 && local < width,
              "shift: input \(position) outside window \(starts[m])+\(width)")
            let (source, target) = (
              (m * width + local) * channels, (m * outputWidth + j) * channels
            )
            for c in 0..<channels { y[target + c] = x[source + c] }
          }
        }
      }
    }
    return PositionWindows(
      values: result, starts: outputStarts, width: outputWidth, channels: channels)
  }
}
