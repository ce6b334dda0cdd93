/// A graph model read as a region of layers local along the sequence, fed by the input, and the
/// layers after it, with the window a single-position change reaches at each node of the region.
///
/// The region holds node 0 and every node whose layer is a ``LocalLayer`` (convolutions,
/// pooling, pointwise layers, `Cropping1D`, `ZeroPadding1D`) or an ``ElementwiseMerge`` or a
/// ``Concatenate`` along channels, reading only region nodes. For an input position `l` the
/// positions a change can reach at each region node are derived in topological order:
///
/// ```
/// input                 [l, l + 1)
/// local layer           outputs(reading: reached(input))       (widened, shifted, strided)
/// merge                 hull of reached(input_k) over its inputs that are reached
/// ```
///
/// As in ``LocalChain``, every window of a node gets the node's widest reached width and is moved
/// inside `0..<L`, so all mutants share one shape; positions of a window outside the reached
/// range keep the original's values exactly.
///
/// The layers after the region read it in one of three ways: global pooling (and `Dense` after
/// `Flatten`, with `Dropout` between them) update their cached output from the changed window
/// (``PositionSummaryLayer``); any other layer with a vector output (a head's `Flatten`, the
/// BPNet profile scalar) reads the mutant's whole activation, the cached one with the changed
/// window written over it; and a node of the region that is the explained output is read whole.
/// A layer that is not local and keeps a sequence axis (`Reshape`, `Permute`, a concatenation
/// along the length) would need everything after it recomputed per mutant: the model has no
/// plan, and the reason names the layer. Only the layers the explained head depends on count.
struct LocalGraph: Sendable {
  /// The windows of one node of the region, per input position.
  struct NodeWindows: Sendable {
    /// Positions `L` and channels `C` of the node.
    let length: Int, channels: Int
    /// The positions a change at each input position can reach (possibly none).
    let reached: [Range<Int>]
    /// The first position of each input position's window.
    let starts: [Int]
    /// Positions per window.
    let width: Int

    /// Windows as wide as the widest reached range (at least 1), moved inside `0..<length`.
    init(length: Int, channels: Int, reached: [Range<Int>]) {
      let width = min(length, max(1, reached.map(\.count).max() ?? 1))
      self.length = length
      self.channels = channels
      self.reached = reached
      self.starts = reached.map { max(0, min($0.isEmpty ? 0 : $0.lowerBound, length - width)) }
      self.width = width
    }
  }

  /// A layer of the region.
  enum Operation: Sendable {
    /// A local layer reading one node.
    case local(any LocalLayer)
    /// A merge of nodes of one length.
    case merge(any MergeLayer)
  }

  /// One layer of the region and the input window it reads.
  struct Step: Sendable {
    /// The layer's index; it writes node `layer + 1`.
    let layer: Int
    /// What it computes.
    let operation: Operation
    /// The nodes it reads.
    let inputs: [Int]
    /// For a local layer that recomputes its window: the first input position each input
    /// position's window reads, and the width.
    let inputStarts: [Int], inputWidth: Int
  }

  /// A layer after the region that updates its cached output from a changed window.
  struct Summary: Sendable {
    /// The layer's index; it writes node `layer + 1`.
    let layer: Int
    /// The layer.
    let head: any PositionSummaryLayer
    /// The region node it reads (through `Flatten`, and `Dropout`, for a dense layer).
    let source: Int
  }

  /// The explained model.
  let model: Model
  /// The windows of each region node, `nil` elsewhere.
  let windows: [NodeWindows?]
  /// The region's layers, in topological order.
  let steps: [Step]
  /// The layers that update their output from a window.
  let summaries: [Summary]
  /// Nodes read whole by the layers after the region (or explained): the node and the region
  /// node whose scalars it holds.
  let wholeNodes: [(node: Int, source: Int)]
  /// The remaining layers the explained head needs, in topological order; they run on rows.
  let tail: [Int]

  /// The model's input positions.
  var length: Int { model.inputShape[0] }
}

extension LocalGraph {
  /// What a node is to the plan.
  private enum Role {
    case region
    /// `Flatten` (and `Dropout`) of a region node: the same scalars.
    case view(of: Int)
    case row
  }

