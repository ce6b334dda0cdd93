extension Conv1D: LocalLayer {
  /// The axis geometry for an input of `length` positions.
  func axis(inputLength length: Int) -> AxisWindow {
    AxisWindow(
      input: length, kernel: kernelShape[0], stride: stride, dilation: dilation, padding: padding)
  }

  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    axis(inputLength: inputLength).outputs(reading: inputs)
  }

  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    axis(inputLength: inputLength).inputs(readBy: outputs)
  }

  /// Window im2col plus one `sgemm` for all windows, then the fused activation.
  ///
  /// Legend: M windows, OW output positions per window, K taps, C input channels, O filters;
  /// the column matrix is `[M·OW, K·C]` with zeros for padded taps, as in ``Im2Col``.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    let axis = axis(inputLength: inputLength)
    let (taps, channels, filters) = (kernelShape[0], kernelShape[1], kernelShape[2])
    let (count, width) = (input.count, taps * channels)
    let rows = count * outputWidth
    var columns = [Float](repeating: 0, count: rows * width)
    input.values.withUnsafeBufferPointer { x in
      columns.withUnsafeMutableBufferPointer { columns in
        for m in 0..<count {
          let base = m * input.width
          for j in 0..<outputWidth {
            let row = (m * outputWidth + j) * width
            let origin = (outputStarts[m] + j) * axis.stride - axis.padBefore
            for t in 0..<taps {
              let position = origin + t * axis.dilation
              guard position >= 0, position < inputLength else { continue }
              let local = position - input.starts[m]
              precondition(
                local >= 0 && local < input.width,
                "Conv1D '\(name)': position \(position) outside window \(input.starts[m])+\(input.width)"
              )
              let source = (base + local) * channels
              for c in 0..<channels { columns[row + t * channels + c] = x[source + c] }
            }
          }
        }
      }
    }
    var z = [Float](repeating: 0, count: rows * filters)
    z.withUnsafeMutableBufferPointer { z in
      if let bias = parameters["bias"] {
        bias.withUnsafeBufferPointer { b in
          guard let source = b.baseAddress, let target = z.baseAddress else { return }
          SIMDRows.broadcast(source, count: filters, into: target, rows: rows)
        }
      }
      columns.withUnsafeBufferPointer { a in
        kernel.withUnsafeBufferPointer { k in
          BLAS.gemm(
            m: rows, n: filters, k: width, a: a, b: k, beta: parameters["bias"] == nil ? 0 : 1, c: z
          )
        }
      }
      activation.apply(z, width: filters)
    }
    return PositionWindows(values: z, starts: outputStarts, width: outputWidth, channels: filters)
  }
}
