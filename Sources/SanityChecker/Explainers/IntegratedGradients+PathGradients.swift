extension IntegratedGradients {
  /// The gradients along IG's path at every base, averaged over the baselines.
  ///
  /// ```
  /// ḡ(x) = mean over baselines x' of Σ_k w_k ∇f_t(x' + α_k (x − x'))
  /// ```
  /// so that `IG(x) = (x − x') ⊙ ḡ` for a single baseline. These are IG's hypothetical
  /// contributions for TF-MoDISco: what each base would contribute per unit of input.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - targets: One output unit per item.
  ///   - model: The model.
  /// - Returns: The averaged path gradients, of the input's shape.
  /// - Throws: ``ModelError`` when the batch or a target does not fit the model.
  func averagePathGradients(for input: Tensor, targets: [Int], in model: Model) throws -> Tensor {
    try model.validate(input: input, targets: targets)
    let explained = model.explained(output)
    let (alphas, weights) = integration.nodes(steps: steps)
    let itemsPerChunk = Self.itemsPerChunk(explained, steps: alphas.count)
    return chunked(input, targets: targets, model: explained, itemsPerChunk: itemsPerChunk) {
      chunk, chunkTargets, first in
      let references = baselines(for: chunk, firstItem: firstItem + first)
      var total = Tensor(shape: chunk.shape)
      for reference in references {
        let gradients = Self.pathGradients(
          explained, chunk, reference: reference, units: [chunkTargets], alphas: alphas,
          weights: weights)[0]
        total = total.linearCombination(1, gradients, 1 / Float(references.count))
      }
      return Attribution(
        values: total, method: Self.identifier, targets: chunkTargets,
        predictions: [Float](repeating: 0, count: chunk.batchSize))
    }.values
  }
}