  /// The plan of `model`, or why there is none.
  /// - Parameter model: A model on `[L, C]` inputs.
  /// - Returns: The plan, or the first layer that does not fit.
  static func of(_ model: Model) -> Result<LocalGraph, LocalChain.Unsupported> {
    guard model.inputShape.rank == 2 else {
      return .failure(.init(message: "the input \(model.inputShape) is not [L, C]"))
    }
    let (layers, shapes) = (model.layers, model.shapes)
    var isNeeded = [Bool](repeating: false, count: layers.count + 1)
    isNeeded[model.outputNode] = true
    for index in layers.indices.reversed() where isNeeded[index + 1] {
      for node in model.inputNodes[index] { isNeeded[node] = true }
    }
    var roles = [Role](repeating: .row, count: layers.count + 1)
    roles[0] = .region
    var windows = [NodeWindows?](repeating: nil, count: layers.count + 1)
    windows[0] = NodeWindows(
      length: shapes[0][0], channels: shapes[0][1],
      reached: (0..<shapes[0][0]).map { $0..<($0 + 1) })
    var steps: [Step] = []
    var summaries: [Summary] = []
    var whole: [(node: Int, source: Int)] = []
    var tail: [Int] = []
    func source(_ node: Int) -> Int? {
      switch roles[node] {
      case .region: return node
      case .view(let region): return region
      case .row: return nil
      }
    }
    for index in layers.indices where isNeeded[index + 1] {
      let (layer, reads, output) = (layers[index], model.inputNodes[index], index + 1)
      let isRegion = reads.allSatisfy { if case .region = roles[$0] { true } else { false } }
      if isRegion, shapes[output].rank == 2,
        let planned = Self.step(index, in: model, windows: windows)
      {
        (roles[output], windows[output]) = (.region, planned.windows)
        steps.append(planned.step)
      } else if isRegion, let head = layer as? any PositionSummaryLayer, !(layer is Dense) {
        summaries.append(Summary(layer: index, head: head, source: reads[0]))
      } else if isRegion, layer is Flatten {
        roles[output] = .view(of: reads[0])
      } else if reads.count == 1, case .view(let region) = roles[reads[0]], layer is Dropout {
        roles[output] = .view(of: region)
      } else if reads.count == 1, case .view(let region) = roles[reads[0]],
        let dense = layer as? Dense
      {
        summaries.append(Summary(layer: index, head: dense, source: region))
      } else {
        let sources = reads.compactMap { node in source(node).map { (node, $0) } }
        guard sources.isEmpty || shapes[output].rank == 1 else {
          return .failure(
            .init(
              message: "'\(layer.name)' (\(type(of: layer))) reads the sequence but is not local "
                + "along it and its output \(shapes[output]) is not a vector"))
        }
        for (node, region) in sources where !whole.contains(where: { $0.node == node }) {
          whole.append((node: node, source: region))
        }
        tail.append(index)
      }
    }
    if let region = source(model.outputNode),
      !whole.contains(where: { $0.node == model.outputNode })
    {
      whole.append((node: model.outputNode, source: region))
    }
    guard !steps.isEmpty || !summaries.isEmpty else {
      return .failure(.init(message: "no local layer or global pooling reads the input"))
    }
    return .success(
      LocalGraph(
        model: model, windows: windows, steps: steps, summaries: summaries, wholeNodes: whole,
        tail: tail))
  }

  /// The region step of layer `index` and its output windows, or `nil` when the layer is not
  /// local along the sequence.
  private static func step(_ index: Int, in model: Model, windows: [NodeWindows?])
    -> (step: Step, windows: NodeWindows)?
  {
    let (layer, reads, output) = (model.layers[index], model.inputNodes[index], index + 1)
    let inputs = reads.compactMap { windows[$0] }
    guard inputs.count == reads.count, let first = inputs.first else { return nil }
    let (length, channels) = (model.shapes[output][0], model.shapes[output][1])
    if let local = layer as? any LocalLayer, reads.count == 1 {
      let reached = first.reached.map {
        $0.isEmpty ? 0..<0 : local.outputs(reading: $0, inputLength: first.length)
      }
      let out = NodeWindows(length: length, channels: channels, reached: reached)
      let read = out.starts.map {
        local.inputs(readBy: $0..<($0 + out.width), inputLength: first.length)
      }
      let inputWidth = min(first.length, max(1, read.map(\.count).max() ?? 1))
      let step = Step(
        layer: index, operation: .local(local), inputs: reads,
        inputStarts: read.map { max(0, min($0.lowerBound, first.length - inputWidth)) },
        inputWidth: inputWidth)
      return (step, out)
    }
    guard let merge = layer as? any MergeLayer, isAlongChannels(merge),
      inputs.allSatisfy({ $0.length == length })
    else { return nil }
    let reached = first.reached.indices.map { position in
      let parts = inputs.map { $0.reached[position] }.filter { !$0.isEmpty }
      guard let lower = parts.map(\.lowerBound).min(), let upper = parts.map(\.upperBound).max()
      else { return 0..<0 }
      return lower..<upper
    }
    let out = NodeWindows(length: length, channels: channels, reached: reached)
    return (
      Step(layer: index, operation: .merge(merge), inputs: reads, inputStarts: [], inputWidth: 0),
      out
    )
  }

  /// Whether a merge of `[L, C_k]` inputs combines each position with the same position only.
  private static func isAlongChannels(_ merge: any MergeLayer) -> Bool {
    switch merge {
    case is ElementwiseMerge: return true
    case let concatenate as Concatenate: return concatenate.axis == -1 || concatenate.axis == 1
    default: return false
    }
  }

  /// An upper bound on the scalars one mutant holds at once: each region node's window a few
  /// times over (changed, completed, column matrices), whole nodes twice, the tail's rows twice.
  var scalarsPerMutant: Int {
    let shapes = model.shapes
    var total = 0
    for step in steps {
      guard let out = windows[step.layer + 1] else { continue }
      let inputChannels = step.inputs.reduce(0) { $0 + shapes[$1][1] }
      var columns = step.inputWidth * inputChannels
      if case .local(let layer as Conv1D) = step.operation {
        columns = out.width * layer.kernelShape[0] * layer.kernelShape[1]
      }
      total += 4 * out.width * out.channels + columns
    }
    total += wholeNodes.reduce(0) { $0 + 2 * shapes[$1.node].count }
    total += tail.reduce(0) { $0 + 2 * shapes[$1 + 1].count }
    return total + summaries.reduce(0) { $0 + 2 * shapes[$1.layer + 1].count }
  }
}
