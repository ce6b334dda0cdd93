/// Uninformative "explanations" every sanity check reports beside the real methods.
///
/// They give the floor and ceiling a similarity score can reach without looking at the model:
/// random noise "passes" model randomization (Binder et al. 2023, arXiv:2211.12486), and the
/// input itself never changes when the model does.
public struct ControlExplainer: SeededExplainer {
  /// `control`; each kind reports its own name as the method.
  public static let identifier = "control"

  /// The kind of control map.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Standard normal noise, drawn from `(seed, item, model output)`, so it changes with the model.
    case random
    /// A constant map (every value 1): its rank correlation is undefined.
    case constant
    /// The input itself: identical for every model.
    case input
  }

  /// The kind of control.
  public var kind: Kind
  /// The seed of the random control.
  public var seed: UInt64
  /// The data-set index of the first item (see ``SeededExplainer``).
  public var firstItem = 0

  /// Creates a control.
  /// - Parameters:
  ///   - kind: Random, constant or input.
  ///   - seed: The seed of the random control.
  public init(_ kind: Kind, seed: UInt64 = 0) {
    self.kind = kind
    self.seed = seed
  }

  /// The control map in the input's shape.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let outputs = model.values(of: model.forward(input), at: targets)
    let values: Tensor
    switch kind {
    case .random:
      // Each item draws from its own stream, so chunks of items run side by side.
      let (width, seed, firstItem) = (input.itemCount, seed, firstItem)
      let parts = Parallel.mapChunks(count: input.batchSize, chunkSize: 64) { items in
        var part = [Float]()
        part.reserveCapacity(items.count * width)
        for item in items {
          var generator = SeededGenerator(
            seed: seed ^ UInt64(outputs[item].bitPattern), stream: UInt64(firstItem + item))
          for _ in 0..<width { part.append(generator.normal()) }
        }
        return part
      }
      values = Tensor(shape: input.shape, scalars: parts.flatMap { $0 })
    case .constant:
      values = Tensor(shape: input.shape, repeating: 1)
    case .input:
      values = input
    }
    return Attribution(
      values: values, method: kind.rawValue, targets: targets, predictions: outputs)
  }
}
