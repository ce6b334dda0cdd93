extension FastISM {
  /// The lanes one filter block holds.
  typealias Block = SIMD8<Float>

  /// Per-sequence workspace, allocated once per chunk; filters padded to ``lanes``.
  struct Scratch {
    var z: [Float]  // [P, lanes] pre-activations
    var prefix: [Float]  // [P + 1, lanes] max (or sum) of activations before q
    var suffix: [Float]  // [P + 1, lanes] max (or sum) of activations from q on
    var change: [Float]  // [K, 4, lanes] Δ of each base at a position that is not one-hot

    init(positions: Int, lanes: Int, width: Int) {
      z = [Float](repeating: 0, count: positions * lanes)
      prefix = [Float](repeating: 0, count: (positions + 1) * lanes)
      suffix = [Float](repeating: 0, count: (positions + 1) * lanes)
      change = [Float](repeating: 0, count: width * 4 * lanes)
    }
  }

  /// `Δ[k, c, b, :] = W[k, b, :] − W[k, c, :]` for kernel `[K, 4, F]`, padded to whole blocks.
  static func changeTable(_ kernel: [Float], width: Int, filters: Int) -> [Float] {
    let lanes = (filters + Block.scalarCount - 1) / Block.scalarCount * Block.scalarCount
    var table = [Float](repeating: 0, count: width * 16 * lanes)
    for k in 0..<width {
      for c in 0..<4 {
        for b in 0..<4 {
          for f in 0..<filters {
            table[((k * 4 + c) * 4 + b) * lanes + f] =
              kernel[(k * 4 + b) * filters + f] - kernel[(k * 4 + c) * filters + f]
          }
        }
      }
    }
    return table
  }

  /// Writes the pooled vector of the original (first row) and of every mutant that moves it.
  ///
  /// Mutants whose pooled vector equals the original's value for value, and the observed base
  /// (`x = 1`), get slot −1 (their delta is exactly 0, see ``FastISM``); every other mutant gets
  /// the next row and its slot. The comparison runs on the registers that computed the
  /// mutant, so unchanged mutants cost no copy and no row of the remaining layers.
  ///
  /// A substitution at `l` to base `b` moves the pre-activation at each output position `q`
  /// whose window covers `l` by `Δ[k, c(l), b]`, `k = l + pad − q`; every other position keeps
  /// its activation, summarized by the prefix (before `first`) and suffix (after `last`)
  /// maxima or sums. ReLU before a max pool folds into one `max(0, …)`:
  /// `max_i relu(v_i) = max(0, max_i v_i)` for a nonempty set.
  ///
  /// Legend: P output positions, F filters (padded to `lanes`), K kernel width, l input
  /// position, q output position, c(l) the observed base.
  /// - Parameters:
  ///   - x: The item `[L, 4]`.
  ///   - zItem: Its pre-activation `[P, F]`.
  ///   - rows: Receives the original's row, then one row per changed mutant, `F` values each.
  ///   - slots: Receives, per mutant `l·4 + b`, `firstRow` plus its row's index, or −1.
  ///   - firstRow: The index of the original's row in the caller's matrix.
  ///   - scratch: The workspace.
  /// - Returns: The rows written (1 + the changed mutants).
  func pooledMutants(
    x: UnsafeBufferPointer<Float>, z zItem: UnsafeBufferPointer<Float>,
    into rows: UnsafeMutablePointer<Float>,
    slots: UnsafeMutablePointer<Int32>, firstRow: Int, scratch: inout Scratch
  ) -> Int {
    let (P, F, K, lanes) = (positions, filters, kernelWidth, lanes)
    let isMax = pooling == .maximum
    let identity = Block(repeating: isMax ? -.infinity : 0)
    let zero = Block(repeating: 0)
    let scale = Block(repeating: isMax ? 1 : 1 / Float(P))
    @inline(__always) func load(_ p: UnsafePointer<Float>) -> Block {
      UnsafeRawPointer(p).loadUnaligned(as: Block.self)
    }
    @inline(__always) func store(_ v: Block, _ p: UnsafeMutablePointer<Float>) {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: Block.self)
    }
    @inline(__always) func activate(_ v: Block) -> Block {
      isRectified ? v.replacing(with: 0, where: v .< 0) : v
    }
    @inline(__always) func combine(_ a: Block, _ b: Block) -> Block {
      isMax ? a.replacing(with: b, where: b .> a) : a + b
    }
    var written = 1
    scratch.z.withUnsafeMutableBufferPointer { zBuffer in
      scratch.prefix.withUnsafeMutableBufferPointer { prefixBuffer in
        scratch.suffix.withUnsafeMutableBufferPointer { suffixBuffer in
          scratch.change.withUnsafeMutableBufferPointer { changeBuffer in
            changes.withUnsafeBufferPointer { table in
              kernel.withUnsafeBufferPointer { w in
                guard let z = zBuffer.baseAddress, let prefix = prefixBuffer.baseAddress,
                  let suffix = suffixBuffer.baseAddress, let change = changeBuffer.baseAddress,
                  let delta = table.baseAddress, let zSource = zItem.baseAddress
                else { return }
                for q in 0..<P { (z + q * lanes).update(from: zSource + q * F, count: F) }
                for f in stride(from: 0, to: lanes, by: Block.scalarCount) {
                  store(identity, prefix + f)
                  store(identity, suffix + P * lanes + f)
                  for q in 0..<P {
                    store(
                      combine(load(prefix + q * lanes + f), activate(load(z + q * lanes + f))),
                      prefix + (q + 1) * lanes + f)
                  }
                  for q in stride(from: P - 1, through: 0, by: -1) {
                    store(
                      combine(
                        load(suffix + (q + 1) * lanes + f), activate(load(z + q * lanes + f))),
                      suffix + q * lanes + f)
                  }
                }
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 5 * lanes) { pooledBuffer in
                  guard let pooled = pooledBuffer.baseAddress else { return }
                  let original = pooled + 4 * lanes
                  for f in stride(from: 0, to: lanes, by: Block.scalarCount) {
                    store(load(prefix + P * lanes + f) * scale, original + f)
                  }
                  rows.update(from: original, count: F)
                  for l in 0..<length {
                    let first = max(0, l + padBefore - (K - 1))
                    let last = min(P - 1, l + padBefore)
                    var (ones, zeros, observed) = (0, 0, 0)
                    for c in 0..<4 {
                      if x[l * 4 + c] == 1 {
                        (ones, observed) = (ones + 1, c)
                      } else if x[l * 4 + c] == 0 {
                        zeros += 1
                      }
                    }
                    let isOneHot = ones == 1 && zeros == 3
                    guard first <= last else {
                      for b in 0..<4 { slots[l * 4 + b] = -1 }
                      continue
                    }
                    // Δ of base b through tap k: from the table (one-hot) or computed here.
                    let changeRows: UnsafePointer<Float>
                    let tapStride: Int
                    if isOneHot {
                      changeRows = delta + observed * 4 * lanes
                      tapStride = 16 * lanes
                    } else {
                      for k in 0..<K {
                        for b in 0..<4 {
                          let row = change + (k * 4 + b) * lanes
                          for f in 0..<lanes {
                            var old: Float = 0
                            if f < F {
                              for c in 0..<4 { old += x[l * 4 + c] * w[(k * 4 + c) * F + f] }
                            }
                            row[f] = f < F ? w[(k * 4 + b) * F + f] - old : 0
                          }
                        }
                      }
                      changeRows = UnsafePointer(change)
                      tapStride = 4 * lanes
                    }
                    // bit b: base b's pooled vector differs from the original's
                    var changedBases = 0
                    for f in stride(from: 0, to: lanes, by: Block.scalarCount) {
                      let outside = combine(
                        load(prefix + first * lanes + f), load(suffix + (last + 1) * lanes + f))
                      let start =
                        isMax && isRectified
                        ? outside.replacing(with: zero, where: zero .> outside) : outside
                      let reference = load(original + f)
                      if isMax && isOneHot {
                        // The observed base's mutant is the original: only the other three run.
                        let (b0, b1, b2) = (
                          observed == 0 ? 1 : 0, observed <= 1 ? 2 : 1, observed <= 2 ? 3 : 2
                        )
                        let (o0, o1, o2) = (b0 &* lanes, b1 &* lanes, b2 &* lanes)
                        var (p0, p1, p2) = (start, start, start)
                        for q in first...last {
                          let value = load(z + (q &* lanes &+ f))
                          let base = changeRows + ((l &+ padBefore &- q) &* tapStride &+ f)
                          p0 = combine(p0, value + load(base + o0))
                          p1 = combine(p1, value + load(base + o1))
                          p2 = combine(p2, value + load(base + o2))
                        }
                        store(p0 * scale, pooled + o0 + f)
                        store(p1 * scale, pooled + o1 + f)
                        store(p2 * scale, pooled + o2 + f)
                        store(reference, pooled + observed &* lanes + f)
                      } else {
                        var (a, c, g, t) = (start, start, start, start)
                        if isMax {
                          for q in first...last {
                            let value = load(z + (q &* lanes &+ f))
                            let base = changeRows + ((l &+ padBefore &- q) &* tapStride &+ f)
                            a = combine(a, value + load(base))
                            c = combine(c, value + load(base + lanes))
                            g = combine(g, value + load(base + 2 &* lanes))
                            t = combine(t, value + load(base + 3 &* lanes))
                          }
                        } else {
                          for q in first...last {
                            let value = load(z + (q &* lanes &+ f))
                            let base = changeRows + ((l &+ padBefore &- q) &* tapStride &+ f)
                            a += activate(value + load(base))
                            c += activate(value + load(base + lanes))
                            g += activate(value + load(base + 2 &* lanes))
                            t += activate(value + load(base + 3 &* lanes))
                          }
                        }
                        store(a * scale, pooled + f)
                        store(c * scale, pooled + lanes + f)
                        store(g * scale, pooled + 2 * lanes + f)
                        store(t * scale, pooled + 3 * lanes + f)
                      }
                      for b in 0..<4 {
                        let mutant: Block = load(pooled + (b &* lanes &+ f))
                        if any(mutant .!= reference) { changedBases |= 1 << b }
                      }
                    }
                    for b in 0..<4 {
                      guard changedBases & (1 << b) != 0, x[l * 4 + b] != 1 else {
                        slots[l * 4 + b] = -1
                        continue
                      }
                      slots[l * 4 + b] = Int32(truncatingIfNeeded: firstRow + written)
                      (rows + written * F).update(from: pooled + b * lanes, count: F)
                      written += 1
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return written
  }
}
