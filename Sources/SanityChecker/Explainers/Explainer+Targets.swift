extension Explainer {
  /// One attribution per selected unit, every item explained at that unit.
  ///
  /// The default explains the batch once per unit. Methods whose map is one backward pass from
  /// the traced forward pass (Saliency, Gradient × Input, Guided Backprop, DeconvNet, ε-LRP,
  /// Grad-CAM) trace each chunk once and run one backward pass per unit; Integrated Gradients
  /// traces each batch of path points once, SmoothGrad and VarGrad each noisy copy, DeepLIFT and
  /// DeepSHAP the input and each reference; in-silico mutagenesis reads every unit from the same
  /// mutants. Either way, entry `t` equals
  /// ``attribution(for:targets:in:)`` with every target `selection.indices[t]`, bit for bit.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - selection: The output units.
  ///   - model: The model.
  /// - Returns: One attribution per unit, in `selection` order.
  /// - Throws: The explainer's error.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try selection.indices.map { target in
      try attribution(
        for: input, targets: [Int](repeating: target, count: input.batchSize), in: model)
    }
  }

  /// The maps of every selected unit with a target axis last (see
  /// ``attributions(for:selection:in:)``).
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - selection: The output units.
  ///   - model: The model.
  /// - Returns: The stacked maps, predictions and completeness gaps.
  /// - Throws: The explainer's error.
  public func targetAttributions(for input: Tensor, selection: TargetSelection, in model: Model)
    throws -> TargetAttributions
  {
    TargetAttributions(
      stacking: try attributions(for: input, selection: selection, in: model),
      selection: selection)
  }
}

extension Explainer {
  /// Explains every item at each selected unit in the chunks ``chunked(_:targets:model:itemsPerChunk:_:)``
  /// cuts, so that work a chunk's units share (traces of the inputs, path points, noisy copies or
  /// references) is done once per chunk.
  /// - Parameters:
  ///   - input: The full batch.
  ///   - selection: The units.
  ///   - model: The model.
  ///   - itemsPerChunk: Items per chunk, as for ``chunked(_:targets:model:itemsPerChunk:_:)``.
  ///   - body: Explains one chunk: its input, one target list per unit (the unit repeated over the
  ///     chunk's items) and the index of its first item; returns one attribution per unit.
  /// - Returns: One attribution per unit, in `selection` order, each joined over the chunks.
  func chunkedUnits(
    _ input: Tensor, selection: TargetSelection, model: Model, itemsPerChunk: Int? = nil,
    _ body: @Sendable (Tensor, [[Int]], Int) -> [Attribution]
  ) -> [Attribution] {
    let chunkSize = itemsPerChunk ?? model.chunkSize
    // One unit's working set, plus one input-sized map per unit.
    let mapBytes = selection.count * chunkSize * model.inputShape.count * 4
    let parts = Parallel.mapChunks(
      count: input.batchSize, chunkSize: chunkSize, bytesPerChunk: model.bytesPerChunk + mapBytes
    ) { range in
      body(
        input.items(range),
        selection.indices.map { [Int](repeating: $0, count: range.count) }, range.lowerBound)
    }
    return selection.indices.indices.map { unit in
      Attribution.concatenating(parts.map { $0[unit] }, method: Self.identifier)
    }
  }
}
