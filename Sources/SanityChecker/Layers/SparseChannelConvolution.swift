/// 1-D convolution kernels for inputs with at most one nonzero channel per position, such as
/// one-hot DNA `[N, L, 4]` and its scaled copies on an Integrated Gradients path.
///
/// With `c(l)` the nonzero channel of position `l` and `v(l)` its value, the pre-activation
/// needs one kernel row per tap instead of a product with the whole im2col row:
///
/// ```
/// z[q, :] = b + Σ_k v(l) · K[k, c(l), :],     l = q·s − p + k·d
/// ```
///
/// For exact one-hot input (`v = 1` everywhere) taps are further grouped `g` at a time into
/// lookup tables, `T_j[code] = Σ_{t<g} K[j·g + t, c_t, :]` with `code` the `g` channels read
/// as a base-`C` number (g = 3 for DNA: 64 entries per group), so each output position adds
/// `⌈K/g⌉` table rows. Both paths equal `im2col · K` up to the order of float additions.
///
/// Legend: `L` input length, `C` channels, `K` taps, `F` filters, `P` output positions,
/// `q` output position, `k` tap, `l` input position, `g` taps per group.
enum SparseChannelConvolution {
  /// What the input's channels look like.
  enum Pattern {
    /// Every position has exactly one channel equal to 1, the others 0.
    case oneHot
    /// Every position has at most one nonzero channel.
    case sparse
    /// Some position has several nonzero channels.
    case dense
  }

  /// The nonzero channel `c(l)` and value `v(l)` of every position, and the input's pattern.
  ///
  /// A position without a nonzero channel gets channel 0 and value 0.
  /// - Parameters:
  ///   - input: `[positions, C]`, row-major.
  ///   - channels: `C`.
  ///   - index: Receives `c(l)` for each position.
  ///   - value: Receives `v(l)` for each position.
  /// - Returns: The pattern; ``Pattern/dense`` leaves `index` and `value` unspecified.
  static func analyze(
    _ input: UnsafeBufferPointer<Float>, channels: Int, index: UnsafeMutablePointer<Int32>,
    value: UnsafeMutablePointer<Float>
  ) -> Pattern {
    let positions = input.count / channels
    var isOneHot = true
    if channels == 4, let x = input.baseAddress {
      for l in 0..<positions {
        let (a, c, g, t) = (x[4 &* l], x[4 &* l &+ 1], x[4 &* l &+ 2], x[4 &* l &+ 3])
        let (isC, isG, isT) = (c != 0 ? 1 : 0, g != 0 ? 1 : 0, t != 0 ? 1 : 0)
        let nonzero = (a != 0 ? 1 : 0) &+ isC &+ isG &+ isT
        if nonzero > 1 { return .dense }
        let total = (a + c) + (g + t)
        isOneHot = isOneHot && total == 1
        index[l] = Int32(truncatingIfNeeded: isC &+ 2 &* isG &+ 3 &* isT)
        value[l] = total
      }
      return isOneHot ? .oneHot : .sparse
    }
    for l in 0..<positions {
      var nonzero = 0
      var channel = 0
      for c in 0..<channels {
        let isNonzero = input[l &* channels &+ c] != 0
        nonzero &+= isNonzero ? 1 : 0
        channel = isNonzero ? c : channel
      }
      if nonzero > 1 { return .dense }
      let v = input[l &* channels &+ channel]
      isOneHot = isOneHot && v == 1
      index[l] = Int32(channel)
      value[l] = v
    }
    return isOneHot ? .oneHot : .sparse
  }

