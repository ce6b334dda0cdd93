extension IntegratedGradients {
  /// `Σ_k w_k δ_k` at the first layer's pre-activation for a model starting
  /// `Conv1D (linear or ReLU) → GlobalMaxPooling1D`, without the `[n, P, F]` activation, pooling
  /// and routing tensors of each step; `nil` for any other model.
  ///
  /// Along the path the pre-activation is `z_k = z' + α_k (z − z')` (``pathGradients(_:_:reference:units:alphas:weights:)``).
  /// Each step needs only, per item and filter, the pooled value `y[f] = max_q φ(z_k[q, f])` and
  /// the first position `q*` holding it; the head after the pooling gives `g = ∂f_t/∂y`, and the
  /// max pool and `φ` route it to one entry:
  ///
  /// ```
  /// δ_k[q, f] = g[f] · φ'(z_k[q*, f])   at q = q*,   0 elsewhere
  /// ```
  ///
  /// The point values, the maximum (first maximum wins), the head and `summed += w_k·δ_k` are the
  /// same float operations as the layer-by-layer step, so the result equals it value for value.
  /// With several target lists the points and the head's forward pass are shared, and the head
  /// runs backward once per list.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - activation: The first layer's activation.
  ///   - start: `z'`, `[n, P, F]`.
  ///   - slope: `z − z'`, `[n, P, F]`.
  ///   - units: Target lists, one target per item each.
  ///   - alphas: The path nodes α_k.
  ///   - weights: The weights w_k.
  /// - Returns: Per target list, the weighted pre-activation signal `[n, P, F]`, or `nil`.
  static func maxPooledPathSignals(
    _ model: Model, activation: Activation, start: Tensor, slope: Tensor, units: [[Int]],
    alphas: [Double],
    weights: [Double]
  ) -> [Tensor]? {
    guard model.isChain, model.layers.count >= 2, model.layers[1] is GlobalMaxPooling1D,
      start.shape.rank == 3,
      activation == .relu || activation == .linear,
      let head = try? Model(
        name: model.name, inputShape: model.shapes[2], layers: Array(model.layers.dropFirst(2)))
    else { return nil }
    let (items, positions, filters) = (start.shape[0], start.shape[1], start.shape[2])
    let isRectified = activation == .relu
    let seeds = units.map { head.targetSeed($0) }
    var summed = units.map { _ in Tensor(shape: start.shape) }
    var pooled = Tensor(shape: [items, filters])
    var winners = [Int32](repeating: 0, count: items * filters)
    for (alpha, weight) in zip(alphas, weights) {
      let (a, w) = (Float(alpha), Float(weight))
      start.withUnsafeBufferPointer { z0 in
        slope.withUnsafeBufferPointer { dz in
          pooled.withUnsafeMutableBufferPointer { y in
            winners.withUnsafeMutableBufferPointer { winner in
              guard let z0 = z0.baseAddress, let dz = dz.baseAddress, let y = y.baseAddress,
                let winner = winner.baseAddress
              else { return }
              for item in 0..<items {
                let offset = item * positions * filters
                pointMaximum(
                  start: z0 + offset, slope: dz + offset, alpha: a, positions: positions,
                  filters: filters,
                  isRectified: isRectified, into: y + item * filters,
                  winners: winner + item * filters)
              }
            }
          }
        }
      }
      let trace = head.trace(pooled)
      for (unit, seed) in seeds.enumerated() {
        let gradient = head.backward(trace, seed: seed, rule: .gradient)  // [n, F]
        summed[unit].withUnsafeMutableBufferPointer { total in
          gradient.withUnsafeBufferPointer { g in
            pooled.withUnsafeBufferPointer { y in
              for item in 0..<items {
                for f in 0..<filters {
                  let cell = item * filters + f
                  let delta = isRectified && y[cell] <= 0 ? 0 : g[cell]
                  total[(item * positions + Int(winners[cell])) * filters + f] += w * delta
                }
              }
            }
          }
        }
      }
    }
    return summed
  }

  /// `y[f] = max_q φ(z'[q, f] + α·dz[q, f])` and the first `q` holding it, for one item.
  @inline(__always)
  static func pointMaximum(
    start z0: UnsafePointer<Float>, slope dz: UnsafePointer<Float>, alpha a: Float, positions: Int,
    filters: Int,
    isRectified: Bool, into y: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>
  ) {
    typealias Row = SIMD16<Float>
    @inline(__always) func point(_ q: Int, _ f: Int) -> Row {
      let offset = (q &* filters &+ f) &* 4
      var v =
        UnsafeRawPointer(z0).loadUnaligned(fromByteOffset: offset, as: Row.self)
        + Row(repeating: a)
        * UnsafeRawPointer(dz).loadUnaligned(fromByteOffset: offset, as: Row.self)
      if isRectified { v.replace(with: 0, where: v .< 0) }
      return v
    }
    var f = 0
    while f &+ 16 <= filters {
      var best = point(0, f)
      var winner = SIMD16<Int32>(repeating: 0)
      for q in 1..<max(positions, 1) {
        let value = point(q, f)
        let isLarger = value .> best
        best.replace(with: value, where: isLarger)
        winner.replace(with: Int32(truncatingIfNeeded: q), where: isLarger)
      }
      UnsafeMutableRawPointer(y + f).storeBytes(of: best, as: Row.self)
      UnsafeMutableRawPointer(winners + f).storeBytes(of: winner, as: SIMD16<Int32>.self)
      f &+= 16
    }
    while f < filters {
      @inline(__always) func scalar(_ q: Int) -> Float {
        let v = z0[q &* filters &+ f] + a * dz[q &* filters &+ f]
        return isRectified && v < 0 ? 0 : v
      }
      var (best, winner) = (scalar(0), 0)
      for q in 1..<max(positions, 1) where scalar(q) > best { (best, winner) = (scalar(q), q) }
      y[f] = best
      winners[f] = Int32(truncatingIfNeeded: winner)
      f &+= 1
    }
  }
}
