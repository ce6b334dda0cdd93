/// A method that attributes a model's output to its input.
///
/// An explainer is configuration only; the model is passed per call, because sanity checks
/// run the same explainer on many randomized models. Batches are cut into chunks of
/// ``Model/chunkSize`` items and explained in parallel; every random draw is seeded per item,
/// so results do not depend on the thread count.
public protocol Explainer: Sendable {
  /// The method's name in the CLI and in reports, e.g. `guided-backprop`.
  static var identifier: String { get }

  /// Explains one output unit per item.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - targets: The output unit to explain for each of the N items.
  ///   - model: The model (explained at its logits unless the explainer says otherwise).
  /// - Returns: The attribution maps with the predictions.
  /// - Throws: An error when the method does not apply to the model (e.g. no convolution for Grad-CAM).
  func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution

  /// Explains every item at each of several output units.
  ///
  /// Implemented for every explainer (``attributions(for:selection:in:)-extension``); methods
  /// that can share work between units (the forward pass) implement it themselves.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - selection: The output units.
  ///   - model: The model.
  /// - Returns: One attribution per unit, in `selection` order; entry `t` equals
  ///   ``attribution(for:targets:in:)`` with every target `selection.indices[t]`.
  /// - Throws: The explainer's error.
  func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
}

/// Which output an explainer differentiates.
public enum ExplainedOutput: String, Hashable, Sendable {
  /// The pre-activation of a final sigmoid or softmax (the default, as Captum's references do).
  case logit
  /// The model's own output, after any final sigmoid or softmax.
  case probability
}

extension Explainer {
  /// Explains items `first ..< first + count` in order, in parallel chunks of the model's chunk
  /// size (or `itemsPerChunk`), with no more chunks at once than ``MemoryBudget/current`` holds.
  /// - Parameters:
  ///   - input: The full batch.
  ///   - targets: One target per item.
  ///   - model: The model.
  ///   - itemsPerChunk: Items per chunk when the method batches more than the items themselves
  ///     (e.g. IG's path points); ``Model/chunkSize`` by default. Each chunk holds at most
  ///     ``Model/bytesPerChunk`` either way.
  ///   - body: Explains one chunk: its input, its targets and the index of its first item.
  /// - Returns: The chunks' attributions joined in order.
  func chunked(
    _ input: Tensor, targets: [Int], model: Model, itemsPerChunk: Int? = nil,
    _ body: @Sendable (Tensor, [Int], Int) -> Attribution
  ) -> Attribution {
    precondition(
      targets.count == input.batchSize,
      "\(Self.identifier): \(targets.count) targets for \(input.batchSize) items")
    let parts = Parallel.mapChunks(
      count: input.batchSize, chunkSize: itemsPerChunk ?? model.chunkSize,
      bytesPerChunk: model.bytesPerChunk
    ) { range in
      body(input.items(range), Array(targets[range]), range.lowerBound)
    }
    return Attribution.concatenating(parts, method: Self.identifier)
  }
}
