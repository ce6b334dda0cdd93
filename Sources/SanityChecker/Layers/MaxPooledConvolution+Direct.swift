extension MaxPooledConvolution {
  /// Whether ``maximum16(index:bias:codes:into:)`` applies: 16 filters, 4 channels, no padding
  /// and every tap group of 3 taps (64-entry tables).
  var isDirect: Bool {
    filters == 16 && channels == 4 && axis.padBefore == 0
      && axis.output == axis.input - axis.kernel + 1
      && tables.groupSize == 3 && tables.groups.allSatisfy { $0.size == 3 }
  }

  /// `y = φ(max_q z[q, :])` for one one-hot item with 16 filters, `z` summed in registers and never
  /// stored.
  ///
  /// `z[q, :] = (b + T_0 + T_2 + …) + (T_1 + T_3 + …)` with `T_j` the row of group `j`'s table at
  /// the code of bases `q + 3j …​ q + 3j + 2`: the same partial sums in the same order as
  /// ``SparseChannelConvolution/oneHotForward(index:tables:kernel:bias:axis:channels:filters:codes:into:)``,
  /// so every `z` is bit for bit the layer's.
  /// - Parameters:
  ///   - index: `c(l)` for the item's `L` positions.
  ///   - bias: `[16]`, or `nil`.
  ///   - codes: Workspace of `L` codes.
  ///   - y: `[16]`, overwritten.
  func maximum16(
    index: UnsafePointer<Int32>, bias: UnsafePointer<Float>?, codes: UnsafeMutablePointer<Int32>,
    into y: UnsafeMutablePointer<Float>
  ) {
    typealias Row = SIMD16<Float>
    let (length, groupCount) = (axis.input, tables.groups.count)
    // codes[l]: the byte offset of the 3 bases at l within one group's table (64 rows of 64 bytes).
    for l in 0...(length - 3) {
      codes[l] = (index[l] &* 16 &+ index[l &+ 1] &* 4 &+ index[l &+ 2]) &* 64
    }
    let zero = Row(repeating: 0)
    let start = bias.map { UnsafeRawPointer($0).loadUnaligned(as: Row.self) } ?? zero
    tables.rows.withUnsafeBufferPointer { table in
      guard let rows = table.baseAddress else { return }
      let source = UnsafeRawPointer(rows)
      @inline(__always) func row(_ group: Int, _ q: Int) -> Row {
        source.loadUnaligned(
          fromByteOffset: group &* 4096 &+ Int(codes[q &+ 3 &* group]), as: Row.self)
      }
      var best = Row(repeating: -.infinity)
      for q in 0..<axis.output {
        var (even, odd) = (start, zero)
        var j = 0
        if groupCount == 8 {
          even += row(0, q)
          odd += row(1, q)
          even += row(2, q)
          odd += row(3, q)
          even += row(4, q)
          odd += row(5, q)
          even += row(6, q)
          odd += row(7, q)
          j = 8
        }
        while j &+ 1 < groupCount {
          even += row(j, q)
          odd += row(j &+ 1, q)
          j &+= 2
        }
        if j < groupCount { even += row(j, q) }
        let z = even + odd
        best.replace(with: z, where: z .> best)
      }
      if isRectified { best.replace(with: 0, where: best .< 0) }
      UnsafeMutableRawPointer(y).storeBytes(of: best, as: Row.self)
    }
  }
}
