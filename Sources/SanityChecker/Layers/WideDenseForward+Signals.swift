/// ``Model/backward(_:seed:rule:stoppingAt:)`` for chains with a wide `Dense` layer, run over a
/// whole batch: the layers before and after that layer trace and propagate in parallel chunks as
/// usual, while the wide layer's forward product and its backward product `δ·Wᵀ` run once per
/// block of many items with their columns split among the threads (see ``WideDenseForward``).
///
/// Per block of `R` items (a whole number of ``Model/chunkSize`` chunks, all of whose traces fit
/// in half of ``MemoryBudget/current``):
///
/// ```
/// chunks:  a_j = trace of the layers before the wide layer     (kept for the backward pass)
/// block:   y   = φ(x·W + b),   x = the chunks' a_j stacked, [R, I]
/// chunks:  the layers after it, traced and run backward from each unit's one-hot seed → δ_y
/// block:   δ_x = (φ' ⊙ δ_y)·Wᵀ                                 columns of δ_x split among threads
/// chunks:  δ_x run backward through the layers before the wide layer
/// ```
///
/// At ``Model/chunkSize`` rows per product (25 for DeepSEA), the wide layer's kernel (188 MB for
/// DeepSEA's `dense_1`) was read twice per chunk and its backward product packed it transposed
/// each time, which cost a sixth of a Saliency pass. Every entry of a `CKernels` product depends
/// only on its row, its column and `k` (``GEMMKernel``), and the chunks are the chunked pass's,
/// so each signal equals the chunk-by-chunk ``Model/backward(_:seed:rule:stoppingAt:)`` bit for
/// bit, for any budget and thread count. Applies to the rules whose `Dense` backward is `Wᵀ`
/// after the activation (gradient, Guided Backprop, DeconvNet); ε-LRP keeps the chunked pass.
extension WideDenseForward {
  /// Whether ``inputSignals(_:units:rule:)`` handles `rule`.
  static func handles(_ rule: BackwardRule) -> Bool {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet: true
    case .epsilonLRP: false
    }
  }

  /// For each unit, the signal at the input from a one-hot seed at that unit's targets, and the
  /// model's outputs at those targets.
  /// - Parameters:
  ///   - input: `[N] + inputShape`.
  ///   - units: Per unit, one output index per item.
  ///   - rule: A rule that ``handles(_:)`` accepts.
  /// - Returns: Per unit, the signal (`[N] + inputShape`) and the `N` outputs.
  func inputSignals(_ input: Tensor, units: [[Int]], rule: BackwardRule) -> [(
    signal: Tensor, outputs: [Float]
  )] {
    precondition(Self.handles(rule), "WideDenseForward.inputSignals: \(rule) keeps the chunks")
    let chunk = max(1, model.chunkSize)
    let unitBytes = MemoryLayout<Float>.stride * (dense.inputUnits + model.inputShape.count)
    let itemBytes = model.bytesPerItem + units.count * unitBytes
    let block = chunk * max(1, MemoryBudget.current.items(each: chunk * itemBytes, share: 0.5))
    var parts = [[(signal: Tensor, outputs: [Float])]]()
    for start in stride(from: 0, to: input.batchSize, by: block) {
      let items = start..<min(input.batchSize, start + block)
      parts.append(
        blockSignals(input.items(items), units: units.map { Array($0[items]) }, rule: rule))
    }
    return units.indices.map { unit in
      (
        Tensor.concatenating(parts.map { $0[unit].signal }),
        parts.flatMap { $0[unit].outputs }
      )
    }
  }

  /// ``inputSignals(_:units:rule:)`` for one block.
  private func blockSignals(_ input: Tensor, units: [[Int]], rule: BackwardRule) -> [(
    signal: Tensor, outputs: [Float]
  )] {
    let (model, index, dense) = (model, index, dense)
    let chunk = max(1, model.chunkSize)
    let (before, after) = (model.layers[..<index], Array(model.layers[(index + 1)...]))
    let traces = Parallel.mapChunks(
      count: input.batchSize, chunkSize: chunk, bytesPerChunk: model.bytesPerChunk
    ) { range in
      before.reduce(into: [input.items(range)]) { activations, layer in
        activations.append(layer.forward(activations[activations.count - 1]))
      }
    }
    let wideInput = Tensor.concatenating(traces.map { $0[index] })
    let wideOutput = dense.forward(wideInput, columnBlocks: Parallel.threadCount)
    let tails = Parallel.mapChunks(count: input.batchSize, chunkSize: chunk) { range in
      let activations = after.reduce(into: [wideOutput.items(range)]) { activations, layer in
        activations.append(layer.forward(activations[activations.count - 1]))
      }
      return units.map { targets in
        let chunkTargets = Array(targets[range])
        var signal = model.targetSeed(chunkTargets)
        for offset in after.indices.reversed() {
          signal = after[offset].backward(
            signal, input: activations[offset], output: activations[offset + 1], rule: rule)
        }
        return (
          signal: signal, outputs: model.values(of: activations[after.count], at: chunkTargets)
        )
      }
    }
    return units.indices.map { unit in
      let wideSignal = dense.backward(
        Tensor.concatenating(tails.map { $0[unit].signal }), input: wideInput, output: wideOutput,
        rule: rule, columnBlocks: Parallel.threadCount)
      let signals = Parallel.mapChunks(
        count: input.batchSize, chunkSize: chunk, bytesPerChunk: model.bytesPerChunk
      ) { range in
        let activations = traces[range.lowerBound / chunk]
        return before.indices.reversed().reduce(wideSignal.items(range)) { signal, layer in
          before[layer].backward(
            signal, input: activations[layer], output: activations[layer + 1], rule: rule)
        }
      }
      return (Tensor.concatenating(signals), tails.flatMap { $0[unit].outputs })
    }
  }
}

extension Dense {
  /// ``backward(_:input:output:rule:)`` for the rules whose linear part is `Wᵀ`, with the
  /// product's result columns (the kernel's rows) cut into `columnBlocks` blocks computed in
  /// parallel: equal to the whole product bit for bit with a `CKernels` kernel (``GEMMKernel``).
  /// - Parameters:
  ///   - signal: The signal at the output, `[N, O]`.
  ///   - input: The input the forward pass saw, `[N, I]`.
  ///   - output: The forward pass's output, `[N, O]`.
  ///   - rule: Gradient, Guided Backprop or DeconvNet.
  ///   - columnBlocks: The blocks, at most one per 48 columns.
  /// - Returns: `[N, I]`.
  func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule, columnBlocks: Int
  ) -> Tensor {
    let delta = linearSignal(signal, input: input, output: output, rule: rule)
    let (batch, inputs, outputs) = (signal.batchSize, inputUnits, outputUnits)
    let width = max(48, (inputs + max(1, columnBlocks) - 1) / max(1, columnBlocks))
    let blocks = Parallel.mapChunks(count: inputs, chunkSize: width) { columns in
      Tensor(shape: [batch, columns.count]) { dx in
        delta.withUnsafeBufferPointer { d in
          kernel.withUnsafeBufferPointer { w in
            BLAS.gemm(
              kernel: .preferred, transposeB: true, m: batch, n: columns.count, k: outputs,
              a: d, b: UnsafeBufferPointer(rebasing: w[(columns.lowerBound * outputs)...]),
              ldb: outputs, c: dx)
          }
        }
      }
    }
    return Tensor.joiningColumns(blocks, rows: batch)
  }
}
