/// One shard of a standalone check (`sanity check … --shard K/N`): the block's items at one
/// length with the model sized for them, the units to explain, and the block's place among the
/// run's items.
///
/// The block's boundaries are whole chunks of ``Model/chunkSize`` items (``ShardBlock``), so each
/// item is explained in the same chunk as in the unsharded check; seeded methods are numbered
/// from ``first`` (``Explainer/offsettingItems(by:)``), so every item draws the noise it draws
/// unsharded. A block holds no items when there are more shards than chunks.
public struct CheckBlock: Sendable {
  /// The block's items as one group (indices from 0 within the block), with the units.
  public var input: CheckInput
  /// The run's index of the block's first item.
  public var first: Int
  /// The run's item count.
  public var total: Int

  /// Creates a block.
  /// - Parameters:
  ///   - input: The block's items in one group, with the explained units.
  ///   - first: The run's index of the block's first item.
  ///   - total: The run's item count.
  public init(input: CheckInput, first: Int, total: Int) {
    self.input = input
    self.first = first
    self.total = total
  }

  /// The model, sized for the block's items.
  public var model: Model { input.model }

  /// The block's items, `[n] + model.inputShape`.
  var items: Tensor { input.groups[0].input }

  /// The block's items as the run's indices.
  var itemRange: Range<Int> { first..<(first + input.itemCount) }

  /// The explainers with the random control added when missing (the floor of normalized
  /// scores), numbered from the block's first item.
  /// - Parameter explainers: The methods and controls, numbered from the run's first item.
  /// - Returns: The explainers to score the block with.
  func numbered(withFloor explainers: [any Explainer]) -> [any Explainer] {
    SimilarityComparison.withFloorControl(explainers).map { $0.offsettingItems(by: first) }
  }

  /// This block's part: its place, the unit labels and each unit's per-item scores (one unit
  /// when none is selected: each item's predicted one; none for an empty block).
  /// - Parameter score: Scores the block for fixed targets (`nil`: predicted).
  /// - Returns: The part.
  /// - Throws: What `score` throws.
  func part(scoring score: (_ targets: [Int]?) throws -> CheckPart.Scores) throws -> CheckPart {
    var part = CheckPart(
      first: first, count: input.itemCount, total: total,
      length: model.inputShape.dimensions.first ?? 0, units: [],
      unitLabels: input.targetLabels)
    guard input.itemCount > 0 else { return part }
    let units: [Int?] = input.selection.map { $0.indices.map { Optional($0) } } ?? [nil]
    part.units = try units.map { unit in
      try score(unit.map { [Int](repeating: $0, count: input.itemCount) })
    }
    return part
  }
}

extension CheckBlock {
  /// Shard `shard` of items already loaded (the explained items of the label check, which every
  /// shard reads whole to train on).
  /// - Parameters:
  ///   - data: The run's items.
  ///   - model: The model, sized for them.
  ///   - shard: The block.
  ///   - selection: The explained units (`nil`: each item's predicted unit).
  public init(data: InputData, model: Model, shard: Shard, selection: TargetSelection?) {
    let range = shard.range(of: data.ids.count, granule: model.chunkSize)
    self.init(
      input: CheckInput(model: model, input: data.inputs.items(range), selection: selection),
      first: range.lowerBound, total: data.ids.count)
  }
}
