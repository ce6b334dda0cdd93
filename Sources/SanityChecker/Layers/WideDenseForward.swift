/// ``Model/forward(_:)`` for chains with a wide `Dense` layer: the layers before it run in
/// parallel chunks as usual, its product runs once over a block of many items with its columns
/// split among the threads, and the layers after it run in chunks again.
///
/// A `Dense` kernel of 2²² weights or more (DeepSEA's 50,880 × 925 `dense_1`, 188 MB) does not
/// fit in cache, so every product streams it from memory whatever its row count: at
/// ``Model/chunkSize`` rows per product (25 for DeepSEA) that took a fifth of the forward pass.
/// Here the kernel is read once per block of
///
/// ```
/// R = chunkSize · max(1, ⌊(budget / 8) / (chunkSize · 4 · (I + O))⌋)   items
/// ```
///
/// (the block's `[R, I]` input and `[R, O]` output in an eighth of ``MemoryBudget/current``), and
/// each thread reads only its own columns of it.
///
/// Every entry of a `CKernels` product depends only on its row, its column and `k`
/// (``GEMMKernel``), and the chunks before and after the `Dense` layer are the chunked pass's,
/// so the output equals the chunked pass bit for bit, for any budget and thread count. Applies
/// to chains on processors with a `CKernels` kernel whose first wide `Dense` layer has at least
/// ``GEMMKernel/narrowColumns`` units (narrower products take OpenBLAS, whose sums depend on
/// the row count).
struct WideDenseForward: Sendable {
  /// The model.
  let model: Model
  /// The index of the wide `Dense` layer.
  let index: Int
  /// The wide `Dense` layer.
  let dense: Dense

  /// The plan for `model`, or `nil` when it does not apply (see the type's description).
  init?(model: Model) {
    guard model.isChain, GEMMKernel.preferred != .openBLAS,
      let index = model.layers.firstIndex(where: {
        (($0 as? Dense)?.kernel.shape.count ?? 0) >= 1 << 22
      }),
      let dense = model.layers[index] as? Dense,
      dense.outputUnits >= GEMMKernel.narrowColumns
    else { return nil }
    self.model = model
    self.index = index
    self.dense = dense
  }

  /// The model's output for `input`, `[N] + outputShape`.
  func forward(_ input: Tensor) -> Tensor {
    let chunk = max(1, model.chunkSize)
    let rowBytes = chunk * MemoryLayout<Float>.stride * (dense.inputUnits + dense.outputUnits)
    let block = chunk * max(1, MemoryBudget.current.items(each: rowBytes, share: 0.125))
    let fused = MaxPooledConvolution(model: model)
    let (before, after) = (model.layers[..<index], model.layers[(index + 1)...])
    var parts = [Tensor]()
    for start in stride(from: 0, to: input.batchSize, by: block) {
      let items = start..<min(input.batchSize, start + block)
      let features = Parallel.mapChunks(
        count: items.count, chunkSize: chunk, bytesPerChunk: model.bytesPerChunk
      ) { range in
        let range = (items.lowerBound + range.lowerBound)..<(items.lowerBound + range.upperBound)
        if index >= 2, let pooled = fused?.pooled(input, items: range) {
          return before.dropFirst(2).reduce(pooled) { $1.forward($0) }
        }
        return before.reduce(input.items(range)) { $1.forward($0) }
      }
      let dense = dense.forward(Tensor.concatenating(features), columnBlocks: Parallel.threadCount)
      parts += Parallel.mapChunks(count: items.count, chunkSize: chunk) { range in
        after.reduce(dense.items(range)) { $1.forward($0) }
      }
    }
    return Tensor.concatenating(parts).reshaped(model.outputShape.batched(input.batchSize))
  }
}

extension Dense {
  /// `activation(x·W + b)` with the product's columns cut into `columnBlocks` blocks computed in
  /// parallel, each reading its columns of `W` in place: equal to ``forward(_:)`` bit for bit
  /// with a `CKernels` kernel (``GEMMKernel``).
  /// - Parameters:
  ///   - input: `[N, I]`.
  ///   - columnBlocks: The blocks, at most one per 48 columns.
  /// - Returns: `[N, O]`.
  func forward(_ input: Tensor, columnBlocks: Int) -> Tensor {
    let (batch, inputs, outputs) = (input.batchSize, inputUnits, outputUnits)
    let width = max(48, (outputs + max(1, columnBlocks) - 1) / max(1, columnBlocks))
    let bias = parameters["bias"]
    let blocks = Parallel.mapChunks(count: outputs, chunkSize: width) { columns in
      Tensor(shape: [batch, columns.count]) { z in
        if let bias {
          bias.withUnsafeBufferPointer { b in
            guard let source = b.baseAddress, let target = z.baseAddress else { return }
            SIMDRows.broadcast(
              source + columns.lowerBound, count: columns.count, into: target, rows: batch)
          }
        }
        input.withUnsafeBufferPointer { x in
          kernel.withUnsafeBufferPointer { w in
            BLAS.gemm(
              kernel: .preferred, m: batch, n: columns.count, k: inputs, a: x,
              b: UnsafeBufferPointer(rebasing: w[columns.lowerBound...]), ldb: outputs,
              beta: bias == nil ? 0 : 1, c: z)
          }
        }
      }
    }
    var output = Tensor.joiningColumns(blocks, rows: batch)
    output.withUnsafeMutableBufferPointer { activation.apply($0, width: outputs) }
    return output
  }
}

extension Tensor {
  /// Column blocks `[R, C_b]` placed side by side: `[R, Σ C_b]`.
  /// - Parameters:
  ///   - blocks: The blocks, left to right, each with `rows` rows.
  ///   - rows: `R`.
  /// - Returns: The joined matrix.
  static func joiningColumns(_ blocks: [Tensor], rows: Int) -> Tensor {
    let width = blocks.reduce(0) { $0 + $1.shape[1] }
    return Tensor(shape: [rows, width]) { joined in
      var start = 0
      for block in blocks {
        let columns = block.shape[1]
        block.withUnsafeBufferPointer { part in
          guard let source = part.baseAddress, let target = joined.baseAddress else { return }
          for row in 0..<rows {
            (target + row * width + start).update(from: source + row * columns, count: columns)
          }
        }
        start += columns
      }
    }
  }
}
