extension FastISMChain {
  /// The deltas `[P, 4, O]` of the mutants at `positions` (0 at observed bases).
  /// - Parameters:
  ///   - positions: Input positions.
  ///   - x: The item `[L, 4]`.
  ///   - cache: ``LocalChain/cache(of:)`` of the item.
  ///   - summary: The head's summary of the original.
  ///   - width: Outputs `O`.
  /// - Returns: `P · 4 · O` scalars.
  func mutantDeltas(
    _ positions: Range<Int>, x: [Float], cache: LocalChain.Cache, summary: PositionSummary,
    width: Int
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
    let mutantPositions = mutants.map(\.position)
    for index in chain.steps.indices {
      changed = chain.propagate(changed, through: index, positions: mutantPositions, cache: cache)
    }
    let units = summary.output.count
    let heads = chain.head.forward(
      changed, original: cache.headInput, summary: summary, length: chain.headLength)
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
}
