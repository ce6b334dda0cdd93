extension DeepLIFT {
  /// The hypothetical contributions of every base at every position, averaged over references.
  ///
  /// ```
  /// hyp[n, l, b] = mean_r ( m_r[n, l, b] − Σ_c r[n, l, c] · m_r[n, l, c] )
  /// ```
  /// with `m_r` the multipliers against reference `r`, as the DeepLIFT and SHAP genomics
  /// examples define it. For one-hot input, `Σ_b hyp ⊙ x` at each position equals the DeepLIFT
  /// map summed over bases.
  /// - Parameters:
  ///   - input: One-hot DNA `[N, L, 4]`.
  ///   - targets: The output unit to explain for each of the N items.
  ///   - model: The model.
  /// - Returns: `[N, L, 4]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the model's input is
  ///   not `[L, 4]`.
  public func hypotheticalContributions(for input: Tensor, targets: [Int], in model: Model) throws
    -> Tensor
  {
    let explained = model.explained(output)
    guard explained.inputShape.rank == 2, explained.inputShape[1] == 4 else {
      throw ModelError.shapeMismatch(
        layer: "input", expected: "[L, 4] one-hot DNA for hypothetical contributions",
        actual: explained.inputShape)
    }
    let chain = DeepLIFTChain(explained, maxPooling: maxPooling)
    return chunked(input, targets: targets, model: explained) { chunk, chunkTargets, first in
      let run = multipliers(
        chunk, units: [chunkTargets], firstItem: firstItem + first, chain: chain, model: explained
      )[0]
      var total = Tensor(shape: chunk.shape)
      for reference in run.references {
        let hypothetical = HypotheticalContributions.of(
          multipliers: reference.multipliers, reference: reference.input)
        total = total.linearCombination(1, hypothetical, 1 / Float(run.references.count))
      }
      return Attribution(
        values: total, method: Self.identifier, targets: chunkTargets, predictions: run.predictions)
    }.values
  }
}
