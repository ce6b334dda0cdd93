/// A model: a directed acyclic graph of named layers, with shapes checked once at creation.
///
/// Layers are stored in topological order. Node 0 is the input and node `i + 1` is the output
/// of layer `i`; ``inputNodes`` gives, for each layer, the nodes it reads (one for a ``Layer``,
/// one or more for a ``MergeLayer``), and ``outputNodes`` the model's outputs (its heads). A
/// chain, where each layer reads the node before it and the last node is the only output, is
/// the special case every sequential initializer builds; ``isChain`` says so, and chain-only
/// fast paths check it.
///
/// `Model` is a value: randomized or retrained copies are new values, and the original is
/// never touched. Forward and backward passes work on any batch; ``forward(_:)`` cuts large
/// batches into chunks of ``chunkSize`` items and runs them in parallel.
public struct Model: Sendable {
  /// The model's name (from the file, or given).
  public var name: String
  /// The shape of one input item, for example `[101, 4]` or `[28, 28, 1]`.
  public let inputShape: Shape
  /// The layers in topological order (each reads only the input or earlier layers' outputs).
  public private(set) var layers: [any Layer]
  /// For each layer, the nodes it reads: 0 is the input, `i + 1` the output of layer `i`.
  public let inputNodes: [[Int]]
  /// The model's outputs (heads), in the file's order.
  public let outputNodes: [Int]
  /// The head that forward and backward passes, targets and explanations refer to (index into
  /// ``outputNodes``; 0 unless chosen with ``selectingOutputHead(_:)``).
  public internal(set) var outputHead: Int = 0
  /// The shape of one item at each node: `shapes[0]` is the input, `shapes[i + 1]` follows layer `i`.
  public let shapes: [Shape]
  /// Whether every layer reads the node before it and the last node is the only output.
  public let isChain: Bool

  /// Creates a sequential model and checks every layer's shape and parameters once.
  /// - Parameters:
  ///   - name: The model's name.
  ///   - inputShape: The shape of one input item.
  ///   - layers: The layers, first to last, each reading the one before it.
  /// - Throws: ``ModelError`` naming the first layer that does not fit or holds NaN/Inf.
  public init(name: String = "model", inputShape: Shape, layers: [any Layer]) throws(ModelError) {
    try self.init(
      name: name, inputShape: inputShape, layers: layers, inputNodes: layers.indices.map { [$0] },
      outputNodes: [layers.count])
  }

  /// Creates a graph model and checks its wiring, every layer's shape and parameters once.
  ///
  /// ```swift
  /// // x → conv → relu ─┬→ add → dense
  /// //   └────────────────┘   (a residual block: node 0 is the input)
  /// let model = try Model(
  ///   name: "residual", inputShape: [100, 4],
  ///   layers: [conv, relu, Add(name: "add"), flatten, dense],
  ///   inputNodes: [[0], [1], [2, 0], [3], [4]], outputNodes: [5])
  /// ```
  /// - Parameters:
  ///   - name: The model's name.
  ///   - inputShape: The shape of one input item.
  ///   - layers: The layers in topological order.
  ///   - inputNodes: For each layer, the nodes it reads (each `≤` the layer's index; exactly
  ///     one unless the layer is a ``MergeLayer``).
  ///   - outputNodes: The output nodes (at least one), first the default head.
  /// - Throws: ``ModelError/graph(model:layer:problem:)`` for bad wiring, or the first layer's
  ///   shape or parameter error.
  public init(
    name: String = "model", inputShape: Shape, layers: [any Layer], inputNodes: [[Int]],
    outputNodes: [Int]
  ) throws(ModelError) {
    guard inputNodes.count == layers.count else {
      throw .graph(
        model: name, layer: "input",
        problem: "\(inputNodes.count) input lists for \(layers.count) layers")
    }
    guard !outputNodes.isEmpty, outputNodes.allSatisfy({ (0...layers.count).contains($0) }) else {
      throw .graph(
        model: name, layer: "output",
        problem: "outputs \(outputNodes) are not nodes 0...\(layers.count)")
    }
    var shapes = [inputShape]
    for (index, layer) in layers.enumerated() {
      if let parameterized = layer as? any ParameterizedLayer {
        for key in parameterized.parameterOrder {
          if let value = parameterized.parameters[key], !value.isFinite {
            throw .nonFiniteParameter(layer: layer.name, parameter: key)
          }
        }
      }
      let reads = inputNodes[index]
      guard !reads.isEmpty, reads.allSatisfy({ (0...index).contains($0) }) else {
        throw .graph(
          model: name, layer: layer.name,
          problem: "reads nodes \(reads); a layer reads at least one earlier node (0...\(index))")
      }
      if let merge = layer as? any MergeLayer {
        shapes.append(try merge.outputShape(for: reads.map { shapes[$0] }))
      } else {
        guard reads.count == 1 else {
          throw .graph(
            model: name, layer: layer.name,
            problem: "reads \(reads.count) nodes but is not a merge layer")
        }
        shapes.append(try layer.outputShape(for: shapes[reads[0]]))
      }
    }
    self.name = name
    self.inputShape = inputShape
    self.layers = layers
    self.inputNodes = inputNodes
    self.outputNodes = outputNodes
    self.shapes = shapes
    self.isChain =
      outputNodes == [layers.count]
      && inputNodes.enumerated().allSatisfy { $0.element == [$0.offset] }
      && !layers.contains { $0 is any MergeLayer }
  }