  /// `z = b + Σ_k v(l)·K[k, c(l), :]` for one item, any stride, dilation and padding.
  /// - Parameters:
  ///   - index: `c(l)` for the item's `L` positions.
  ///   - value: `v(l)` for the item's positions.
  ///   - kernel: `[K, C, F]`.
  ///   - bias: `[F]`, or `nil`.
  ///   - axis: The window along the sequence.
  ///   - channels: `C`.
  ///   - filters: `F`.
  ///   - z: `[P, F]`, overwritten.
  static func sparseForward(
    index: UnsafePointer<Int32>, value: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, axis: AxisWindow, channels: Int, filters: Int,
    into z: UnsafeMutablePointer<Float>
  ) {
    for q in 0..<axis.output {
      let row = z + q &* filters
      if let bias {
        row.update(from: bias, count: filters)
      } else {
        row.update(repeating: 0, count: filters)
      }
      let start = q &* axis.stride &- axis.padBefore
      for k in 0..<axis.kernel {
        let l = start &+ k &* axis.dilation
        guard l >= 0, l < axis.input else { continue }
        let v = value[l]
        if v == 0 { continue }
        SIMDRows.add(
          scaled: v, kernel + (k &* channels &+ Int(index[l])) &* filters, to: row, count: filters)
      }
    }
  }

  /// The grouped lookup tables of a kernel for exact one-hot input.
  struct Tables {
    /// Taps per group.
    let groupSize: Int
    /// `C^groupSize`, the entries of a full group.
    let entries: Int
    /// The groups' tables, group after group; the last group may hold fewer taps.
    let rows: [Float]
    /// The first tap of each group and its size.
    let groups: [(first: Int, size: Int, offset: Int)]

    /// Builds the tables of `kernel` `[K, C, F]`, or returns `nil` when they would exceed
    /// 256 KiB (then plain per-tap sums are used).
    init?(kernel: UnsafeBufferPointer<Float>, taps: Int, channels: Int, filters: Int) {
      var size = 1
      var entries = channels
      while size < taps, entries * channels <= 64 {
        size += 1
        entries *= channels
      }
      guard size > 1, entries * filters * ((taps + size - 1) / size) <= 65_536 else { return nil }
      groupSize = size
      self.entries = entries
      var groups: [(first: Int, size: Int, offset: Int)] = []
      var offset = 0
      for first in stride(from: 0, to: taps, by: size) {
        let tapCount = min(size, taps - first)
        groups.append((first, tapCount, offset))
        var count = 1
        for _ in 0..<tapCount { count *= channels }
        offset += count * filters
      }
      self.groups = groups
      var rows = [Float](repeating: 0, count: offset)
      rows.withUnsafeMutableBufferPointer { table in
        for group in groups {
          var count = 1
          for _ in 0..<group.size { count *= channels }
          for code in 0..<count {
            let row = group.offset + code * filters
            var rest = code
            for t in stride(from: group.size - 1, through: 0, by: -1) {
              let source = ((group.first + t) * channels + rest % channels) * filters
              rest /= channels
              for f in 0..<filters { table[row + f] += kernel[source + f] }
            }
          }
        }
      }
      self.rows = rows
    }
  }

