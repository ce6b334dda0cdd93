/// Exact incremental ISM for graph models whose layers next to the input are local along the
/// sequence: residual towers, branches joined by merges, cropping and padding, several heads.
///
/// Nair et al. 2022, "fastISM", doi:10.1093/bioinformatics/btac135.
///
/// The original sequence's activation is kept at every node of the local region
/// (``LocalGraph``). A substitution at position `l` changes each node only in the window
/// ``LocalGraph`` derives: a convolution or pooling widens its input's window by its receptive
/// field (and strides shrink it), cropping and padding shift it, a merge takes the union of its
/// inputs' windows. For each mutant only those windows are recomputed, as ``FastISMChain`` does
/// for one chain, and positions outside the reached window keep the cached value exactly. The
/// first layers after the region update their cached output from the window alone: global
/// pooling and `Flatten → Dense` as in ``FastISMChain``; any other layer with a vector output
/// (a head's `Flatten`, the BPNet profile scalar) reads the mutant's whole activation, the cached
/// one with the window written over it. The remaining layers of the explained head run once per
/// mutant, batched, on those rows; layers of other heads do not run.
///
/// The BPNet profile scalar `Σ_i softmax(x)_i x_i` is not linear and its weights change at every
/// position when one logit changes, so it is not updated incrementally: it is recomputed from the
/// mutant's whole profile (`L'·S` values per mutant), which is exact.
///
/// Properties:
/// - Equal to naive ISM to float rounding (1e-5 of the largest delta in the tests).
/// - A mutant whose rows entering the remaining layers equal the original's value for value gets
///   a delta of exactly 0 (a change cropped away, or absorbed by a maximum); so does the
///   observed base.
/// - Positions are cut into chunks of at most ``FastISMChain/positionsPerChunk`` (fewer only
///   when one chunk would not fit in an eighth of the memory budget); the cut does not depend on
///   the thread count.
struct FastISMGraph: Sendable {
  /// The plan of the explained model.
  let graph: LocalGraph

  /// The plan for a model, or why there is none.
  /// - Parameter model: The explained model, on `[L, 4]`.
  /// - Returns: The plan, or the layer that stops it.
  static func plan(for model: Model) -> Result<FastISMGraph, LocalChain.Unsupported> {
    LocalGraph.of(model).map { FastISMGraph(graph: $0) }
  }

  /// The positions one chunk takes within the memory budget.
  var chunkPositions: Int {
    let bytesPerPosition = 4 * graph.scalarsPerMutant * MemoryLayout<Float>.stride
    return min(
      FastISMChain.positionsPerChunk,
      MemoryBudget.current.items(each: bytesPerPosition, share: 0.125))
  }

  /// The deltas `[N, L, 4, O]` of the explained head, and its original outputs `[N, O]`.
  /// - Parameter input: `[N, L, 4]`.
  /// - Returns: The deltas and the original outputs.
  func deltas(for input: Tensor) -> (deltas: Tensor, outputs: Tensor) {
    let model = graph.model
    let (length, width) = (graph.length, model.outputShape.count)
    var deltas: [Tensor] = []
    var outputs: [Tensor] = []
    for item in 0..<input.batchSize {
      let x = input.items(item..<(item + 1))
      let original = model.evaluate(x, at: [model.outputNode])[0]
      let cache = graph.cache(of: x)
      let summaries = graph.summaries.map { summary in
        let source = graph.windows[summary.source]
        return summary.head.summary(
          of: cache.activations[summary.source], length: source?.length ?? 0,
          channels: source?.channels ?? 0)
      }
      let parts = Parallel.mapChunks(count: length, chunkSize: chunkPositions) { positions in
        mutantDeltas(positions, x: x.scalars, cache: cache, summaries: summaries, width: width)
      }
      deltas.append(Tensor(shape: [1, length, 4, width], scalars: parts.flatMap { $0 }))
      outputs.append(original.reshaped([1, width]))
    }
    return (Tensor.concatenating(deltas), Tensor.concatenating(outputs))
  }

  /// The deltas `[P, 4, O]` of the mutants at `positions` (0 at observed bases).
  /// - Parameters:
  ///   - positions: Input positions.
  ///   - x: The item `[L, 4]`.
  ///   - cache: ``LocalGraph/cache(of:)`` of the item.
  ///   - summaries: Each summary layer's summary of the original.
  ///   - width: Outputs `O`.
  /// - Returns: `P · 4 · O` scalars.
  func mutantDeltas(
    _ positions: Range<Int>, x: [Float], cache: LocalGraph.Cache, summaries: [PositionSummary],
    width: Int
  ) -> [Float] {
    var mutants: [(position: Int, base: Int)] = []
    for position in positions {
      for base in 0..<4 where x[position * 4 + base] != 1 { mutants.append((position, base)) }
    }
    var result = [Float](repeating: 0, count: positions.count * 4 * width)
    guard !mutants.isEmpty else { return result }
    let model = graph.model
    let count = mutants.count
    let changed = graph.propagate(
      PositionWindows(
        values: mutants.flatMap { mutant in (0..<4).map { $0 == mutant.base ? Float(1) : 0 } },
        starts: mutants.map(\.position), width: 1, channels: 4),
      positions: mutants.map(\.position), cache: cache)
    var values = [Tensor?](repeating: nil, count: model.layers.count + 1)
    for (summary, original) in zip(graph.summaries, summaries) {
      guard let window = changed[summary.source], let source = graph.windows[summary.source]
      else { continue }
      let rows = summary.head.forward(
        window, original: cache.activations[summary.source], summary: original,
        length: source.length)
      values[summary.layer + 1] = Tensor(
        shape: model.shapes[summary.layer + 1].batched(count + 1), scalars: original.output + rows)
    }
    for (node, source) in graph.wholeNodes {
      guard let window = changed[source] else { continue }
      values[node] = Tensor(
        shape: model.shapes[node].batched(count + 1),
        scalars: LocalGraph.wholeRows(window, original: cache.activations[source]))
    }
    let frontier = values.compactMap { $0 }
    for index in graph.tail {
      let output = model.apply(index) { node in
        guard let value = values[node] else {
          preconditionFailure("FastISMGraph: node \(node) read before it was computed")
        }
        return value
      }
      values[index + 1] = output
    }
    guard let outputs = values[model.outputNode]?.scalars else { return result }
    for (m, mutant) in mutants.enumerated() {
      let isUnchanged = frontier.allSatisfy { rows in
        let units = rows.itemCount
        return rows.withUnsafeBufferPointer { r in
          (0..<units).allSatisfy { r[(m + 1) * units + $0] == r[$0] }
        }
      }
      guard !isUnchanged else { continue }
      let target = ((mutant.position - positions.lowerBound) * 4 + mutant.base) * width
      for o in 0..<width { result[target + o] = outputs[(m + 1) * width + o] - outputs[o] }
    }
    return result
  }
}
