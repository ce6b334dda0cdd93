/// The extents of one stride-1, unit-dilation 1-D correlation over a batch `[N, L, C]`.
///
/// Output `t` reads inputs `t − padBefore + k` for taps `k`, with zeros outside `0..<L`.
struct SequenceLine: Hashable, Sendable {
  /// Items `N`.
  let batch: Int
  /// Input positions `L`.
  let length: Int
  /// Zero positions before the input.
  let padBefore: Int
  /// Output positions `OL`.
  let outputLength: Int
}

/// A stride-1, unit-dilation 1-D correlation by Winograd's minimal filtering F(4, 4) (Lavin and
/// Gray, "Fast Algorithms for Convolutional Neural Networks", CVPR 2016, arXiv:1509.09308), the
/// kernel of `W` taps cut into `q = ⌈W / 4⌉` pieces of 4 taps (zeros past `W`).
///
/// ```
/// y[n, t, o] = b[o] + Σ_{k, c} x[n, t − padBefore + k, c] · K[k, c, o]
/// ```
///
/// Outputs come in tiles of 4. Piece `p` of tile `j` reads the 7 inputs from `4(j + p)` on:
/// source tile `j + p`'s window. Each source tile is transformed once, `V_u = Bᵀ d_u`, and the
/// `q` pieces become one product over `q` consecutive source tiles:
///
/// ```
/// M_ξ[j, o]    = Σ_{p < q} Σ_c V_ξ[j + p, c] · U_ξ[p, c, o],    U_ξ[p] = (G g_p)_ξ
/// y[4j + i, o] = b[o] + Σ_ξ Aᵀ[i, ξ] · M_ξ[j, o]
/// ```
///
/// Row `j` of `M_ξ`'s left factor is the `q·C` consecutive scalars of `V_ξ` from source tile `j`
/// on, so the 7 products read their rows in place
/// (``BLAS/gemm(rowsOf:rowStarts:transposeB:n:k:alpha:b:beta:c:)``). The multiplications per 4
/// outputs and channel pair drop from `4W` to `7q` (8 taps: from 32 to 14).
///
/// Accuracy: the transforms interpolate at 0, ±1, ±2, −½ and ∞ and scale by up to 10, so the
/// result is the direct sum up to a few float roundings of the largest term: within
/// `2e-5 · max |y|` of im2col on the tests' grid (asserted), about `3e-6` on DeepSEA-sized
/// layers (320 channels, 8 taps). Every entry depends only on its item's input, so results do
/// not depend on the batch, the blocks or the thread count.
struct SequenceWinograd: Sendable {
  /// `U`, `[7, q·C, O]`.
  let transformed: [Float]
  /// Pieces `q`.
  let pieces: Int
  /// Input channels `C`.
  let inputs: Int
  /// Output channels `O`.
  let outputs: Int

  /// Output rows per block of the 7 products (a block closes at the first run that reaches it):
  /// large enough that packing `U_ξ` costs a few percent of each product, small enough that a
  /// block's `V` and `M` stay a few tens of MiB (DeepSEA's widest: 22 MiB).
  private static let blockRows = 512

  /// Transforms a kernel.
  /// - Parameters:
  ///   - kernel: `[W, C, O]`.
  ///   - taps: `W`.
  ///   - inputs: `C`.
  ///   - outputs: `O`.
  init(kernel: UnsafeBufferPointer<Float>, taps: Int, inputs: Int, outputs: Int) {
    precondition(kernel.count == taps * inputs * outputs, "Winograd: kernel size mismatch")
    let pieces = (taps + 3) / 4
    let plane = pieces * inputs * outputs
    var transformed = [Float](repeating: 0, count: 7 * plane)
    for point in 0..<7 {
      for piece in 0..<pieces {
        for channel in 0..<inputs {
          for output in 0..<outputs {
            var sum = 0.0
            for tap in 0..<4 where 4 * piece + tap < taps {
              let weight = kernel[((4 * piece + tap) * inputs + channel) * outputs + output]
              sum += SequenceWinogradTransforms.g[point][tap] * Double(weight)
            }
            transformed[point * plane + (piece * inputs + channel) * outputs + output] =
              Float(sum)
          }
        }
      }
    }
    self.transformed = transformed
    self.pieces = pieces
    self.inputs = inputs
    self.outputs = outputs
  }

