/// Mini-batch training of a model's parameters, deterministic for a seed whatever the thread count.
///
/// Each mini-batch is split into fixed chunks of ``Configuration/chunkSize`` items whose gradients
/// are computed in parallel and summed in chunk order, so the update never depends on the number
/// of threads. The epoch order is a permutation drawn from `(seed, epoch)`.
public struct Trainer: Sendable {
  /// Training settings.
  public struct Configuration: Hashable, Sendable {
    /// The loss on the model's logits.
    public var loss: Loss
    /// The optimizer.
    public var optimizer: Optimizer
    /// Passes over the training set (at most).
    public var epochs: Int
    /// Items per update.
    public var batchSize: Int
    /// The seed of the shuffling.
    public var seed: UInt64
    /// Stop when the validation loss has not improved for this many epochs (`nil`: never).
    public var patience: Int?
    /// Items per parallel gradient chunk (fixed, for determinism).
    public var chunkSize: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - loss: The loss.
    ///   - optimizer: The optimizer (Adam 1e-3 by default).
    ///   - epochs: Passes over the data.
    ///   - batchSize: Items per update.
    ///   - seed: The shuffling seed.
    ///   - patience: Early-stopping patience in epochs, or `nil`.
    ///   - chunkSize: Items per parallel chunk.
    public init(
      loss: Loss, optimizer: Optimizer = .adam(), epochs: Int = 10, batchSize: Int = 64,
      seed: UInt64 = 0,
      patience: Int? = nil, chunkSize: Int = 16
    ) {
      self.loss = loss
      self.optimizer = optimizer
      self.epochs = epochs
      self.batchSize = batchSize
      self.seed = seed
      self.patience = patience
      self.chunkSize = chunkSize
    }
  }

  /// The figures of one epoch.
  public struct EpochReport: Hashable, Sendable {
    /// The epoch, from 1.
    public var epoch: Int
    /// Mean training loss over the epoch's batches.
    public var trainingLoss: Double
    /// Training accuracy after the epoch.
    public var trainingAccuracy: Double
    /// Training AUROC of output 0 after the epoch (binary tasks).
    public var trainingAUROC: Double?
    /// Validation loss, accuracy and AUROC, when a validation set was given.
    public var validationLoss: Double?
    /// Validation accuracy.
    public var validationAccuracy: Double?
    /// Validation AUROC of output 0 (binary tasks).
    public var validationAUROC: Double?
  }

  /// The settings.
  public var configuration: Configuration

  /// Creates a trainer.
  /// - Parameter configuration: The settings.
  public init(_ configuration: Configuration) { self.configuration = configuration }

  /// Trains a copy of `model` and returns it with one report per epoch.
  /// - Parameters:
  ///   - model: The initial model (left unchanged).
  ///   - inputs: Training inputs `[N] + inputShape`.
  ///   - labels: `[N, O]` binary targets or `[N]` class indices, flattened.
  ///   - validation: Optional validation inputs and labels.
  /// - Returns: The trained model (the best by validation loss when early stopping) and the history.
  public func train(
    _ model: Model, inputs: Tensor, labels: [Float],
    validation: (inputs: Tensor, labels: [Float])? = nil
  ) -> (model: Model, history: [EpochReport]) {
    var current = model
    var state = OptimizerState(configuration.optimizer)
    var history: [EpochReport] = []
    var best: (loss: Double, model: Model)?
    var epochsWithoutImprovement = 0
    let labelsPerItem = labels.count / max(inputs.batchSize, 1)
    for epoch in 1...max(1, configuration.epochs) {
      var generator = SeededGenerator(seed: configuration.seed, stream: UInt64(epoch))
      let order = generator.permutation(inputs.batchSize)
      var lossSum = 0.0
      var batches = 0
      for start in stride(from: 0, to: order.count, by: configuration.batchSize) {
        let indices = Array(order[start..<min(order.count, start + configuration.batchSize)])
        let (loss, gradients) = batchGradients(
          current, inputs: inputs, labels: labels, indices: indices, labelsPerItem: labelsPerItem)
        current = state.update(current, gradients: gradients)
        lossSum += loss
        batches += 1
      }
      var report = evaluate(current, inputs: inputs, labels: labels, epoch: epoch)
      report.trainingLoss = lossSum / Double(max(batches, 1))
      if let validation {
        let figures = evaluate(
          current, inputs: validation.inputs, labels: validation.labels, epoch: epoch)
        report.validationLoss = figures.trainingLoss
        report.validationAccuracy = figures.trainingAccuracy
        report.validationAUROC = figures.trainingAUROC
        if let patience = configuration.patience {
          if best == nil || figures.trainingLoss < (best?.loss ?? .infinity) {
            best = (figures.trainingLoss, current)
            epochsWithoutImprovement = 0
          } else {
            epochsWithoutImprovement += 1
          }
          history.append(report)
          if epochsWithoutImprovement >= patience { break }
          continue
        }
      }
      history.append(report)
    }
    return (best?.model ?? current, history)
  }

  /// The mean loss of a batch and its parameter gradients, summed over fixed chunks in order.
  func batchGradients(
    _ model: Model, inputs: Tensor, labels: [Float], indices: [Int], labelsPerItem: Int
  ) -> (Double, [Int: [String: Tensor]]) {
    let loss = configuration.loss
    let scale = indices.count
    let parts = Parallel.mapChunks(count: indices.count, chunkSize: configuration.chunkSize) {
      range in
      let chunkIndices = Array(indices[range])
      let chunk = inputs.gathering(chunkIndices)
      let chunkLabels = chunkIndices.flatMap {
        labels[($0 * labelsPerItem)..<(($0 + 1) * labelsPerItem)]
      }
      let trace = model.trace(chunk)
      let (value, gradient) = loss.evaluate(logits: trace.output, labels: chunkLabels, scale: scale)
      return (value, model.parameterGradients(trace, outputGradient: gradient))
    }
    var total = 0.0
    var sums: [Int: [String: Tensor]] = [:]
    for (value, gradients) in parts {
      total += value
      for (index, layerGradients) in gradients {
        for (key, gradient) in layerGradients {
          sums[index, default: [:]][key] =
            sums[index]?[key].map { $0.linearCombination(1, gradient, 1) } ?? gradient
        }
      }
    }
    return (total, sums)
  }

  /// Loss, accuracy and AUROC of a model on a data set (reported in the training fields).
  func evaluate(_ model: Model, inputs: Tensor, labels: [Float], epoch: Int) -> EpochReport {
    evaluate(logits: model.forward(inputs), labels: labels, epoch: epoch)
  }

  /// Loss, accuracy and AUROC of outputs already computed (item after item).
  func evaluate(logits: Tensor, labels: [Float], epoch: Int = 0) -> EpochReport {
    let loss = configuration.loss.evaluate(logits: logits, labels: labels, scale: logits.batchSize)
      .loss
    let width = logits.itemCount
    let auroc =
      configuration.loss == .binaryCrossEntropy
      ? ClassificationMetrics.auroc(
        scores: stride(from: 0, to: logits.scalars.count, by: width).map { logits.scalars[$0] },
        labels: stride(from: 0, to: labels.count, by: width).map { labels[$0] })
      : nil
    return EpochReport(
      epoch: epoch, trainingLoss: loss,
      trainingAccuracy: ClassificationMetrics.accuracy(logits: logits, labels: labels),
      trainingAUROC: auroc)
  }
}
