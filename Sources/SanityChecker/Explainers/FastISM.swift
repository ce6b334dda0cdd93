/// Exact incremental ISM for models that start `Conv1D → (ReLU) → global pooling → …`.
///
/// A substitution at position l changes the first convolution's pre-activation only at the
/// K output positions whose window covers l, by `W[k, b, :] − Σ_c x[l, c] W[k, c, :]` (a difference
/// of two kernel columns on one-hot input). A global max over positions is then the max of the
/// prefix maximum before those positions, the suffix maximum after them and the K updated values;
/// a global average moves by the K updated values' change. The remaining layers run once per
/// mutant on the pooled vector, batched. Cost per sequence: about `3L·K·F` for the updates
/// instead of `3L` full forward passes.
///
/// A mutant whose pooled vector equals the original's value for value (the substitution moved no
/// window that decides the pooling) gets a delta of exactly 0, as the model's output cannot
/// change. Running such rows through the batched remaining layers would instead give ±1–2 ulp of
/// the output, depending on the row's place in the matrix product, and those specks break the
/// ties at 0 that rank metrics on ISM maps depend on.
///
/// Applies when the first layer is a `Conv1D` with stride 1 and dilation 1 whose activation (fused
/// or the next standalone layer) is linear or ReLU, followed by `GlobalMaxPooling1D` or
/// `GlobalAveragePooling1D`. Anything else reports why, and naive ISM is used.
struct FastISM: Sendable {
  /// Why a model cannot take the fast path.
  struct Unsupported: Error {
    let message: String
  }

  enum Pooling { case maximum, average }

  let kernel: [Float]  // [K, 4, F]
  let bias: [Float]  // [F]
  let kernelWidth: Int
  let filters: Int
  let padBefore: Int
  let positions: Int
  let length: Int
  let isRectified: Bool
  let pooling: Pooling
  let tail: Model
  /// The first convolution, whose pre-activation the updates start from.
  let convolution: Conv1D
  /// `Δ[k, c, b, :] = W[k, b, :] − W[k, c, :]`, filters padded with zeros to ``lanes``.
  let changes: [Float]

  /// Filters rounded up to whole ``Block``s.
  var lanes: Int { (filters + Block.scalarCount - 1) / Block.scalarCount * Block.scalarCount }

  /// The fast plan for a model, or why there is none.
  static func plan(for model: Model) -> Result<FastISM, Unsupported> {
    guard let conv = model.layers.first as? Conv1D else {
      return .failure(Unsupported(message: "the first layer is not a Conv1D"))
    }
    guard conv.stride == 1, conv.dilation == 1 else {
      return .failure(Unsupported(message: "'\(conv.name)' has stride or dilation > 1"))
    }
    var activations = [conv.activation]
    var next = 1
    while next < model.layers.count {
      if let standalone = model.layers[next] as? ActivationLayer {
        activations.append(standalone.activation)
      } else if !(model.layers[next] is Dropout) {
        break
      }
      next += 1
    }
    guard activations.allSatisfy({ $0 == .linear || $0 == .relu }) else {
      return .failure(Unsupported(message: "'\(conv.name)' is followed by a non-ReLU activation"))
    }
    let pooling: Pooling
    switch next < model.layers.count ? model.layers[next] : nil {
    case is GlobalMaxPooling1D: pooling = .maximum
    case is GlobalAveragePooling1D: pooling = .average
    default:
      return .failure(Unsupported(message: "'\(conv.name)' is not followed by global pooling"))
    }
    guard let kernel = conv.parameters["kernel"], kernel.shape[1] == 4 else {
      return .failure(Unsupported(message: "'\(conv.name)' does not read 4 channels"))
    }
    let (width, filters) = (kernel.shape[0], kernel.shape[2])
    let length = model.inputShape[0]
    let positions = model.shapes[1][0]
    let padBefore = conv.padding == .same ? max(0, (positions - 1) + width - length) / 2 : 0
    do {
      let tail = try Model(
        name: model.name + "-tail", inputShape: [filters], layers: Array(model.layers[(next + 1)...]))
      return .success(
        FastISM(
          kernel: kernel.scalars, bias: conv.parameters["bias"]?.scalars ?? [Float](repeating: 0, count: filters),
          kernelWidth: width, filters: filters, padBefore: padBefore, positions: positions, length: length,
          isRectified: activations.contains(.relu), pooling: pooling, tail: tail, convolution: conv,
          changes: changeTable(kernel.scalars, width: width, filters: filters)))
    } catch {
      return .failure(Unsupported(message: "the layers after pooling do not form a model: \(error)"))
    }
  }

