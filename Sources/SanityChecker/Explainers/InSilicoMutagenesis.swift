/// In-silico mutagenesis (ISM): the change of every output for every single-base substitution.
///
/// ```
/// Δ[n, l, b, o] = f_o(x_n with position l set to base b) − f_o(x_n)
/// ```
/// Exactly 0 at the observed base; `[N, L, 4]` for one target (``attribution(for:targets:in:)``),
/// `[N, L, 4, O]` for every output of a multi-task model in the same pass (``deltas(for:in:)``).
/// Alipanahi et al. 2015, doi:10.1038/nbt.3300; tangermeme's `saturation_mutagenesis`
/// (`raw_outputs=True`). The fast path (``fast``) updates only what a substitution changes and
/// equals the naive one to float rounding: a one-hot kernel for `Conv1D → global pooling`
/// models, else the windowed update of any chain of local layers followed by global pooling or
/// `Flatten → Dense`, or of any graph whose layers next to the input are local along the
/// sequence (residual towers, merged branches, cropping and padding, several heads; see the
/// Graph Models article) (fastISM, Nair et al. 2022). Models it cannot update fall back to
/// naive ISM, and the result says why.
///
/// The rule on graphs: a substitution's changed window starts at its position; a convolution or
/// pooling layer widens it by its receptive field, cropping and padding shift it, a merge takes
/// the union of its inputs' windows. At the first layer that is not local (global pooling,
/// `Flatten → Dense`, a head) the cached output is updated from the window only; layers with a
/// vector output read the cached activation with the window written over it. A layer that is
/// not local and keeps a sequence axis (`Reshape`, `Permute`, a concatenation along the length)
/// makes the model fall back, and the note names it.
public struct InSilicoMutagenesis: Explainer {
  /// `ism`.
  public static let identifier = "ism"
  /// Whether to use the incremental path when the model allows it.
  public var fast: Bool
  /// Whether ``attribution(for:targets:in:)`` returns tangermeme's mean-centred map
  /// `x ⊙ (Δ − mean_b Δ)` instead of the raw delta.
  ///
  /// The raw delta is 0 at every observed base, so comparisons in the observed-base view need
  /// the centred map.
  public var isCentred: Bool
  /// The explained output.
  public var output: ExplainedOutput

  /// The deltas for every output, with how they were computed.
  public struct Deltas: Sendable {
    /// `[N, L, 4, O]`: the change of output `o` when position `l` becomes base `b`.
    public var values: Tensor
    /// The original outputs `[N, O]`.
    public var outputs: Tensor
    /// Whether the incremental path computed them.
    public var isFast: Bool
    /// Why the incremental path was not used, when it was asked for and not used.
    public var note: String?
  }

  /// Creates the explainer.
  /// - Parameters:
  ///   - fast: Use the incremental path when possible (default).
  ///   - centred: Return the mean-centred map instead of the raw delta.
  ///   - output: The explained output (the logit by default).
  public init(fast: Bool = true, centred: Bool = false, output: ExplainedOutput = .logit) {
    self.fast = fast
    self.isCentred = centred
    self.output = output
  }

  /// The deltas of all outputs, `[N, L, 4, O]`.
  /// - Parameters:
  ///   - input: One-hot DNA `[N, L, 4]`.
  ///   - model: The model.
  /// - Returns: The deltas and the original outputs.
  /// - Throws: ``ModelError/inputShape(model:expected:actual:)`` when the batch does not fit the model,
  ///   ``ModelError/shapeMismatch(layer:expected:actual:)`` when the model's input is not `[L, 4]`.
  public func deltas(for input: Tensor, in model: Model) throws -> Deltas {
    try model.validate(input: input)
    let explained = model.explained(output)
    guard explained.inputShape.rank == 2, explained.inputShape[1] == 4 else {
      throw ModelError.shapeMismatch(
        layer: "input", expected: "[L, 4] one-hot DNA", actual: explained.inputShape)
    }
    if fast {
      switch FastISM.plan(for: explained) {
      case .success(let plan):
        let (values, outputs) = plan.deltas(for: input)
        return Deltas(
          values: values, outputs: outputs.reshaped(explained.outputShape.batched(input.batchSize)),
          isFast: true, note: nil)
      case .failure:
        switch Self.windowedPlan(for: explained) {
        case .success(let plan):
          let (values, outputs) = plan(input)
          return Deltas(
            values: values,
            outputs: outputs.reshaped(explained.outputShape.batched(input.batchSize)), isFast: true,
            note: nil)
        case .failure(let reason):
          return naiveDeltas(
            input, explained, note: "fast ISM not applicable (\(reason.message)); naive ISM used")
        }
      }
    }
    return naiveDeltas(input, explained, note: nil)
  }

  /// The windowed plan: ``FastISMChain`` for a chain, ``FastISMGraph`` for any other graph.
  /// - Parameter model: The explained model.
  /// - Returns: A function from `[N, L, 4]` to the deltas and outputs, or why there is none.
  static func windowedPlan(for model: Model) -> Result<
    @Sendable (Tensor) -> (deltas: Tensor, outputs: Tensor), LocalChain.Unsupported
  > {
    guard model.isChain else {
      return FastISMGraph.plan(for: model).map { plan in { plan.deltas(for: $0) } }
    }
    return FastISMChain.plan(for: model).map { plan in { plan.deltas(for: $0) } }
  }

  /// Why ``deltas(for:in:)`` will use naive ISM on `model` although ``fast`` asks for the
  /// incremental path, or `nil` (fast path available, or not asked for).
  /// - Parameter model: The model.
  /// - Returns: The note ``Deltas/note`` will carry.
  public func fallbackNote(for model: Model) -> String? {
    let explained = model.explained(output)
    guard fast, case .failure = FastISM.plan(for: explained) else { return nil }
    guard case .failure(let reason) = Self.windowedPlan(for: explained) else { return nil }
    return "fast ISM not applicable (\(reason.message)); naive ISM used"
  }

