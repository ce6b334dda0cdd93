extension IntegratedGradients {
  /// `Σ_k w_k ∇f_t(x' + α_k (x − x'))` for one chunk: the weighted gradient sum along the path.
  ///
  /// When the model starts with an ``AffineLayer`` `y = φ(L(x) + b)`, the first layer's
  /// pre-activation along the path is the straight line `z' + α_k (z − z')`, so it is computed
  /// for the two end points only, each step runs the remaining layers from
  /// `φ(z' + α_k (z − z'))`, and the input gradient is one transposed product of the summed
  /// pre-activation signals, `Lᵀ(Σ_k w_k δ_k)`. This equals the step-by-step sum up to the order
  /// of float operations. A model starting `Conv1D → GlobalMaxPooling1D` takes
  /// ``maxPooledPathSignals(_:activation:start:slope:units:alphas:weights:)`` for the steps.
  /// With several target lists the path points are traced once and run backward once per list;
  /// each list's sum is the same float operations as alone.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - chunk: The inputs `[n] + inputShape`.
  ///   - reference: The baselines, of the chunk's shape.
  ///   - units: Target lists, one target per item each.
  ///   - alphas: The path nodes α_k.
  ///   - weights: The weights w_k.
  /// - Returns: Per target list, the weighted gradient sum, of the chunk's shape.
  static func pathGradients(
    _ model: Model, _ chunk: Tensor, reference: Tensor, units: [[Int]], alphas: [Double],
    weights: [Double]
  ) -> [Tensor] {
    let stepsPerBatch = stepsPerBatch(model, items: chunk.batchSize, steps: alphas.count)
    guard model.isChain, let first = model.layers.first as? any AffineLayer,
      !first.activation.needsInput,
      let rest = try? Model(
        name: model.name, inputShape: model.shapes[1], layers: Array(model.layers.dropFirst()))
    else {
      let difference = chunk.linearCombination(1, reference, -1)
      let repeated = units.map { Array(repeating: $0, count: stepsPerBatch).flatMap { $0 } }
      return summedOverPath(
        chunk.shape, units: units.count, alphas: alphas, weights: weights,
        stepsPerBatch: stepsPerBatch
      ) { group in
        let points = Tensor.concatenating(
          group.map { reference.linearCombination(1, difference, Float($0)) })
        let trace = model.trace(points)
        return repeated.map { targets in
          Gradient.inputSignal(
            model, trace, targets: Array(targets.prefix(points.batchSize)), rule: .gradient
          ).signal
        }
      }
    }
    let start = first.preActivationOutput(reference)
    let slope = first.preActivationOutput(chunk).linearCombination(1, start, -1)
    if let summed = maxPooledPathSignals(
      model, activation: first.activation, start: start, slope: slope, units: units,
      alphas: alphas, weights: weights)
    {
      return summed.map { first.linearInputGradient($0, inputShape: chunk.shape) }
    }
    let width = start.shape.dimensions.last ?? 1
    let seeds = units.map { targets in
      rest.targetSeed(Array(repeating: targets, count: stepsPerBatch).flatMap { $0 })
    }
    let summed = summedOverPath(
      start.shape, units: units.count, alphas: alphas, weights: weights,
      stepsPerBatch: stepsPerBatch
    ) { group in
      var points = Tensor(shape: start.shape.item.batched(group.count * start.batchSize))
      let size = start.shape.count
      start.withUnsafeBufferPointer { z0 in
        slope.withUnsafeBufferPointer { dz in
          points.withUnsafeMutableBufferPointer { z in
            guard let target = z.baseAddress, let origin = z0.baseAddress,
              let direction = dz.baseAddress
            else { return }
            for (step, alpha) in group.enumerated() {
              target.advanced(by: step * size).update(from: origin, count: size)
              SIMDRows.add(
                scaled: Float(alpha), direction, to: target.advanced(by: step * size), count: size)
            }
            first.activation.apply(z, width: width)
          }
        }
      }
      let trace = rest.trace(points)
      return seeds.map { seed in
        var delta = rest.backward(trace, seed: seed.items(0..<points.batchSize), rule: .gradient)
        points.withUnsafeBufferPointer { output in
          delta.withUnsafeMutableBufferPointer { d in
            first.activation.backward(d, output: output, width: width, rule: .gradient)
          }
        }
        return delta
      }
    }
    return summed.map { first.linearInputGradient($0, inputShape: chunk.shape) }
  }

  /// Path points per batch: as many steps of the chunk's items as fill ``Model/chunkSize`` rows,
  /// evened out over the batches (50 steps in rows of 16 go as 13, 13, 13, 11, not 16, 16, 16, 2:
  /// a short last batch would pay a whole `sgemm` packing of each Dense kernel for few rows).
  static func stepsPerBatch(_ model: Model, items: Int, steps: Int) -> Int {
    let most = max(1, model.chunkSize / max(1, items))
    let batches = (steps + most - 1) / most
    return max(1, (steps + batches - 1) / max(1, batches))
  }

  /// Items per chunk: ``Model/chunkSize`` over the steps, so that a chunk's steps fill batches
  /// and few sequences still make enough chunks for every thread; the whole chunk size for a
  /// model starting `Conv1D → GlobalMaxPooling1D`, whose path signal needs no batch per step
  /// (``maxPooledPathSignals(_:activation:start:slope:units:alphas:weights:)``).
  static func itemsPerChunk(_ model: Model, steps: Int) -> Int {
    if model.isChain, model.layers.count >= 2, model.layers[1] is GlobalMaxPooling1D {
      return model.chunkSize
    }
    return max(1, model.chunkSize / max(1, steps))
  }

  /// `Σ_k w_k δ_k` per target list with the steps evaluated `stepsPerBatch` at a time: `signals`
  /// returns, per list, the signals of a group of α's stacked step by step (`[g·n] + shape.item`),
  /// and they are added in step order, so each sum is the same float operations as one step at a
  /// time.
  private static func summedOverPath(
    _ shape: Shape, units: Int, alphas: [Double], weights: [Double], stepsPerBatch: Int,
    _ signals: ([Double]) -> [Tensor]
  ) -> [Tensor] {
    var summed = (0..<units).map { _ in Tensor(shape: shape) }
    let size = shape.count
    for groupStart in stride(from: 0, to: alphas.count, by: stepsPerBatch) {
      let group = groupStart..<min(alphas.count, groupStart + stepsPerBatch)
      for (unit, delta) in signals(Array(alphas[group])).enumerated() {
        summed[unit].withUnsafeMutableBufferPointer { total in
          delta.withUnsafeBufferPointer { d in
            guard let target = total.baseAddress, let source = d.baseAddress else { return }
            for (step, k) in group.enumerated() {
              SIMDRows.add(scaled: Float(weights[k]), source + step * size, to: target, count: size)
            }
          }
        }
      }
    }
    return summed
  }
}
