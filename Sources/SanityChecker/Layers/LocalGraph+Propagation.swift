extension LocalGraph {
  /// The original item's activation at every region node `[L_n, C_n]` (empty elsewhere), and
  /// the pre-activation of each step that is an ``IncrementalLocalLayer`` (empty for the others).
  struct Cache: Sendable {
    /// By node.
    var activations: [[Float]]
    /// By step.
    var preActivations: [[Float]]
  }

  /// The cache of one item.
  /// - Parameter x: `[1, L, C]`.
  /// - Returns: The region's activations and pre-activations.
  func cache(of x: Tensor) -> Cache {
    let trace = model.trace(x)
    let activations = windows.indices.map {
      windows[$0] == nil ? [] : trace.activations[$0].scalars
    }
    let preActivations = steps.map { step -> [Float] in
      guard case .local(let layer) = step.operation,
        let incremental = layer as? any IncrementalLocalLayer
      else { return [] }
      return incremental.preActivation(of: trace.activations[step.inputs[0]])
    }
    return Cache(activations: activations, preActivations: preActivations)
  }

  /// The changed windows of every region node the layers after the region read, for mutants
  /// whose input windows are `mutants` (node 0's changed windows).
  ///
  /// Each step's window is computed as ``LocalChain`` computes a step's (a convolution adds
  /// its kernel times the change; other layers recompute their window from their input window
  /// completed with the cache; a merge runs on its inputs' windows completed to its own), then
  /// positions outside the reached range are reset to the cache, so a change that reaches no
  /// position leaves every later value as it was, bit for bit. A window is dropped after its
  /// last reader.
  /// - Parameters:
  ///   - mutants: Node 0's windows `[M, 1, C]`.
  ///   - positions: Each mutant's input position (which picks its windows).
  ///   - cache: The original item's cache.
  /// - Returns: By node: the changed windows of the nodes ``summaries`` and ``wholeNodes``
  ///   read, `nil` for the others.
  func propagate(_ mutants: PositionWindows, positions: [Int], cache: Cache) -> [PositionWindows?] {
    var lastReader = [Int](repeating: -1, count: windows.count)
    for (index, step) in steps.enumerated() { for node in step.inputs { lastReader[node] = index } }
    for node in summaries.map(\.source) + wholeNodes.map(\.source) {
      lastReader[node] = steps.count
    }
    var changed = [PositionWindows?](repeating: nil, count: windows.count)
    changed[0] = mutants
    for (index, step) in steps.enumerated() {
      guard let out = windows[step.layer + 1] else { continue }
      let outputStarts = positions.map { out.starts[$0] }
      let inputs = step.inputs.map { node in
        changed[node] ?? PositionWindows(values: [], starts: [], width: 0, channels: 0)
      }
      var result: PositionWindows
      switch step.operation {
      case .local(let layer):
        let (node, inputLength) = (step.inputs[0], windows[step.inputs[0]]?.length ?? 0)
        if let incremental = layer as? any IncrementalLocalLayer {
          result = incremental.forward(
            change: inputs[0], original: cache.activations[node],
            preActivation: cache.preActivations[index], inputLength: inputLength,
            outputStarts: outputStarts, outputWidth: out.width)
        } else {
          let input = LocalChain.completed(
            inputs[0], from: cache.activations[node],
            starts: positions.map { step.inputStarts[$0] }, width: step.inputWidth)
          result = layer.forward(
            input, inputLength: inputLength, outputStarts: outputStarts, outputWidth: out.width)
        }
      case .merge(let merge):
        let batch = zip(step.inputs, inputs).map { node, window in
          let completed = LocalChain.completed(
            window, from: cache.activations[node], starts: outputStarts, width: out.width)
          return Tensor(
            shape: [positions.count, out.width, completed.channels], scalars: completed.values)
        }
        result = PositionWindows(
          values: merge.forward(batch).scalars, starts: outputStarts, width: out.width,
          channels: out.channels)
      }
      result.restore(
        outside: positions.map { out.reached[$0] }, from: cache.activations[step.layer + 1])
      changed[step.layer + 1] = result
      for node in step.inputs where lastReader[node] == index { changed[node] = nil }
    }
    return changed
  }

  /// The mutants' whole activations at region node `node`: row 0 the original, row `m + 1` the
  /// original with mutant `m`'s changed window written over it.
  /// - Parameters:
  ///   - changed: The node's changed windows.
  ///   - original: The node's cached activation.
  /// - Returns: `(M + 1) · L · C` scalars.
  static func wholeRows(_ changed: PositionWindows, original: [Float]) -> [Float] {
    let (channels, width) = (changed.channels, changed.width)
    var rows = [Float](repeating: 0, count: (changed.count + 1) * original.count)
    rows.withUnsafeMutableBufferPointer { out in
      original.withUnsafeBufferPointer { a in
        changed.values.withUnsafeBufferPointer { c in
          for row in 0...changed.count {
            for j in 0..<original.count { out[row * original.count + j] = a[j] }
          }
          for m in 0..<changed.count {
            let target = (m + 1) * original.count + changed.starts[m] * channels
            for j in 0..<(width * channels) { out[target + j] = c[m * width * channels + j] }
          }
        }
      }
    }
    return rows
  }
}

extension PositionWindows {
  /// Resets every position of window `m` outside `reached[m]` to the original's value.
  /// - Parameters:
  ///   - reached: The positions each window's change can reach.
  ///   - original: The original activation `[L, C]`.
  mutating func restore(outside reached: [Range<Int>], from original: [Float]) {
    let (channels, width) = (self.channels, self.width)
    let starts = self.starts
    values.withUnsafeMutableBufferPointer { out in
      original.withUnsafeBufferPointer { a in
        for m in 0..<starts.count {
          for j in 0..<width where !reached[m].contains(starts[m] + j) {
            let (target, source) = ((m * width + j) * channels, (starts[m] + j) * channels)
            for k in 0..<channels { out[target + k] = a[source + k] }
          }
        }
      }
    }
  }
}