  /// The deltas of the target output, `[N, L, 4]` (0 at the observed base), or their centred map.
  ///
  /// Items run in groups whose deltas of every output (`L·4·O` each) fit in a quarter of the
  /// memory budget, so a model with hundreds of outputs does not hold them all at once.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let itemsPerGroup = Self.itemsPerGroup(input, model: model)
    guard input.batchSize <= itemsPerGroup else {
      var parts: [Attribution] = []
      for start in stride(from: 0, to: input.batchSize, by: itemsPerGroup) {
        let range = start..<min(input.batchSize, start + itemsPerGroup)
        parts.append(
          try attribution(for: input.items(range), targets: Array(targets[range]), in: model))
      }
      return Attribution(
        values: Tensor.concatenating(parts.map(\.values)), method: Self.identifier,
        targets: targets,
        predictions: parts.flatMap(\.predictions))
    }
    let result = try deltas(for: input, in: model)
    let outputsPerItem = result.outputs.itemCount
    let cells = input.itemCount
    let values = Tensor(shape: input.shape) { out in
      result.values.withUnsafeBufferPointer { d in
        for item in 0..<input.batchSize {
          for cell in 0..<cells {
            out[item * cells + cell] = d[(item * cells + cell) * outputsPerItem + targets[item]]
          }
        }
      }
    }
    let predictions = targets.enumerated().map {
      result.outputs.scalars[$0.offset * outputsPerItem + $0.element]
    }
    return Attribution(
      values: isCentred ? Self.centred(values, input: input) : values, method: Self.identifier,
      targets: targets, predictions: predictions)
  }

  /// tangermeme's default output: `x ⊙ (Δ − mean_b Δ)` per position.
  /// - Parameters:
  ///   - deltas: ISM deltas `[N, L, 4]`.
  ///   - input: The one-hot input `[N, L, 4]`.
  /// - Returns: The mean-centred map, nonzero only at observed bases.
  public static func centred(_ deltas: Tensor, input: Tensor) -> Tensor {
    Tensor(shape: deltas.shape) { out in
      deltas.withUnsafeBufferPointer { d in
        input.withUnsafeBufferPointer { x in
          for position in stride(from: 0, to: d.count, by: 4) {
            let mean = (d[position] + d[position + 1] + d[position + 2] + d[position + 3]) / 4
            for base in 0..<4 {
              out[position + base] = x[position + base] * (d[position + base] - mean)
            }
          }
        }
      }
    }
  }

  /// Naive ISM: every mutant through the whole model, one sequence at a time, its positions in
  /// parallel chunks sized so that a chunk's activations (about 8 times the widest layer per
  /// mutant) fit in an eighth of the memory budget.
  func naiveDeltas(_ input: Tensor, _ model: Model, note: String?) -> Deltas {
    let length = model.inputShape[0]
    let width = model.outputShape.count
    let cells = length * 4
    let widest = model.shapes.map(\.count).max() ?? cells
    let mutantsPerChunk = MemoryBudget.current.items(
      each: 8 * widest * MemoryLayout<Float>.stride, share: 0.125)
    let positionsPerChunk = max(1, min(length, mutantsPerChunk / 4))
    var deltas: [Tensor] = []
    var references: [Tensor] = []
    for item in 0..<input.batchSize {
      let original = input.items(item..<(item + 1))
      let reference = model.evaluate(original, at: [model.outputNode])[0]
      let parts = Parallel.mapChunks(count: length, chunkSize: positionsPerChunk) { positions in
        let mutants = Tensor(shape: [positions.count * 4, length, 4]) { m in
          original.withUnsafeBufferPointer { x in
            for (row, position) in positions.enumerated() {
              for base in 0..<4 {
                let mutant = (row * 4 + base) * cells
                for j in 0..<cells { m[mutant + j] = x[j] }
                for b in 0..<4 { m[mutant + position * 4 + b] = b == base ? 1 : 0 }
              }
            }
          }
        }
        let mutated = model.evaluate(mutants, at: [model.outputNode])[0]
        return [Float](unsafeUninitializedCapacity: positions.count * 4 * width) { out, count in
          reference.withUnsafeBufferPointer { r in
            mutated.withUnsafeBufferPointer { m in
              original.withUnsafeBufferPointer { x in
                for (row, position) in positions.enumerated() {
                  for base in 0..<4 {
                    let isObserved = x[position * 4 + base] == 1
                    for o in 0..<width {
                      let index = (row * 4 + base) * width + o
                      out[index] = isObserved ? 0 : m[index] - r[o]
                    }
                  }
                }
              }
            }
          }
          count = positions.count * 4 * width
        }
      }
      deltas.append(Tensor(shape: [1, length, 4, width], scalars: parts.flatMap { $0 }))
      references.append(reference.reshaped([1, width]))
    }
    return Deltas(
      values: Tensor.concatenating(deltas),
      outputs: Tensor.concatenating(references).reshaped(
        model.outputShape.batched(input.batchSize)),
      isFast: false, note: note)
  }
}

extension InSilicoMutagenesis {
  /// Items per group whose deltas of every output (`L·4·O` floats each) fit in a quarter of the
  /// memory budget.
  static func itemsPerGroup(_ input: Tensor, model: Model) -> Int {
    let perItem = input.itemCount * model.outputShape.count * MemoryLayout<Float>.stride
    return MemoryBudget.current.items(each: perItem, share: 0.25)
  }
}
