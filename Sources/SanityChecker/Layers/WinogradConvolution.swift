/// The extents of one 3×3, stride-1 correlation over a batch `[N, H, W, C]`.
///
/// Output `(oh, ow)` reads inputs `oh − padTop + kh`, `ow − padLeft + kw` for taps
/// `kh, kw ∈ 0..<3`, with zeros outside the input. Outputs are covered by 2×2 tiles; an odd
/// output extent pads the last tile, whose extra outputs are computed and dropped.
struct WinogradPlane: Hashable, Sendable {
  /// Items `N`.
  let batch: Int
  /// Input rows `H`.
  let height: Int
  /// Input columns `W`.
  let width: Int
  /// Zero rows before the input.
  let padTop: Int
  /// Zero columns before the input.
  let padLeft: Int
  /// Output rows `OH`.
  let outputHeight: Int
  /// Output columns `OW`.
  let outputWidth: Int

  /// Tile rows per item, `⌈OH / 2⌉`.
  var tileRows: Int { (outputHeight + 1) / 2 }
  /// Tile columns per item, `⌈OW / 2⌉`.
  var tileColumns: Int { (outputWidth + 1) / 2 }
  /// Tiles over the batch.
  var tiles: Int { batch * tileRows * tileColumns }

  /// The item, tile row and tile column of a tile index (flattened over items, rows, columns).
  func position(ofTile tile: Int) -> (item: Int, row: Int, column: Int) {
    let (item, offset) = tile.quotientAndRemainder(dividingBy: tileRows * tileColumns)
    let (row, column) = offset.quotientAndRemainder(dividingBy: tileColumns)
    return (item, row, column)
  }
}

/// A 3×3, stride-1 correlation by Winograd's F(2×2, 3×3) (see ``WinogradTransforms``), with
/// the transformed kernel `U = G g Gᵀ` computed once.
///
/// ```
/// y[n, oh, ow, o] = b[o] + Σ_{kh, kw, c} x[n, oh − pt + kh, ow − pl + kw, c] · K[kh, kw, c, o]
/// ```
///
/// Tiles of all items are batched: per block of tiles, the input transform writes
/// `V[16, T, C]`, 16 `sgemm` calls form `M_ξ = V_ξ · U_ξ` and the output transform adds the
/// bias. The multiplications per 2×2 outputs drop from 36 to 16 per channel pair.
///
/// Accuracy: the transforms only add, subtract and halve (exact in binary), so the result is the
/// direct sum up to the rounding of a reordered float sum: within `1e-5 · max |y|` of im2col on
/// the tests' grid (channels 1–32, uniform data in [−1, 1]), where that bound is asserted.
struct WinogradConvolution: Sendable {
  /// `U`, `[16, C, O]`.
  let transformed: [Float]
  /// Input channels `C`.
  let inputs: Int
  /// Output channels `O`.
  let outputs: Int

  /// Transforms a kernel.
  /// - Parameters:
  ///   - kernel: `[3, 3, C, O]`.
  ///   - inputs: `C`.
  ///   - outputs: `O`.
  init(kernel: UnsafeBufferPointer<Float>, inputs: Int, outputs: Int) {
    self.transformed = WinogradTransforms.kernel(kernel, inputs: inputs, outputs: outputs)
    self.inputs = inputs
    self.outputs = outputs
  }

  /// Tiles per block: all tiles of a MNIST-sized chunk, with `V` and `M` at most 2 MiB
  /// (measured on the MNIST CNN: 15% faster than blocks of half a core's L2).
  private var blockTiles: Int { max(8, (1 << 19) / (16 * (inputs + outputs))) }

