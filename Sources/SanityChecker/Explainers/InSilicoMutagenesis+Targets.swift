extension InSilicoMutagenesis {
  /// ISM maps of several targets from one pass: every mutant runs once and each selected output
  /// is read from the same deltas.
  public struct TargetMaps: Sendable {
    /// The raw deltas `[N, L, 4, T]` (0 at the observed base).
    public var values: Tensor
    /// tangermeme's mean-centred maps `x ⊙ (Δ − mean_b Δ)`, `[N, L, 4, T]`.
    public var centred: Tensor
    /// The original outputs of the selected units, `[N, T]`.
    public var predictions: Tensor
  }

  /// The maps of every selected target, with a target axis last.
  ///
  /// Target `t`'s slice equals ``attribution(for:targets:in:)`` with target
  /// `selection.indices[t]` for every item (the same deltas, read at another output).
  /// - Parameters:
  ///   - input: One-hot DNA `[N, L, 4]`.
  ///   - selection: The output units.
  ///   - model: The model.
  /// - Returns: Raw and centred maps `[N, L, 4, T]` and the predictions `[N, T]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the input is not `[L, 4]`.
  public func targetMaps(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> TargetMaps
  {
    let itemsPerGroup = Self.itemsPerGroup(input, model: model)
    guard input.batchSize <= itemsPerGroup else {
      var parts: [TargetMaps] = []
      for start in stride(from: 0, to: input.batchSize, by: itemsPerGroup) {
        let range = start..<min(input.batchSize, start + itemsPerGroup)
        parts.append(try targetMaps(for: input.items(range), selection: selection, in: model))
      }
      return TargetMaps(
        values: Tensor.concatenating(parts.map(\.values)),
        centred: Tensor.concatenating(parts.map(\.centred)),
        predictions: Tensor.concatenating(parts.map(\.predictions)))
    }
    let result = try deltas(for: input, in: model)
    let (outputs, count, cells) = (result.outputs.itemCount, selection.count, input.itemCount)
    let indices = selection.indices
    var maps = [Tensor]()
    for target in indices {
      let values = Tensor(shape: input.shape) { out in
        result.values.withUnsafeBufferPointer { d in
          for cell in 0..<(input.batchSize * cells) { out[cell] = d[cell * outputs + target] }
        }
      }
      maps.append(values)
    }
    func stacked(_ parts: [Tensor]) -> Tensor {
      Tensor(shape: Shape(input.shape.dimensions + [count])) { out in
        for (t, part) in parts.enumerated() {
          part.withUnsafeBufferPointer { p in
            for cell in 0..<p.count { out[cell * count + t] = p[cell] }
          }
        }
      }
    }
    let predictions = Tensor(shape: [input.batchSize, count]) { out in
      result.outputs.withUnsafeBufferPointer { o in
        for item in 0..<input.batchSize {
          for (t, target) in indices.enumerated() {
            out[item * count + t] = o[item * outputs + target]
          }
        }
      }
    }
    return TargetMaps(
      values: stacked(maps), centred: stacked(maps.map { Self.centred($0, input: input) }),
      predictions: predictions)
  }
}

extension InSilicoMutagenesis {
  /// The maps of every selected unit from one pass over the mutants (``targetMaps(for:selection:in:)``):
  /// the raw deltas, or the centred maps when ``isCentred``.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try model.validate(input: input)
    try model.validate(targets: selection.indices)
    let maps = try targetMaps(for: input, selection: selection, in: model)
    let stacked = isCentred ? maps.centred : maps.values
    let (count, cells) = (selection.count, input.batchSize * input.itemCount)
    return selection.indices.enumerated().map { unit, target in
      let values = Tensor(shape: input.shape) { out in
        stacked.withUnsafeBufferPointer { s in
          for cell in 0..<cells { out[cell] = s[cell * count + unit] }
        }
      }
      let predictions = maps.predictions.withUnsafeBufferPointer { p in
        (0..<input.batchSize).map { p[$0 * count + unit] }
      }
      return Attribution(
        values: values, method: Self.identifier,
        targets: [Int](repeating: target, count: input.batchSize), predictions: predictions)
    }
  }
}
