/// In-silico mutagenesis (ISM): the change of every output for every single-base substitution.
///
/// ```
/// Δ[n, l, b, o] = f_o(x_n with position l set to base b) − f_o(x_n)
/// ```
/// Exactly 0 at the observed base; `[N, L, 4]` for one target (``attribution(for:targets:in:)``),
/// `[N, L, 4, O]` for every output of a multi-task model in the same pass (``deltas(for:in:)``).
/// Alipanahi et al. 2015, doi:10.1038/nbt.3300; tangermeme's `saturation_mutagenesis`
/// (`raw_outputs=True`). The fast path (``fast``) updates only what a substitution changes and
/// equals the naive one to float rounding; models it cannot update fall back to naive ISM, and
/// the result says so.
public struct InSilicoMutagenesis: Explainer {
  /// `ism`.
  public static let identifier = "ism"
  /// Whether to use the incremental path when the model allows it.
  public var fast: Bool
  /// Whether ``attribution(for:targets:in:)`` returns tangermeme's mean-centred map
  /// `x ⊙ (Δ − mean_b Δ)` instead of the raw delta. The raw delta is 0 at every observed base, so
  /// comparisons in the observed-base view need the centred map.
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
      throw ModelError.shapeMismatch(layer: "input", expected: "[L, 4] one-hot DNA", actual: explained.inputShape)
    }
    if fast {
      switch FastISM.plan(for: explained) {
      case .success(let plan):
        let (values, outputs) = plan.deltas(for: input)
        return Deltas(values: values, outputs: outputs.reshaped(explained.outputShape.batched(input.batchSize)), isFast: true, note: nil)
      case .failure(let reason):
        return naiveDeltas(input, explained, note: "fast ISM not applicable (\(reason.message)); naive ISM used")
      }
    }
    return naiveDeltas(input, explained, note: nil)
  }

  /// The deltas of the target output, `[N, L, 4]` (0 at the observed base), or their centred map.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution {
    try model.validate(input: input, targets: targets)
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
    let predictions = targets.enumerated().map { result.outputs.scalars[$0.offset * outputsPerItem + $0.element] }
    return Attribution(values: isCentred ? Self.centred(values, input: input) : values, method: Self.identifier, targets: targets, predictions: predictions)
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
            for base in 0..<4 { out[position + base] = x[position + base] * (d[position + base] - mean) }
          }
        }
      }
    }
  }

  /// Naive ISM: every mutant through the whole model, in parallel chunks of whole sequences.
  func naiveDeltas(_ input: Tensor, _ model: Model, note: String?) -> Deltas {
    let length = model.inputShape[0]
    let width = model.outputShape.count
    let cells = length * 4
    let sequencesPerChunk = max(1, 2048 / cells)
    let parts = Parallel.mapChunks(count: input.batchSize, chunkSize: sequencesPerChunk) { range in
      let originals = input.items(range)
      var mutants = Tensor(shape: [range.count * cells, length, 4])
      originals.withUnsafeBufferPointer { x in
        mutants.withUnsafeMutableBufferPointer { m in
          for item in 0..<range.count {
            for position in 0..<length {
              for base in 0..<4 {
                let mutant = (item * cells + position * 4 + base) * cells
                for j in 0..<cells { m[mutant + j] = x[item * cells + j] }
                for b in 0..<4 { m[mutant + position * 4 + b] = b == base ? 1 : 0 }
              }
            }
          }
        }
      }
      let reference = model.layers.reduce(originals) { $1.forward($0) }
      let mutated = model.layers.reduce(mutants) { $1.forward($0) }
      let deltas = Tensor(shape: [range.count, length, 4, width]) { out in
        reference.withUnsafeBufferPointer { r in
          mutated.withUnsafeBufferPointer { m in
            originals.withUnsafeBufferPointer { x in
              for item in 0..<range.count {
                for cell in 0..<cells {
                  let isObserved = x[item * cells + cell] == 1
                  for o in 0..<width {
                    let index = (item * cells + cell) * width + o
                    out[index] = isObserved ? 0 : m[index] - r[item * width + o]
                  }
                }
              }
            }
          }
        }
      }
      return (deltas, reference)
    }
    return Deltas(
      values: Tensor.concatenating(parts.map(\.0)), outputs: Tensor.concatenating(parts.map(\.1)),
      isFast: false, note: note)
  }
}
