extension LocalChain {
  /// The original item's activations: the input and each local layer's output `[L_i, C_i]`,
  /// and the pre-activation of each ``IncrementalLocalLayer`` (empty for the others).
  struct Cache: Sendable {
    /// `outputs[0]` is the input, `outputs[i + 1]` the output of step `i`.
    var outputs: [[Float]]
    /// The pre-activation of step `i`, or empty.
    var preActivations: [[Float]]

    /// What the head reads.
    var headInput: [Float] { outputs[outputs.count - 1] }
  }

  /// The cache of one item.
  /// - Parameter x: `[1, L, C]`.
  /// - Returns: Every step's activation.
  func cache(of x: Tensor) -> Cache {
    var cache = Cache(outputs: [x.scalars], preActivations: [])
    var current = x
    for step in steps {
      cache.preActivations.append(
        (step.layer as? any IncrementalLocalLayer)?.preActivation(of: current) ?? [])
      current = step.layer.forward(current)
      cache.outputs.append(current.scalars)
    }
    return cache
  }

  /// The changed windows after step `index`, from the changed windows of its input.
  ///
  /// An ``IncrementalLocalLayer`` multiplies only the change; any other layer recomputes its
  /// output window from its input window, completed from the cache.
  /// - Parameters:
  ///   - changed: The changed windows of the step's input, one per mutant.
  ///   - index: The step.
  ///   - positions: Each mutant's input position (which picks its windows).
  ///   - cache: The original item's cache.
  /// - Returns: The changed windows of the step's output.
  func propagate(_ changed: PositionWindows, through index: Int, positions: [Int], cache: Cache)
    -> PositionWindows
  {
    let step = steps[index]
    let outputStarts = positions.map { step.outputStarts[$0] }
    if let incremental = step.layer as? any IncrementalLocalLayer {
      return incremental.forward(
        change: changed, original: cache.outputs[index], preActivation: cache.preActivations[index],
        inputLength: step.inputLength, outputStarts: outputStarts, outputWidth: step.outputWidth)
    }
    let input = Self.completed(
      changed, from: cache.outputs[index], starts: positions.map { step.inputStarts[$0] },
      width: step.inputWidth)
    return step.layer.forward(
      input, inputLength: step.inputLength, outputStarts: outputStarts,
      outputWidth: step.outputWidth)
  }

  /// Windows `starts[m] ..< starts[m] + width` of the original activation with `changed`
  /// written over the positions they share.
  /// - Parameters:
  ///   - changed: The changed windows `[M, W', C]`.
  ///   - original: The original activation `[L, C]`.
  ///   - starts: The first position of each new window.
  ///   - width: Positions per new window.
  /// - Returns: `[M, width, C]`.
  static func completed(
    _ changed: PositionWindows, from original: [Float], starts: [Int], width: Int
  ) -> PositionWindows {
    let channels = changed.channels
    var values = [Float](repeating: 0, count: starts.count * width * channels)
    values.withUnsafeMutableBufferPointer { out in
      original.withUnsafeBufferPointer { a in
        changed.values.withUnsafeBufferPointer { c in
          for m in 0..<starts.count {
            let target = m * width * channels
            for j in 0..<(width * channels) { out[target + j] = a[starts[m] * channels + j] }
            // Windows of a graph may be disjoint (a change that does not reach one branch).
            let lower = max(starts[m], changed.starts[m])
            let upper = min(starts[m] + width, changed.starts[m] + changed.width)
            for position in lower..<max(lower, upper) {
              let to = target + (position - starts[m]) * channels
              let from = (m * changed.width + position - changed.starts[m]) * channels
              for k in 0..<channels { out[to + k] = c[from + k] }
            }
          }
        }
      }
    }
    return PositionWindows(values: values, starts: starts, width: width, channels: channels)
  }
}
