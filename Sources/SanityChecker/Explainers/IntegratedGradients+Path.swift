extension IntegratedGradients {
  /// `Σ_k w_k ∇f_t(x' + α_k (x − x'))` for one chunk: the weighted gradient sum along the path.
  ///
  /// When the model starts with an ``AffineLayer`` `y = φ(L(x) + b)`, the first layer's
  /// pre-activation along the path is the straight line `z' + α_k (z − z')`, so it is computed
  /// for the two end points only, each step runs the remaining layers from
  /// `φ(z' + α_k (z − z'))`, and the input gradient is one transposed product of the summed
  /// pre-activation signals, `Lᵀ(Σ_k w_k δ_k)`. This equals the step-by-step sum up to the order
  /// of float operations. A model starting `Conv1D → GlobalMaxPooling1D` takes
  /// ``maxPooledPathSignal(_:activation:start:slope:targets:alphas:weights:)`` for the steps.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - chunk: The inputs `[n] + inputShape`.
  ///   - reference: The baselines, of the chunk's shape.
  ///   - targets: One target per item.
  ///   - alphas: The path nodes α_k.
  ///   - weights: The weights w_k.
  /// - Returns: The weighted gradient sum, of the chunk's shape.
  static func pathGradient(
    _ model: Model, _ chunk: Tensor, reference: Tensor, targets: [Int], alphas: [Double], weights: [Double]
  ) -> Tensor {
    guard let first = model.layers.first as? any AffineLayer,
      let rest = try? Model(name: model.name, inputShape: model.shapes[1], layers: Array(model.layers.dropFirst()))
    else {
      let difference = chunk.linearCombination(1, reference, -1)
      var accumulated = Tensor(shape: chunk.shape)
      for (alpha, weight) in zip(alphas, weights) {
        let point = reference.linearCombination(1, difference, Float(alpha))
        let (gradient, _) = Gradient.inputSignal(model, point, targets: targets, rule: .gradient)
        accumulated = accumulated.linearCombination(1, gradient, Float(weight))
      }
      return accumulated
    }
    let start = first.preActivationOutput(reference)
    let slope = first.preActivationOutput(chunk).linearCombination(1, start, -1)
    if let summed = maxPooledPathSignal(
      model, activation: first.activation, start: start, slope: slope, targets: targets, alphas: alphas, weights: weights)
    {
      return first.linearInputGradient(summed, inputShape: chunk.shape)
    }
    let seed = rest.targetSeed(targets)
    var summed = Tensor(shape: start.shape)
    var point = Tensor(shape: start.shape)
    for (alpha, weight) in zip(alphas, weights) {
      let (a, w) = (Float(alpha), Float(weight))
      start.withUnsafeBufferPointer { z0 in
        slope.withUnsafeBufferPointer { dz in
          point.withUnsafeMutableBufferPointer { z in
            guard let target = z.baseAddress, let origin = z0.baseAddress, let direction = dz.baseAddress else { return }
            target.update(from: origin, count: z.count)
            SIMDRows.add(scaled: a, direction, to: target, count: z.count)
            first.activation.apply(z, width: start.shape.dimensions.last ?? 1)
          }
        }
      }
      let trace = rest.trace(point)
      var delta = rest.backward(trace, seed: seed, rule: .gradient)
      point.withUnsafeBufferPointer { output in
        delta.withUnsafeMutableBufferPointer { d in
          first.activation.backward(d, output: output, width: start.shape.dimensions.last ?? 1, rule: .gradient)
        }
      }
      summed.withUnsafeMutableBufferPointer { total in
        delta.withUnsafeBufferPointer { d in
          guard let target = total.baseAddress, let source = d.baseAddress else { return }
          SIMDRows.add(scaled: w, source, to: target, count: total.count)
        }
      }
    }
    return first.linearInputGradient(summed, inputShape: chunk.shape)
  }
}