  /// Consecutive output tiles of one item.
  private struct Run {
    /// The item.
    let item: Int
    /// The run's output tiles.
    let tiles: Range<Int>
  }

  /// `y = b + x ⋆ K` over a batch.
  /// - Parameters:
  ///   - input: `[N, L, C]`.
  ///   - line: The extents.
  ///   - bias: `[O]`, or `nil`.
  ///   - output: `[N, OL, O]`; fully overwritten.
  func correlate(
    _ input: UnsafeBufferPointer<Float>, _ line: SequenceLine, bias: UnsafeBufferPointer<Float>?,
    into output: UnsafeMutableBufferPointer<Float>
  ) {
    let (c, o, q) = (inputs, outputs, pieces)
    precondition(input.count == line.batch * line.length * c, "Winograd: input size mismatch")
    precondition(
      output.count == line.batch * line.outputLength * o, "Winograd: output size mismatch")
    guard let x = input.baseAddress, let y = output.baseAddress, line.outputLength > 0 else {
      return
    }
    let tiles = (line.outputLength + 3) / 4
    let runLength = min(tiles, Self.blockRows)
    let runs = (0..<line.batch).flatMap { item in
      stride(from: 0, to: tiles, by: runLength).map {
        Run(item: item, tiles: $0..<min($0 + runLength, tiles))
      }
    }
    let (blocks, maxRows, maxSources) = Self.blocks(of: runs, pieces: q)
    let biasLanes = (0..<o).map { bias?[$0] ?? 0 }
    WinogradScratch.with(count: 7 * (maxSources * c + maxRows * o) + 7 * c) { scratch in
      transformed.withUnsafeBufferPointer { u in
        biasLanes.withUnsafeBufferPointer { b in
          guard let u = u.baseAddress, let b = b.baseAddress else { return }
          let buffers = Buffers(
            v: scratch, m: scratch + 7 * maxSources * c,
            window: scratch + 7 * (maxSources * c + maxRows * o), u: u, bias: b)
          for block in blocks { correlate(runs[block], x, line, buffers, into: y) }
        }
      }
    }
  }

  /// Consecutive runs grouped into blocks of at least ``blockRows`` output tiles (the last may
  /// hold fewer), with the most output tiles and source tiles of any block.
  private static func blocks(
    of runs: [Run], pieces: Int
  ) -> (blocks: [Range<Int>], maxRows: Int, maxSources: Int) {
    var blocks = [Range<Int>]()
    var (maxRows, maxSources) = (0, 0)
    var first = 0
    while first < runs.count {
      var (end, rows) = (first, 0)
      while end < runs.count && rows < blockRows {
        rows += runs[end].tiles.count
        end += 1
      }
      blocks.append(first..<end)
      maxRows = max(maxRows, rows)
      maxSources = max(maxSources, rows + (end - first) * (pieces - 1))
      first = end
    }
    return (blocks, maxRows, maxSources)
  }

  /// The scratch and operands of one call.
  private struct Buffers {
    /// `V`, `[7, sources, C]` for a block of `sources` source tiles.
    let v: UnsafeMutablePointer<Float>
    /// `M`, `[7, rows, O]` for a block of `rows` output tiles.
    let m: UnsafeMutablePointer<Float>
    /// 7 input rows with their zeros, for windows that reach past the input.
    let window: UnsafeMutablePointer<Float>
    /// `U`.
    let u: UnsafePointer<Float>
    /// The bias, zeros when the layer has none.
    let bias: UnsafePointer<Float>
  }

