/// Windows of positions along the sequence axis of a batch: item `m` holds positions
/// `starts[m] ..< starts[m] + width` of a `[L, C]` activation, as `[M, width, C]`.
///
/// In-silico mutagenesis recomputes only such windows: a substitution at one input position
/// changes each local layer's output in a window around it (see ``LocalLayer``).
struct PositionWindows: Sendable {
  /// `[M, width, C]`, row-major.
  var values: [Float]
  /// The first position of each item's window.
  var starts: [Int]
  /// Positions per window.
  let width: Int
  /// Channels per position.
  let channels: Int

  /// The number of windows.
  var count: Int { starts.count }
}

/// A layer whose output at a position reads only a bounded window of input positions
/// (convolution, pooling, pointwise layers on `[L, C]`).
///
/// Legend: `L` input positions, `OL` output positions, `C`/`O` input/output channels,
/// `M` windows. For a convolution with `K` taps, stride `s`, dilation `d` and `p` padded
/// positions before the input, output `q` reads inputs `q·s − p + t·d` for `t < K`:
///
/// ```
/// inputs read by q0..<q1     = [q0·s − p, (q1 − 1)·s − p + (K − 1)·d + 1) ∩ [0, L)
/// outputs reading a0..<a1    = [⌈(a0 + p − (K − 1)·d) / s⌉, ⌊(a1 − 1 + p) / s⌋ + 1) ∩ [0, OL)
/// ```
///
/// Both ranges may be supersets (dilated taps can skip a position); recomputing an output that
/// did not change gives its value again.
protocol LocalLayer: Layer {
  /// The output positions whose window reads any of `inputs`.
  /// - Parameters:
  ///   - inputs: Input positions, within `0..<inputLength`.
  ///   - inputLength: `L`.
  /// - Returns: Output positions within `0..<OL`.
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int>

  /// The input positions that `outputs` read, clipped to `0..<inputLength`.
  /// - Parameters:
  ///   - outputs: Output positions within `0..<OL`.
  ///   - inputLength: `L`.
  /// - Returns: Input positions.
  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int>

  /// The outputs at `outputStarts[m] ..< outputStarts[m] + outputWidth` of every window.
  ///
  /// Window `m` of `input` must hold every real input position those outputs read; positions
  /// outside `0..<inputLength` are the layer's padding, as in ``Layer/forward(_:)``.
  /// - Parameters:
  ///   - input: The input windows `[M, W, C]`.
  ///   - inputLength: `L`.
  ///   - outputStarts: The first output position of each window.
  ///   - outputWidth: Output positions per window.
  /// - Returns: The output windows `[M, outputWidth, O]`.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows
}

/// A layer that maps each position on its own (activations, dropout, batch normalization).
protocol PointwiseLocalLayer: LocalLayer {}

extension PointwiseLocalLayer {
  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> { inputs }

  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> { outputs }

  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    let channels = input.channels
    let batch = Tensor(shape: [input.count, input.width, channels], scalars: input.values)
    let output = forward(batch)
    // Each output window is a sub-window of its input window.
    var values = [Float](repeating: 0, count: input.count * outputWidth * channels)
    output.withUnsafeBufferPointer { y in
      for m in 0..<input.count {
        let offset = outputStarts[m] - input.starts[m]
        precondition(
          offset >= 0 && offset + outputWidth <= input.width,
          "\(name): output window \(outputStarts[m])+\(outputWidth) outside input window \(input.starts[m])+\(input.width)"
        )
        let source = (m * input.width + offset) * channels
        let target = m * outputWidth * channels
        for j in 0..<(outputWidth * channels) { values[target + j] = y[source + j] }
      }
    }
    return PositionWindows(
      values: values, starts: outputStarts, width: outputWidth, channels: channels)
  }
}

/// Integer division rounding toward −∞.
@inline(__always) func floorDivision(_ a: Int, _ b: Int) -> Int {
  a >= 0 ? a / b : -((-a + b - 1) / b)
}

extension AxisWindow {
  /// The output positions whose window reads any of `inputs` (clipped to `0..<output`).
  func outputs(reading inputs: Range<Int>) -> Range<Int> {
    guard !inputs.isEmpty else { return 0..<0 }
    let first = -floorDivision(-(inputs.lowerBound + padBefore - (span - 1)), stride)
    let last = floorDivision(inputs.upperBound - 1 + padBefore, stride)
    let lower = max(0, first)
    return lower..<max(lower, min(output, last + 1))
  }

  /// The input positions `outputs` read, clipped to `0..<input`.
  func inputs(readBy outputs: Range<Int>) -> Range<Int> {
    guard !outputs.isEmpty else { return 0..<0 }
    let lower = max(0, outputs.lowerBound * stride - padBefore)
    let upper = min(input, (outputs.upperBound - 1) * stride - padBefore + span)
    return lower..<max(lower, upper)
  }
}

/// A local layer that is affine before its activation.
///
/// A change of its input moves the pre-activation by the layer's linear part applied to the
/// change alone:
///
/// ```
/// z'[q] = z[q] + Σ_{p changed} Σ_t [q·s − p_pad + t·d = p] (x'[p] − x[p])·K[t]
/// ```
///
/// Only the changed input positions are multiplied (for DeepSEA's third convolution 4 positions
/// instead of the 11-position window's 8 taps each).
protocol IncrementalLocalLayer: LocalLayer {
  /// The pre-activation of one original item `[1, L, C]`, as `[OL, O]` scalars.
  func preActivation(of input: Tensor) -> [Float]

  /// The outputs at `outputStarts[m] ..< outputStarts[m] + outputWidth` when the input changes
  /// only inside `change`'s windows.
  /// - Parameters:
  ///   - change: The new values of each item's changed input window `[M, W, C]`.
  ///   - original: The original input `[L, C]`.
  ///   - preActivation: ``preActivation(of:)`` of the original.
  ///   - inputLength: `L`.
  ///   - outputStarts: The first output position of each window; the output windows cover
  ///     every output that reads a changed position.
  ///   - outputWidth: Output positions per window.
  /// - Returns: `[M, outputWidth, O]`, activation applied.
  func forward(
    change: PositionWindows, original: [Float], preActivation: [Float], inputLength: Int,
    outputStarts: [Int],
    outputWidth: Int
  ) -> PositionWindows
}
