extension InputData {
  /// Whether every item is labelled positive in every task (for example DeepBind's `*_AC.seq`
  /// training files).
  public var hasOnlyPositives: Bool {
    guard let labels else { return false }
    return labels.allSatisfy { row in row.allSatisfy { $0 > 0.5 } }
  }

  /// The data with one dinucleotide-shuffled negative (all labels 0) per sequence appended, as
  /// DeepBind's training drew its negatives.
  ///
  /// Negative `i` draws from the stream `(seed, i)`.
  /// - Parameter seed: The shuffle seed.
  /// - Returns: Positives then negatives; ids of negatives end in `_shuf`, and their lines are
  ///   those of the records they were shuffled from.
  public func withShuffledNegatives(seed: UInt64) -> InputData {
    let negatives = ShuffledReferences.oneHot(inputs, seed: seed, firstItem: 0, copy: 0)
    let tasks = labels?.first?.count ?? 1
    return InputData(
      inputs: Tensor.concatenating([inputs, negatives]), ids: ids + ids.map { $0 + "_shuf" },
      labels: (labels ?? ids.map { _ in [Float](repeating: 1, count: tasks) })
        + ids.map { _ in [Float](repeating: 0, count: tasks) },
      kind: kind, classNames: classNames, lines: lines.map { $0 + $0 })
  }
}

extension InputData {
  /// A seeded random split into training and validation items.
  /// - Parameters:
  ///   - fraction: The share of items held out for validation, in (0, 1).
  ///   - seed: The seed of the permutation.
  /// - Returns: The training and validation parts (validation keeps at least one item).
  public func split(validationFraction fraction: Double, seed: UInt64) -> (
    training: InputData, validation: InputData
  ) {
    var generator = SeededGenerator(seed: seed)
    let order = generator.permutation(ids.count)
    let held = max(1, min(ids.count - 1, Int((Double(ids.count) * fraction).rounded())))
    func subset(_ indices: [Int]) -> InputData {
      InputData(
        inputs: inputs.gathering(indices), ids: indices.map { ids[$0] },
        labels: labels.map { all in indices.map { all[$0] } },
        kind: kind, classNames: classNames, lines: lines.map { all in indices.map { all[$0] } })
    }
    return (subset(Array(order.dropFirst(held))), subset(Array(order.prefix(held))))
  }
}