  /// One block of runs: input transform, the 7 products, output transform.
  private func correlate(
    _ block: ArraySlice<Run>, _ x: UnsafePointer<Float>, _ line: SequenceLine, _ buffers: Buffers,
    into y: UnsafeMutablePointer<Float>
  ) {
    let (c, o, q) = (inputs, outputs, pieces)
    let rows = block.reduce(0) { $0 + $1.tiles.count }
    let sources = rows + block.count * (q - 1)
    var rowStarts = [Int]()
    rowStarts.reserveCapacity(rows)
    var source = 0
    for run in block {
      for tile in run.tiles { rowStarts.append((source + tile - run.tiles.lowerBound) * c) }
      for tile in run.tiles.lowerBound..<(run.tiles.upperBound + q - 1) {
        transformInput(
          x, line, item: run.item, tile: tile, window: buffers.window,
          into: buffers.v + source * c, stride: sources * c)
        source += 1
      }
    }
    for point in 0..<7 {
      let isComputed = BLAS.gemm(
        rowsOf: UnsafeBufferPointer(start: buffers.v + point * sources * c, count: sources * c),
        rowStarts: rowStarts, n: o, k: q * c,
        b: UnsafeBufferPointer(start: buffers.u + point * q * c * o, count: q * c * o),
        c: UnsafeMutableBufferPointer(start: buffers.m + point * rows * o, count: rows * o))
      precondition(isComputed, "Winograd: needs a CKernels kernel")
    }
    var row = 0
    for run in block {
      for tile in run.tiles {
        transformOutput(
          buffers.m + row * o, stride: rows * o, bias: buffers.bias, line, item: run.item,
          tile: tile, into: y)
        row += 1
      }
    }
  }

  /// Writes `V_u = Bᵀ d_u` of source tile `u = tile` of `item`: 7 rows of `C` scalars.
  ///
  /// The rows are `stride` apart. A window that reaches past the input is first copied into
  /// `window` with its zeros.
  private func transformInput(
    _ x: UnsafePointer<Float>, _ line: SequenceLine, item: Int, tile: Int,
    window: UnsafeMutablePointer<Float>, into v: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let c = inputs
    let start = 4 * tile - line.padBefore
    let item = x + item * line.length * c
    var d = UnsafePointer(window)
    if start >= 0 && start + 7 <= line.length {
      d = item + start * c
    } else {
      for offset in 0..<7 {
        let position = start + offset
        if position >= 0 && position < line.length {
          (window + offset * c).update(from: item + position * c, count: c)
        } else {
          (window + offset * c).update(repeating: 0, count: c)
        }
      }
    }
    var channel = 0
    while channel + 16 <= c {
      SequenceWinogradTransforms.input(
        SIMD16<Float>.self, d + channel, channels: c, count: 16, into: v + channel, stride: stride)
      channel += 16
    }
    while channel < c {
      SequenceWinogradTransforms.input(
        SIMD4<Float>.self, d + channel, channels: c, count: min(4, c - channel),
        into: v + channel, stride: stride)
      channel += 4
    }
  }

  /// Writes `y[4j + i] = b + Σ_ξ Aᵀ[i, ξ] M_ξ[j]` of output tile `j = tile` of `item`, dropping
  /// positions past `OL`.
  private func transformOutput(
    _ m: UnsafePointer<Float>, stride: Int, bias: UnsafePointer<Float>, _ line: SequenceLine,
    item: Int, tile: Int, into y: UnsafeMutablePointer<Float>
  ) {
    let o = outputs
    let valid = min(4, line.outputLength - 4 * tile)
    let target = y + (item * line.outputLength + 4 * tile) * o
    var channel = 0
    while channel + 16 <= o {
      SequenceWinogradTransforms.output(
        SIMD16<Float>.self, m + channel, stride: stride, bias: bias + channel, count: 16,
        into: target + channel, channels: o, positions: valid)
      channel += 16
    }
    while channel < o {
      SequenceWinogradTransforms.output(
        SIMD4<Float>.self, m + channel, stride: stride, bias: bias + channel,
        count: min(4, o - channel), into: target + channel, channels: o, positions: valid)
      channel += 4
    }
  }
}
