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
  /// The convolution's one-hot group tables, built once per plan.
  let tables: SparseChannelConvolution.Tables?

  /// Filters rounded up to whole ``Block``s.
  var lanes: Int { (filters + Block.scalarCount - 1) / Block.scalarCount * Block.scalarCount }

  /// The fast plan for a model, or why there is none.
  static func plan(for model: Model) -> Result<FastISM, Unsupported> {
    guard model.isChain else {
      return .failure(Unsupported(message: "the model is a graph, not a chain of layers"))
    }
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
        name: model.name + "-tail", inputShape: [filters],
        layers: Array(model.layers[(next + 1)...]))
      return .success(
        FastISM(
          kernel: kernel.scalars,
          bias: conv.parameters["bias"]?.scalars ?? [Float](repeating: 0, count: filters),
          kernelWidth: width, filters: filters, padBefore: padBefore, positions: positions,
          length: length,
          isRectified: activations.contains(.relu), pooling: pooling, tail: tail, convolution: conv,
          changes: changeTable(kernel.scalars, width: width, filters: filters),
          tables: kernel.withUnsafeBufferPointer {
            SparseChannelConvolution.Tables(kernel: $0, taps: width, channels: 4, filters: filters)
          }))
    } catch {
      return .failure(
        Unsupported(message: "the layers after pooling do not form a model: \(error)"))
    }
  }

  /// The deltas `[N, L, 4, O]` of every output, and the original outputs `[N, O]`.
  ///
  /// Per chunk, the remaining layers run once on a matrix holding each item's original pooled
  /// vector and only the mutants that changed it; the other mutants' deltas are exactly 0.
  func deltas(for input: Tensor) -> (deltas: Tensor, outputs: Tensor) {
    let cells = length * 4
    let width = tail.outputShape.count
    let sequencesPerChunk = max(1, 4_096 / cells)
    let parts = Parallel.mapChunks(count: input.batchSize, chunkSize: sequencesPerChunk) { range in
      let chunk = input.items(range)
      var slots = [Int32](repeating: -1, count: range.count * cells)
      var originalRows = [Int](repeating: 0, count: range.count)
      var rows = [Float](repeating: 0, count: range.count * (cells + 1) * filters)
      var written = 0
      chunk.withUnsafeBufferPointer { x in
        rows.withUnsafeMutableBufferPointer { out in
          slots.withUnsafeMutableBufferPointer { slot in
            guard let out = out.baseAddress, let slot = slot.baseAddress else { return }
            var scratch = Scratch(positions: positions, lanes: lanes, width: kernelWidth)
            for item in 0..<range.count {
              let sequence = UnsafeBufferPointer(rebasing: x[(item * cells)..<((item + 1) * cells)])
              let preActivation = self.preActivation(of: sequence, item: chunk, at: item)
              originalRows[item] = written
              written += preActivation.withUnsafeBufferPointer { z in
                pooledMutants(
                  x: sequence, z: z, into: out + written * filters, slots: slot + item * cells,
                  firstRow: written,
                  scratch: &scratch)
              }
            }
          }
        }
      }
      let pooled = Tensor(shape: [written, filters]) { target in
        rows.withUnsafeBufferPointer { source in
          guard let from = source.baseAddress, let to = target.baseAddress else { return }
          to.update(from: from, count: written * filters)
        }
      }
      let outputs = tail.layers.reduce(pooled) { $1.forward($0) }
      let originals = Tensor(shape: [range.count, width]) { originals in
        outputs.withUnsafeBufferPointer { o in
          for item in 0..<range.count {
            for unit in 0..<width {
              originals[item * width + unit] = o[originalRows[item] * width + unit]
            }
          }
        }
      }
      let deltas = Tensor(shape: [range.count, length, 4, width]) { deltas in
        outputs.withUnsafeBufferPointer { o in
          for item in 0..<range.count {
            let original = originalRows[item] * width
            for cell in 0..<cells {
              let row = Int(slots[item * cells + cell])
              for unit in 0..<width {
                deltas[(item * cells + cell) * width + unit] =
                  row < 0 ? 0 : o[row * width + unit] - o[original + unit]
              }
            }
          }
        }
      }
      return (deltas, originals)
    }
    return (Tensor.concatenating(parts.map(\.0)), Tensor.concatenating(parts.map(\.1)))
  }

  /// One item's first-layer pre-activation `[P, F]`: from the one-hot tables when the item is
  /// exact one-hot (the same sums as the layer's forward pass), else through the layer.
  /// - Parameters:
  ///   - sequence: The item's scalars `[L, 4]`.
  ///   - chunk: The batch holding it.
  ///   - item: Its index in `chunk`.
  /// - Returns: The pre-activation's `P·F` scalars, position-major.
  func preActivation(of sequence: UnsafeBufferPointer<Float>, item chunk: Tensor, at item: Int)
    -> [Float]
  {
    var z = [Float](repeating: 0, count: positions * filters)
    let axis = AxisWindow(input: length, kernel: kernelWidth, padding: convolution.padding)
    let isOneHot =
      tables.map { tables in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * length) { workspace in
          withUnsafeTemporaryAllocation(of: Float.self, capacity: length) { values in
            guard let index = workspace.baseAddress, let value = values.baseAddress,
              SparseChannelConvolution.analyze(sequence, channels: 4, index: index, value: value)
                == .oneHot
            else { return false }
            kernel.withUnsafeBufferPointer { k in
              z.withUnsafeMutableBufferPointer { out in
                guard let k = k.baseAddress, let out = out.baseAddress else { return }
                bias.withUnsafeBufferPointer { b in
                  SparseChannelConvolution.oneHotForward(
                    index: index, tables: tables, kernel: k, bias: b.baseAddress, axis: axis,
                    channels: 4,
                    filters: filters, codes: index + length, into: out)
                }
              }
            }
            return true
          }
        }
      } ?? false
    return isOneHot ? z : convolution.preActivationOutput(chunk.items(item..<(item + 1))).scalars
  }
}