  /// `z = b + Σ_groups T_j[code(q + j·g)]` for one exact one-hot item, stride 1, dilation 1.
  ///
  /// Positions whose window reaches into `same` padding add their inside taps one by one.
  /// - Parameters:
  ///   - index: `c(l)` for the item's `L` positions.
  ///   - tables: The kernel's group tables.
  ///   - kernel: `[K, C, F]`, for edge positions.
  ///   - bias: `[F]`, or `nil`.
  ///   - axis: The window along the sequence (stride and dilation 1).
  ///   - channels: `C`.
  ///   - filters: `F`.
  ///   - codes: Workspace of `2·L` codes.
  ///   - z: `[P, F]`, overwritten.
  static func oneHotForward(
    index: UnsafePointer<Int32>, tables: Tables, kernel: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, axis: AxisWindow, channels: Int, filters: Int,
    codes: UnsafeMutablePointer<Int32>, into z: UnsafeMutablePointer<Float>
  ) {
    let (length, taps) = (axis.input, axis.kernel)
    // codes[l] is the row offset `code · F` of the full group read at l; codes[L + l] that of the
    // last, shorter group (if any).
    let lastSize = tables.groups.last?.size ?? 0
    for (slot, size) in [(0, tables.groupSize), (length, lastSize)] where size > 0 {
      guard length >= size else { continue }
      // Slide the window: drop the leading channel's digit, append the next one.
      var high: Int32 = 1
      for _ in 0..<(size - 1) { high &*= Int32(channels) }
      var code: Int32 = 0
      for t in 0..<(size - 1) { code = code &* Int32(channels) &+ index[t] }
      if size == 3 {
        // Independent per position, so the loop pipelines (DNA: 64-entry groups).
        let (c1, c2) = (Int32(channels) &* Int32(channels), Int32(channels))
        for l in 0...(length - 3) {
          codes[slot &+ l] =
            (index[l] &* c1 &+ index[l &+ 1] &* c2 &+ index[l &+ 2]) &* Int32(filters)
        }
        continue
      }
      for l in 0...(length - size) {
        if l > 0 { code &-= index[l &- 1] &* high }
        code = code &* Int32(channels) &+ index[l &+ size &- 1]
        codes[slot &+ l] = code &* Int32(filters)
      }
    }
    let groupCount = tables.groups.count
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * groupCount) { workspace in
      guard let base = workspace.baseAddress else { return }
      // Per group: its table's offset and where its code sits relative to `start`.
      let (tableOffsets, codeOffsets, offsets) = (base, base + groupCount, base + 2 * groupCount)
      for (number, group) in tables.groups.enumerated() {
        tableOffsets[number] = group.offset
        codeOffsets[number] = (group.size != tables.groupSize ? length : 0) &+ group.first
      }
      tables.rows.withUnsafeBufferPointer { table in
        guard let rows = table.baseAddress else { return }
        let source = UnsafeRawPointer(rows)
        let zero = SIMD16<Float>(repeating: 0)
        let bias16 =
          filters == 16
          ? bias.map { UnsafeRawPointer($0).loadUnaligned(as: SIMD16<Float>.self) } ?? zero : zero
        for q in 0..<axis.output {
          let start = q &- axis.padBefore
          let row = z + q &* filters
          guard start >= 0, start &+ taps <= length else {
            if let bias {
              row.update(from: bias, count: filters)
            } else {
              row.update(repeating: 0, count: filters)
            }
            for k in 0..<taps where start &+ k >= 0 && start &+ k < length {
              SIMDRows.add(
                kernel + (k &* channels &+ Int(index[start &+ k])) &* filters, to: row,
                count: filters)
            }
            continue
          }
          if filters == 16 {
            // Two partial sums (even and odd groups) halve the dependency chain.
            var (even, odd) = (bias16, zero)
            var j = 0
            while j &+ 1 < groupCount {
              let first = tableOffsets[j] &+ Int(codes[codeOffsets[j] &+ start])
              let second = tableOffsets[j &+ 1] &+ Int(codes[codeOffsets[j &+ 1] &+ start])
              even += source.loadUnaligned(fromByteOffset: first &* 4, as: SIMD16<Float>.self)
              odd += source.loadUnaligned(fromByteOffset: second &* 4, as: SIMD16<Float>.self)
              j &+= 2
            }
            if j < groupCount {
              let last = tableOffsets[j] &+ Int(codes[codeOffsets[j] &+ start])
              even += source.loadUnaligned(fromByteOffset: last &* 4, as: SIMD16<Float>.self)
            }
            UnsafeMutableRawPointer(row).storeBytes(of: even + odd, as: SIMD16<Float>.self)
            continue
          }
          for j in 0..<groupCount {
            offsets[j] = tableOffsets[j] &+ Int(codes[codeOffsets[j] &+ start])
          }
          SIMDRows.sum(
            of: rows, at: UnsafeBufferPointer(start: offsets, count: groupCount), plus: bias,
            into: row,
            count: filters)
        }
      }
    }
  }
}
