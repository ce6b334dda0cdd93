/// A sequential model: named layers applied in order, with shapes checked once at creation.
///
/// `Model` is a value: randomized or retrained copies are new values, and the original is
/// never touched. Forward and backward passes work on any batch; ``forward(_:)`` cuts large
/// batches into chunks of ``chunkSize`` items and runs them in parallel.
public struct Model: Sendable {
  /// The model's name (from the file, or given).
  public var name: String
  /// The shape of one input item, e.g. `[101, 4]` or `[28, 28, 1]`.
  public let inputShape: Shape
  /// The layers, first to last.
  public private(set) var layers: [any Layer]
  /// The shape of one item after each layer: `shapes[0]` is the input, `shapes[i + 1]` follows layer `i`.
  public let shapes: [Shape]

  /// Creates a model and checks every layer's shape and parameters once.
  /// - Parameters:
  ///   - name: The model's name.
  ///   - inputShape: The shape of one input item.
  ///   - layers: The layers, first to last.
  /// - Throws: ``ModelError`` naming the first layer that does not fit or holds NaN/Inf.
  public init(name: String = "model", inputShape: Shape, layers: [any Layer]) throws(ModelError) {
    var shapes = [inputShape]
    for layer in layers {
      if let parameterized = layer as? any ParameterizedLayer {
        for key in parameterized.parameterOrder {
          if let value = parameterized.parameters[key], !value.isFinite {
            throw .nonFiniteParameter(layer: layer.name, parameter: key)
          }
        }
      }
      shapes.append(try layer.outputShape(for: shapes[shapes.count - 1]))
    }
    self.name = name
    self.inputShape = inputShape
    self.layers = layers
    self.shapes = shapes
  }

  /// The shape of one output item.
  public var outputShape: Shape { shapes[shapes.count - 1] }

  /// The layer names, first to last.
  public var layerNames: [String] { layers.map(\.name) }

  /// The index of the layer with the given name.
  /// - Parameter name: A layer name.
  /// - Returns: Its index in ``layers``.
  /// - Throws: ``ModelError/unknownLayer(_:available:)``.
  public func layerIndex(named name: String) throws(ModelError) -> Int {
    guard let index = layers.firstIndex(where: { $0.name == name }) else {
      throw .unknownLayer(name, available: layerNames)
    }
    return index
  }

  /// A copy with layer `index` replaced; the replacement must keep the layer's shapes.
  /// - Parameters:
  ///   - index: The layer's index.
  ///   - layer: The new layer.
  /// - Returns: The new model.
  /// - Throws: ``ModelError`` if the replacement changes the shapes.
  public func replacingLayer(at index: Int, with layer: any Layer) throws(ModelError) -> Model {
    var copy = layers
    copy[index] = layer
    return try Model(name: name, inputShape: inputShape, layers: copy)
  }

  /// Items per parallel chunk, from the layer shapes alone (never from the thread count or the
  /// memory budget, so results do not depend on either).
  ///
  /// ```
  /// base     = min(256, 2¹⁸ / widest activation, 2²⁵ / forward multiply-adds per item)
  /// chunk    = max(1, base)                                   most models
  /// chunk    = max(base, min(16, chunkBytes / bytesPerItem))  with a Dense kernel of ≥ 2²² weights
  /// ```
  ///
  /// Small models get large chunks, which amortize per-chunk costs; large models get small
  /// chunks, whose im2col matrices stay near a core's L2 cache (measured on the DeepBind and
  /// MNIST reference models: 210 and 3 items). A Dense kernel of 16 MiB or more is streamed from
  /// memory and packed by `sgemm` once per chunk whatever its row count, so with one row per
  /// chunk that costs as much as the product (DeepSEA's 50,880 × 925 `dense_1`); such models
  /// get up to 16 rows, within ``chunkBytes``.
  public var chunkSize: Int {
    let widest = shapes.map(\.count).max() ?? 1
    var multiplyAdds = 1
    var largestDenseKernel = 0
    for (index, layer) in layers.enumerated() {
      guard let kernel = (layer as? any ParameterizedLayer)?.parameters["kernel"], layer is any AffineLayer else {
        continue
      }
      let outputs = kernel.shape.dimensions.last ?? 1
      multiplyAdds += shapes[index + 1].count / max(outputs, 1) * kernel.shape.count
      if layer is Dense { largestDenseKernel = max(largestDenseKernel, kernel.shape.count) }
    }
    let base = max(1, min(256, (1 << 18) / max(widest, 1), (1 << 25) / multiplyAdds))
    guard largestDenseKernel >= 1 << 22 else { return base }
    return max(base, min(16, Self.chunkBytes / bytesPerItem))
  }

  /// The memory one chunk of a forward and backward pass may hold, 128 MiB: a fixed size, so
  /// chunk sizes and results never depend on ``MemoryBudget``; the budget caps how many chunks
  /// run at once (``Parallel/mapChunks(count:chunkSize:bytesPerChunk:_:)``).
  public static let chunkBytes = 128 << 20

  /// An estimate of the bytes one item holds during a traced forward and backward pass: every
  /// activation twice (the trace and the signals) plus the largest im2col matrix.
  public var bytesPerItem: Int {
    let activations = shapes.reduce(0) { $0 + $1.count }
    var columns = 0
    for (index, layer) in layers.enumerated() {
      guard layer is Conv1D || layer is Conv2D,
        let kernel = (layer as? any ParameterizedLayer)?.parameters["kernel"]
      else { continue }
      let outputs = kernel.shape.dimensions.last ?? 1
      columns = max(columns, shapes[index + 1].count / max(outputs, 1) * (kernel.shape.count / max(outputs, 1)))
    }
    return MemoryLayout<Float>.stride * (2 * activations + columns)
  }

  /// The bytes one chunk of ``chunkSize`` items holds, for ``Parallel`` to cap concurrent chunks.
  public var bytesPerChunk: Int { chunkSize * bytesPerItem }
}