  /// A copy with other layers of the same kinds and shapes, wired as this model.
  ///
  /// Randomization, training and length changes use it so a graph keeps its wiring and head.
  /// - Parameters:
  ///   - layers: One layer per layer of this model.
  ///   - inputShape: The input shape (this model's by default).
  /// - Returns: The new model.
  /// - Throws: ``ModelError`` if a layer does not fit its inputs.
  public func replacingLayers(_ layers: [any Layer], inputShape: Shape? = nil) throws(ModelError)
    -> Model
  {
    var copy = try Model(
      name: name, inputShape: inputShape ?? self.inputShape, layers: layers, inputNodes: inputNodes,
      outputNodes: outputNodes)
    copy.outputHead = outputHead
    return copy
  }

  /// The shape of one output item.
  public var outputShape: Shape { shapes[outputNode] }

  /// The node of the chosen head (``outputHead``).
  public var outputNode: Int { outputNodes[outputHead] }

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
    return try replacingLayers(copy)
  }

  /// Items per parallel chunk, from the layer shapes and the processor's matrix kernel
  /// (``GEMMKernel``) alone: never from the thread count or the memory budget, so results do not
  /// depend on either.
  ///
  /// ```
  /// base     = min(256, 2¹⁸ / widest activation, 2²⁵ / forward multiply-adds per item)
  /// chunk    = max(1, base)                                   most models
  /// chunk    = max(base, min(32, chunkBytes / bytesPerItem))  with a Dense kernel of ≥ 2²² weights
  /// ```
  ///
  /// Small models get large chunks, which amortize per-chunk costs; large models get small
  /// chunks, whose im2col matrices stay near a core's L2 cache (measured on the DeepBind and
  /// MNIST reference models: 210 and 3 items). A Dense kernel of 16 MiB or more is streamed from
  /// memory and packed by `sgemm` once per chunk whatever its row count, so with one row per
  /// chunk that costs as much as the product (DeepSEA's 50,880 × 925 `dense_1`); such models
  /// get up to 32 rows, within ``chunkBytes`` (DeepSEA: 25 with the `CKernels` products, whose
  /// convolutions hold no column matrix, 16 with OpenBLAS).
  public var chunkSize: Int {
    let widest = shapes.map(\.count).max() ?? 1
    var multiplyAdds = 1
    var largestDenseKernel = 0
    for (index, layer) in layers.enumerated() {
      guard let kernel = (layer as? any ParameterizedLayer)?.parameters["kernel"],
        layer is any AffineLayer
      else {
        continue
      }
      let outputs = kernel.shape.dimensions.last ?? 1
      multiplyAdds += shapes[index + 1].count / max(outputs, 1) * kernel.shape.count
      if layer is Dense { largestDenseKernel = max(largestDenseKernel, kernel.shape.count) }
    }
    let base = max(1, min(256, (1 << 18) / max(widest, 1), (1 << 25) / multiplyAdds))
    guard largestDenseKernel >= 1 << 22 else { return base }
    return max(base, min(32, Self.chunkBytes / bytesPerItem))
  }

  /// The memory one chunk of a forward and backward pass may hold, 128 MiB: a fixed size, so
  /// chunk sizes and results never depend on ``MemoryBudget``; the budget caps how many chunks
  /// run at once (``Parallel/mapChunks(count:chunkSize:bytesPerChunk:_:)``).
  public static let chunkBytes = 128 << 20

  /// An estimate of the bytes one item holds during a traced forward and backward pass: every
  /// activation twice (the trace and the signals) plus the largest im2col matrix (convolutions
  /// that read their window rows in place, ``ConvolutionCore/readsWindowRows``, hold none).
  public var bytesPerItem: Int {
    let activations = shapes.reduce(0) { $0 + $1.count }
    var columns = 0
    for (index, layer) in layers.enumerated() {
      guard layer is Conv1D || layer is Conv2D,
        let kernel = (layer as? any ParameterizedLayer)?.parameters["kernel"]
      else { continue }
      let input = shapes[inputNodes[index].first ?? index]
      if let conv = layer as? Conv1D, input.rank == 2,
        conv.core(batch: 1, length: input[0]).readsWindowRows
      {
        continue
      }
      let outputs = kernel.shape.dimensions.last ?? 1
      columns = max(
        columns, shapes[index + 1].count / max(outputs, 1) * (kernel.shape.count / max(outputs, 1)))
    }
    return MemoryLayout<Float>.stride * (2 * activations + columns)
  }

  /// The bytes one chunk of ``chunkSize`` items holds, for ``Parallel`` to cap concurrent chunks.
  public var bytesPerChunk: Int { chunkSize * bytesPerItem }
}
