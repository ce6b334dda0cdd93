/// The activations one forward pass produced, one per node: `activations[0]` is the input and
/// `activations[i + 1]` is the output of layer `i`.
public struct Trace: Sendable {
  /// The input, then each layer's output.
  public let activations: [Tensor]
  /// The node of the model's chosen output head.
  public let outputNode: Int

  /// The model's output (the chosen head).
  public var output: Tensor { activations[outputNode] }
}

extension Model {
  /// Runs the model on a batch, in parallel chunks.
  ///
  /// A model starting `Conv1D → GlobalMaxPooling1D` runs chunks of exact one-hot items through
  /// ``MaxPooledConvolution`` (the same values without the convolution's activation tensor); a
  /// chain with a `Dense` kernel of 2²² weights or more runs that layer once per block of many
  /// items (``WideDenseForward``, the same values with the kernel read once per block).
  /// - Parameter input: `[N] + inputShape`.
  /// - Returns: `[N] + outputShape`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.item == inputShape, "Model.forward: input \(input.shape.item) != \(inputShape)")
    if let wide = WideDenseForward(model: self) { return wide.forward(input) }
    let fused = MaxPooledConvolution(model: self)
    let tail = layers.dropFirst(2)
    let parts = Parallel.mapChunks(
      count: input.batchSize, chunkSize: chunkSize, bytesPerChunk: bytesPerChunk
    ) { range in
      if let pooled = fused?.pooled(input, items: range) {
        return tail.reduce(pooled) { $1.forward($0) }
      }
      return evaluate(input.items(range), at: [outputNode])[0]
    }
    return Tensor.concatenating(parts).reshaped(outputShape.batched(input.batchSize))
  }

  /// Runs the model on a batch and returns every output head, in ``outputNodes`` order.
  /// - Parameter input: `[N] + inputShape`.
  /// - Returns: One tensor per head, `[N] + shapes[outputNodes[h]]`.
  public func forwardHeads(_ input: Tensor) -> [Tensor] {
    precondition(
      input.shape.item == inputShape,
      "Model.forwardHeads: input \(input.shape.item) != \(inputShape)")
    let parts = Parallel.mapChunks(
      count: input.batchSize, chunkSize: chunkSize, bytesPerChunk: bytesPerChunk
    ) { range in
      evaluate(input.items(range), at: outputNodes)
    }
    return outputNodes.indices.map { head in
      Tensor.concatenating(parts.map { $0[head] }).reshaped(
        shapes[outputNodes[head]].batched(input.batchSize))
    }
  }

  /// Runs one chunk (not split further) and returns the given nodes.
  ///
  /// A chain runs layer after layer; a graph keeps each node only until its last reader has
  /// run, so peak memory is the widest cut through the graph, not the sum of its activations.
  /// - Parameters:
  ///   - input: `[n] + inputShape`.
  ///   - nodes: The nodes to return.
  /// - Returns: The activations at `nodes`, in order.
  public func evaluate(_ input: Tensor, at nodes: [Int]) -> [Tensor] {
    if isChain && nodes == [layers.count] { return [layers.reduce(input) { $1.forward($0) }] }
    var lastReader = [Int](repeating: -1, count: layers.count + 1)
    for (index, reads) in inputNodes.enumerated() { for node in reads { lastReader[node] = index } }
    for node in nodes { lastReader[node] = layers.count }
    var values = [Tensor?](repeating: nil, count: layers.count + 1)
    values[0] = input
    for index in layers.indices {
      values[index + 1] = apply(index) { values[$0] ?? input }
      for node in inputNodes[index] where lastReader[node] == index { values[node] = nil }
    }
    return nodes.map { values[$0] ?? input }
  }

  /// Runs layer `index` on the nodes it reads.
  /// - Parameters:
  ///   - index: The layer's index.
  ///   - node: The activation at a node.
  /// - Returns: The layer's output.
  func apply(_ index: Int, _ node: (Int) -> Tensor) -> Tensor {
    let reads = inputNodes[index]
    if let merge = layers[index] as? any MergeLayer { return merge.forward(reads.map(node)) }
    return layers[index].forward(node(reads[0]))
  }

  /// Runs layer `index` backward from the signal at its output to the nodes it reads.
  /// - Parameters:
  ///   - index: The layer's index.
  ///   - signal: The signal at the layer's output.
  ///   - activations: The trace's activations.
  ///   - rule: The backward rule.
  /// - Returns: One signal per node in `inputNodes[index]`.
  func propagate(_ index: Int, _ signal: Tensor, activations: [Tensor], rule: BackwardRule)
    -> [Tensor]
  {
    let reads = inputNodes[index]
    let output = activations[index + 1]
    if let merge = layers[index] as? any MergeLayer {
      return merge.backward(
        signal, inputs: reads.map { activations[$0] }, output: output, rule: rule)
    }
    return [
      layers[index].backward(signal, input: activations[reads[0]], output: output, rule: rule)
    ]
  }

  /// Runs the model on one chunk and keeps every layer's output.
  /// - Parameter input: `[N] + inputShape` (not split further).
  /// - Returns: The trace of activations.
  public func trace(_ input: Tensor) -> Trace {
    precondition(
      input.shape.item == inputShape, "Model.trace: input \(input.shape.item) != \(inputShape)")
    var activations = [input]
    activations.reserveCapacity(layers.count + 1)
    for index in layers.indices { activations.append(apply(index) { activations[$0] }) }
    return Trace(activations: activations, outputNode: outputNode)
  }

  /// Propagates a signal from the output back to the input of layer `stop` under `rule`.
  ///
  /// Layers run in reverse topological order; where several layers read a node, the signals
  /// they send back are summed there (the multivariate chain rule; for ε-LRP, the relevance
  /// each reader passes down). Layers the output does not depend on receive no signal.
  ///
  /// - Parameters:
  ///   - trace: The forward trace of the same batch.
  ///   - seed: The signal at the model's output, `[N] + outputShape` (e.g. a one-hot target,
  ///     or the target logit for ε-LRP).
  ///   - rule: The backward rule.
  ///   - stop: The node that receives the returned signal (0: the model's input). To get the
  ///     signal at the output of layer `j`, pass `j + 1`; in a chain, node `j` is the input of
  ///     layer `j`.
  /// - Returns: The signal at `trace.activations[stop]` (zeros if the output does not depend on it).
  public func backward(
    _ trace: Trace, seed: Tensor, rule: BackwardRule, stoppingAt stop: Int = 0
  ) -> Tensor {
    precondition(
      seed.shape == trace.output.shape,
      "Model.backward: seed \(seed.shape) != \(trace.output.shape)")
    if isChain {
      var signal = seed
      for index in stride(from: layers.count - 1, through: stop, by: -1) {
        signal = layers[index].backward(
          signal, input: trace.activations[index], output: trace.activations[index + 1], rule: rule)
      }
      return signal
    }
    var signals = [Tensor?](repeating: nil, count: layers.count + 1)
    signals[trace.outputNode] = seed
    for index in stride(from: layers.count - 1, through: stop, by: -1) {
      guard let signal = signals[index + 1] else { continue }
      signals[index + 1] = nil
      let passed = propagate(index, signal, activations: trace.activations, rule: rule)
      for (node, part) in zip(inputNodes[index], passed) where node >= stop {
        signals[node] = signals[node].map { $0.linearCombination(1, part, 1) } ?? part
      }
    }
    return signals[stop] ?? Tensor(shape: trace.activations[stop].shape)
  }

  /// A seed that selects one output unit per item (`1` at `targets[n]`, 0 elsewhere).
  /// - Parameters:
  ///   - targets: One output index per item.
  ///   - weights: The value placed at each target (1 by default; the logit for ε-LRP).
  /// - Returns: `[N] + outputShape`.
  public func targetSeed(_ targets: [Int], weights: [Float]? = nil) -> Tensor {
    let width = outputShape.count
    return Tensor(shape: outputShape.batched(targets.count)) { seed in
      for i in 0..<seed.count { seed[i] = 0 }
      for (item, target) in targets.enumerated() {
        precondition(
          0 <= target && target < width, "targetSeed: target \(target) outside 0..<\(width)")
        seed[item * width + target] = weights?[item] ?? 1
      }
    }
  }
}