  /// The deltas `[N, L, 4, O]` of every output, and the original outputs `[N, O]`.
  func deltas(for input: Tensor) -> (deltas: Tensor, outputs: Tensor) {
    let cells = length * 4
    let width = tail.outputShape.count
    let sequencesPerChunk = max(1, 16_384 / cells)
    let parts = Parallel.mapChunks(count: input.batchSize, chunkSize: sequencesPerChunk) { range in
      let chunk = input.items(range)
      let preActivation = convolution.preActivationOutput(chunk)  // [n, P, F]
      // Row (item · (L·4 + 1) + l·4 + b) is the mutant's pooled vector; the last row of each item is the original.
      let rowsPerItem = cells + 1
      var pooled = Tensor(shape: [range.count * rowsPerItem, filters])
      chunk.withUnsafeBufferPointer { x in
        preActivation.withUnsafeBufferPointer { z in
          pooled.withUnsafeMutableBufferPointer { out in
            var scratch = Scratch(positions: positions, lanes: lanes, width: kernelWidth)
            for item in 0..<range.count {
              pooledMutants(
                x: UnsafeBufferPointer(rebasing: x[(item * cells)..<((item + 1) * cells)]),
                z: UnsafeBufferPointer(rebasing: z[(item * positions * filters)..<((item + 1) * positions * filters)]),
                into: UnsafeMutableBufferPointer(
                  rebasing: out[(item * rowsPerItem * filters)..<((item + 1) * rowsPerItem * filters)]),
                scratch: &scratch)
            }
          }
        }
      }
      let isUnchanged = Self.unchangedMutants(
        pooled, items: range.count, mutants: cells, filters: filters)
      let outputs = tail.layers.reduce(pooled) { $1.forward($0) }
      let originals = Tensor(shape: [range.count, width]) { originals in
        outputs.withUnsafeBufferPointer { o in
          for item in 0..<range.count {
            for unit in 0..<width { originals[item * width + unit] = o[(item * rowsPerItem + cells) * width + unit] }
          }
        }
      }
      let deltas = Tensor(shape: [range.count, length, 4, width]) { deltas in
        outputs.withUnsafeBufferPointer { o in
          chunk.withUnsafeBufferPointer { x in
            for item in 0..<range.count {
              let original = (item * rowsPerItem + cells) * width
              for cell in 0..<cells {
                let isZero = x[item * cells + cell] == 1 || isUnchanged[item * cells + cell]
                for unit in 0..<width {
                  deltas[(item * cells + cell) * width + unit] =
                    isZero ? 0 : o[(item * rowsPerItem + cell) * width + unit] - o[original + unit]
                }
              }
            }
          }
        }
      }
      return (deltas, originals)
    }
    return (Tensor.concatenating(parts.map(\.0)), Tensor.concatenating(parts.map(\.1)))
  }

  /// Whether each mutant's pooled vector equals the original's, value for value.
  /// - Parameters:
  ///   - pooled: `[items · (mutants + 1), F]`: each item's mutants, then its original.
  ///   - items: The items in the chunk.
  ///   - mutants: The mutant rows per item (`L · 4`).
  ///   - filters: F.
  /// - Returns: `[items · mutants]` flags.
  static func unchangedMutants(_ pooled: Tensor, items: Int, mutants: Int, filters: Int) -> [Bool] {
    pooled.withUnsafeBufferPointer { p in
      var flags = [Bool](repeating: false, count: items * mutants)
      for item in 0..<items {
        let original = (item * (mutants + 1) + mutants) * filters
        for mutant in 0..<mutants {
          let row = (item * (mutants + 1) + mutant) * filters
          var isSame = true
          for f in 0..<filters where p[row + f] != p[original + f] {
            isSame = false
            break
          }
          flags[item * mutants + mutant] = isSame
        }
      }
      return flags
    }
  }
}
