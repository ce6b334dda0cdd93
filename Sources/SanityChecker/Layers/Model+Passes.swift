/// The activations one forward pass produced: `activations[0]` is the input and
/// `activations[i + 1]` is the output of layer `i`.
public struct Trace: Sendable {
  /// The input, then each layer's output.
  public let activations: [Tensor]

  /// The model's output.
  public var output: Tensor { activations[activations.count - 1] }
}

extension Model {
  /// Runs the model on a batch, in parallel chunks.
  ///
  /// A model starting `Conv1D → GlobalMaxPooling1D` runs chunks of exact one-hot items through
  /// ``MaxPooledConvolution`` (the same values without the convolution's activation tensor).
  /// - Parameter input: `[N] + inputShape`.
  /// - Returns: `[N] + outputShape`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(input.shape.item == inputShape, "Model.forward: input \(input.shape.item) != \(inputShape)")
    let fused = MaxPooledConvolution(model: self)
    let tail = layers.dropFirst(2)
    let parts = Parallel.mapChunks(count: input.batchSize, chunkSize: chunkSize, bytesPerChunk: bytesPerChunk) { range in
      if let pooled = fused?.pooled(input, items: range) { return tail.reduce(pooled) { $1.forward($0) } }
      return layers.reduce(input.items(range)) { $1.forward($0) }
    }
    return Tensor.concatenating(parts).reshaped(outputShape.batched(input.batchSize))
  }

  /// Runs the model on one chunk and keeps every layer's output.
  /// - Parameter input: `[N] + inputShape` (not split further).
  /// - Returns: The trace of activations.
  public func trace(_ input: Tensor) -> Trace {
    precondition(input.shape.item == inputShape, "Model.trace: input \(input.shape.item) != \(inputShape)")
    var activations = [input]
    activations.reserveCapacity(layers.count + 1)
    for layer in layers { activations.append(layer.forward(activations[activations.count - 1])) }
    return Trace(activations: activations)
  }

  /// Propagates a signal from the output back to the input of layer `stop` under `rule`.
  ///
  /// - Parameters:
  ///   - trace: The forward trace of the same batch.
  ///   - seed: The signal at the model's output, `[N] + outputShape` (e.g. a one-hot target,
  ///     or the target logit for ε-LRP).
  ///   - rule: The backward rule.
  ///   - stop: The layer whose *input* receives the returned signal (0: the model's input).
  ///     To get the signal at the output of layer `j`, pass `j + 1`.
  /// - Returns: The signal at `trace.activations[stop]`.
  public func backward(
    _ trace: Trace, seed: Tensor, rule: BackwardRule, stoppingAt stop: Int = 0
  ) -> Tensor {
    precondition(seed.shape == trace.output.shape, "Model.backward: seed \(seed.shape) != \(trace.output.shape)")
    var signal = seed
    for index in stride(from: layers.count - 1, through: stop, by: -1) {
      signal = layers[index].backward(
        signal, input: trace.activations[index], output: trace.activations[index + 1], rule: rule)
    }
    return signal
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
        precondition(0 <= target && target < width, "targetSeed: target \(target) outside 0..<\(width)")
        seed[item * width + target] = weights?[item] ?? 1
      }
    }
  }
}
