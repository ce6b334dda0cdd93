extension TransposedConvolution1D: LocalLayer {
  /// Full positions `f = j + p₀` that inputs `a0..<a1` reach: `[a0·s, (a1 − 1)·s + (W − 1)·d]`,
  /// moved to output positions and clipped to `0..<OL`.
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    guard !inputs.isEmpty else { return 0..<0 }
    let outputs = outputLength(inputLength)
    let lower = max(0, inputs.lowerBound * stride - cropStart)
    let upper = min(
      outputs, (inputs.upperBound - 1) * stride + (kernelShape[0] - 1) * dilation + 1 - cropStart)
    return min(lower, outputs)..<max(min(lower, outputs), upper)
  }

  /// Inputs `q` with `q·s + t·d = j + p₀` for some tap `t`, over outputs `j0..<j1`:
  /// `[⌈(j0 + p₀ − (W − 1)·d) / s⌉, ⌊(j1 − 1 + p₀) / s⌋]`, clipped to `0..<L`.
  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    guard !outputs.isEmpty else { return 0..<0 }
    let span = (kernelShape[0] - 1) * dilation
    let lower = max(0, -floorDivision(-(outputs.lowerBound + cropStart - span), stride))
    let upper = min(inputLength, floorDivision(outputs.upperBound - 1 + cropStart, stride) + 1)
    return min(lower, inputLength)..<max(min(lower, inputLength), upper)
  }

  /// The outputs of each window, summed tap by tap.
  ///
  /// Legend: M windows, OW output positions per window, W taps, I input channels, O filters;
  /// output `j` reads input `q = (j + p₀ − t·d) / s` where that is a whole number in `0..<L`.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    let (taps, filters, channels) = (kernelShape[0], kernelShape[1], kernelShape[2])
    let bias = parameters["bias"]?.scalars ?? [Float](repeating: 0, count: filters)
    var z = [Float](repeating: 0, count: input.count * outputWidth * filters)
    input.values.withUnsafeBufferPointer { x in
      kernel.withUnsafeBufferPointer { k in
        z.withUnsafeMutableBufferPointer { z in
          for m in 0..<input.count {
            for j in 0..<outputWidth {
              let target = (m * outputWidth + j) * filters
              for o in 0..<filters { z[target + o] = bias[o] }
              let full = outputStarts[m] + j + cropStart
              for t in 0..<taps {
                let offset = full - t * dilation
                guard offset >= 0, offset % stride == 0, offset / stride < inputLength else {
                  continue
                }
                let local = offset / stride - input.starts[m]
                precondition(
                  local >= 0 && local < input.width,
                  "TransposedConvolution1D '\(name)': input \(offset / stride) outside window")
                let source = (m * input.width + local) * channels
                for o in 0..<filters {
                  let row = (t * filters + o) * channels
                  var sum: Float = 0
                  for i in 0..<channels { sum += x[source + i] * k[row + i] }
                  z[target + o] += sum
                }
              }
            }
          }
          activation.apply(z, width: filters)
        }
      }
    }
    return PositionWindows(values: z, starts: outputStarts, width: outputWidth, channels: filters)
  }
}