  /// `y = b + x ⋆ K` over a batch.
  /// - Parameters:
  ///   - input: `[N, H, W, C]`.
  ///   - plane: The extents.
  ///   - bias: `[O]`, or `nil`.
  ///   - output: `[N, OH, OW, O]`; fully overwritten.
  func correlate(
    _ input: UnsafeBufferPointer<Float>, _ plane: WinogradPlane, bias: UnsafeBufferPointer<Float>?,
    into output: UnsafeMutableBufferPointer<Float>
  ) {
    let (c, o) = (inputs, outputs)
    precondition(
      input.count == plane.batch * plane.height * plane.width * c, "Winograd: input size mismatch")
    precondition(
      output.count == plane.batch * plane.outputHeight * plane.outputWidth * o,
      "Winograd: output size mismatch")
    guard let y = output.baseAddress, plane.tiles > 0 else { return }
    let padded = WinogradPadding(plane)
    let biasLanes = (0..<o).map { bias?[$0] ?? 0 }
    padded.withTiles(input, channels: c) { x in
      let block = min(blockTiles, plane.tiles)
      WinogradScratch.with(count: 16 * block * (c + o)) { v in
        let m = v + 16 * block * c
        transformed.withUnsafeBufferPointer { u in
          biasLanes.withUnsafeBufferPointer { b in
            guard let u = u.baseAddress, let b = b.baseAddress else { return }
            var first = 0
            while first < plane.tiles {
              let count = min(block, plane.tiles - first)
              transformInputs(x, padded, tiles: first..<first + count, into: v)
              for point in 0..<16 {
                BLAS.gemm(
                  m: count, n: o, k: c,
                  a: UnsafeBufferPointer(start: v + point * count * c, count: count * c),
                  b: UnsafeBufferPointer(start: u + point * c * o, count: c * o),
                  c: UnsafeMutableBufferPointer(start: m + point * count * o, count: count * o))
              }
              transformOutputs(m, plane, tiles: first..<first + count, bias: b, into: y)
              first += count
            }
          }
        }
      }
    }
  }

  /// Writes `V = Bᵀ d B` of tiles `tiles` (flattened over items, rows, columns).
  private func transformInputs(
    _ x: UnsafePointer<Float>, _ padded: WinogradPadding, tiles: Range<Int>,
    into v: UnsafeMutablePointer<Float>
  ) {
    let c = inputs
    let stride = tiles.count * c
    let rowStride = padded.width * c
    for tile in tiles {
      let (item, tileRow, tileColumn) = padded.plane.position(ofTile: tile)
      let origin = x + ((item * padded.height + 2 * tileRow) * padded.width + 2 * tileColumn) * c
      let target = v + (tile - tiles.lowerBound) * c
      var channel = 0
      while channel + 8 <= c {
        WinogradTransforms.input(
          SIMD8<Float>.self, origin + channel, rowStride: rowStride, channels: c, count: 8,
          into: target + channel, stride: stride)
        channel += 8
      }
      while channel < c {
        WinogradTransforms.input(
          SIMD4<Float>.self, origin + channel, rowStride: rowStride, channels: c,
          count: min(4, c - channel),
          into: target + channel, stride: stride)
        channel += 4
      }
    }
  }

  /// Writes `Y = Aᵀ M A + b` of tiles `tiles`, dropping outputs beyond `OH × OW`.
  private func transformOutputs(
    _ m: UnsafePointer<Float>, _ plane: WinogradPlane, tiles: Range<Int>,
    bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>
  ) {
    let o = outputs
    let stride = tiles.count * o
    let (height, width) = (plane.outputHeight, plane.outputWidth)
    for tile in tiles {
      let (item, tileRow, tileColumn) = plane.position(ofTile: tile)
      let (row, column) = (2 * tileRow, 2 * tileColumn)
      let target = y + ((item * height + row) * width + column) * o
      let corners = (column + 1 < width, row + 1 < height)
      let source = m + (tile - tiles.lowerBound) * o
      var channel = 0
      while channel + 8 <= o {
        Self.write(
          SIMD8<Float>.self, source + channel, stride: stride, bias: bias + channel, count: 8,
          into: target + channel, rowStride: width * o, channels: o, corners: corners)
        channel += 8
      }
      while channel < o {
        Self.write(
          SIMD4<Float>.self, source + channel, stride: stride, bias: bias + channel,
          count: min(4, o - channel),
          into: target + channel, rowStride: width * o, channels: o, corners: corners)
        channel += 4
      }
    }
  }

  /// Stores one tile's outputs for `count` channels; `corners` says whether the right column
  /// and the bottom row exist.
  @inline(__always)
  private static func write<L: SIMD>(
    _: L.Type, _ source: UnsafePointer<Float>, stride: Int, bias: UnsafePointer<Float>, count: Int,
    into target: UnsafeMutablePointer<Float>, rowStride: Int, channels: Int, corners: (Bool, Bool)
  ) where L.Scalar == Float {
    let shift: L = WinogradTransforms.load(bias, count)
    let y: (L, L, L, L) = WinogradTransforms.output(
      source, stride: stride, bias: shift, count: count)
    WinogradTransforms.store(y.0, target, count)
    if corners.0 { WinogradTransforms.store(y.1, target + channels, count) }
    if corners.1 {
      WinogradTransforms.store(y.2, target + rowStride, count)
      if corners.0 { WinogradTransforms.store(y.3, target + rowStride + channels, count) }
    }
  }
}
