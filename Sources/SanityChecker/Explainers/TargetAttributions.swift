/// The maps of several output units for the same items, with a target axis last.
///
/// Target `t`'s slice is the ``Attribution`` that ``Explainer/attribution(for:targets:in:)``
/// gives with every item explained at `selection.indices[t]`.
public struct TargetAttributions: Sendable {
  /// The maps, `[N, …, T]`: the map shape of one target with the target axis appended.
  public var values: Tensor
  /// The explained output of each item at each target, `[N, T]`.
  public var predictions: Tensor
  /// Per item and target, the completeness gap (``Attribution/conservationGap``), `[N, T]`;
  /// `nil` for methods without one.
  public var conservationGap: Tensor?
  /// The explainer's identifier.
  public var method: String
  /// The explained units, in the order of the target axis.
  public var selection: TargetSelection

  /// Stacks one attribution per target along a new last axis.
  /// - Parameters:
  ///   - parts: One attribution per selected unit, in `selection` order, all of the same shape.
  ///   - selection: The units.
  public init(stacking parts: [Attribution], selection: TargetSelection) {
    precondition(
      parts.count == selection.count && !parts.isEmpty,
      "TargetAttributions: \(parts.count) attributions for \(selection.count) targets")
    let count = parts.count
    let shape = parts[0].values.shape
    func stacked(_ tensors: [Tensor], shape: Shape) -> Tensor {
      Tensor(shape: Shape(shape.dimensions + [count])) { out in
        for (t, part) in tensors.enumerated() {
          part.withUnsafeBufferPointer { p in
            for cell in 0..<p.count { out[cell * count + t] = p[cell] }
          }
        }
      }
    }
    let items = shape[0]
    values = stacked(parts.map(\.values), shape: shape)
    predictions = stacked(
      parts.map { Tensor(shape: [items], scalars: $0.predictions) }, shape: [items])
    conservationGap =
      parts.allSatisfy { $0.conservationGap != nil }
      ? stacked(
        parts.map { Tensor(shape: [items], scalars: $0.conservationGap ?? []) }, shape: [items])
      : nil
    method = parts[0].method
    self.selection = selection
  }

  /// Joins the attributions of consecutive batches of items.
  /// - Parameter parts: The batches in order (at least one), all of the same units.
  /// - Returns: One value whose item axis runs over every batch.
  public static func concatenating(_ parts: [TargetAttributions]) -> TargetAttributions {
    precondition(!parts.isEmpty, "TargetAttributions.concatenating: no parts")
    var joined = parts[0]
    joined.values = Tensor.concatenating(parts.map(\.values))
    joined.predictions = Tensor.concatenating(parts.map(\.predictions))
    joined.conservationGap =
      parts.allSatisfy { $0.conservationGap != nil }
      ? Tensor.concatenating(parts.compactMap(\.conservationGap)) : nil
    return joined
  }
}
