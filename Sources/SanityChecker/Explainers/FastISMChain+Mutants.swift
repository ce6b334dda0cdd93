extension FastISMChain {
  /// The deltas `[P, 4, O]` of the mutants at `positions` (0 at observed bases).
  /// - Parameters:
  ///   - positions: Input positions.
  ///   - x: The item `[L, 4]`.
  ///   - cache: ``activations(of:)`` of the item.
  ///   - summary: The head's summary of the original.
  ///   - width: Outputs `O`.
  /// - Returns: `P · 4 · O` scalars.
  func mutantDeltas(
    _ positions: Range<Int>, x: [Float], cache: [[Float]], summary: PositionSummary, width: Int
  ) -> [Float] {
    var mutants: [(position: Int, base: Int)] = []
    for position in positions {
      for base in 0..<4 where x[position * 4 + base] != 1 { mutants.append((position, base)) }
    }
    var result = [Float](repeating: 0, count: positions.count * 4 * width)
    guard !mutants.isEmpty else { return result }
    var changed = PositionWindows(
      values: mutants.flatMap { mutant in (0..<4).map { $0 == mutant.base ? Float(1) : 0 } },
      starts: mutants.map(\.position), width: 1, channels: 4)
    for (index, step) in chain.steps.enumerated() {
      let input = completed(
        changed, from: cache[index], starts: mutants.map { step.inputStarts[$0.position] }, width: step.inputWidth)
      changed = step.layer.forward(
        input, inputLength: step.inputLength, outputStarts: mutants.map { step.outputStarts[$0.position] },
        outputWidth: step.outputWidth)
    }
    let units = summary.output.count
    let heads = chain.head.forward(
      changed, original: cache[cache.count - 1], summary: summary, length: chain.headLength)
    let rows = Tensor(shape: [mutants.count + 1, units], scalars: summary.output + heads)
    let outputs = chain.tail.reduce(rows) { $1.forward($0) }.scalars
    for (m, mutant) in mutants.enumerated() {
      let isUnchanged = (0..<units).allSatisfy { heads[m * units + $0] == summary.output[$0] }
      guard !isUnchanged else { continue }
      let target = ((mutant.position - positions.lowerBound) * 4 + mutant.base) * width
      for o in 0..<width { result[target + o] = outputs[(m + 1) * width + o] - outputs[o] }
    }
    return result
  }

  /// Windows `starts[m] ..< starts[m] + width` of the original activation with `changed`
  /// written over the positions they share.
  /// - Parameters:
  ///   - changed: The changed windows `[M, W', C]`.
  ///   - original: The original activation `[L, C]`.
  ///   - starts: The first position of each new window.
  ///   - width: Positions per new window.
  /// - Returns: `[M, width, C]`.
  func completed(_ changed: PositionWindows, from original: [Float], starts: [Int], width: Int) -> PositionWindows {
    let channels = changed.channels
    var values = [Float](repeating: 0, count: starts.count * width * channels)
    values.withUnsafeMutableBufferPointer { out in
      original.withUnsafeBufferPointer { a in
        changed.values.withUnsafeBufferPointer { c in
          for m in 0..<starts.count {
            let target = m * width * channels
            for j in 0..<(width * channels) { out[target + j] = a[starts[m] * channels + j] }
            let overlap = max(starts[m], changed.starts[m])..<min(starts[m] + width, changed.starts[m] + changed.width)
            for position in overlap {
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
