extension Trainer {
  /// Checks training (and validation) data against the model and the loss before training.
  ///
  /// - Binary cross-entropy takes one target in [0, 1] per output unit and item.
  /// - Softmax cross-entropy takes one class index in `0..<outputs` per item.
  /// - Validation data must have the training data's labels per item.
  /// - Parameters:
  ///   - model: The model to train.
  ///   - inputs: Training inputs `[N] + inputShape`.
  ///   - labels: The flattened labels.
  ///   - validation: Optional validation inputs and labels.
  ///   - names: Names of the training and validation data for messages (e.g. their files).
  ///   - records: Optional record ids of the training items, for messages.
  ///   - lines: Optional 1-based lines of the training items' records in their file
  ///     (``InputData/lines``), for messages.
  /// - Throws: ``TrainingError`` naming the data set, the item (record and line) and the value.
  public func validate(
    _ model: Model, inputs: Tensor, labels: [Float],
    validation: (inputs: Tensor, labels: [Float])? = nil,
    names: (training: String, validation: String) = ("training data", "validation data"),
    records: [String]? = nil, lines: [Int]? = nil
  ) throws(TrainingError) {
    let perItem = try validate(
      model, inputs: inputs, labels: labels, name: names.training, records: records, lines: lines)
    guard let validation else { return }
    let validationPerItem = validation.labels.count / max(validation.inputs.batchSize, 1)
    guard validationPerItem == perItem || validation.inputs.batchSize == 0 else {
      throw .taskCount(training: perItem, validation: validationPerItem)
    }
    _ = try validate(
      model, inputs: validation.inputs, labels: validation.labels, name: names.validation,
      records: nil, lines: nil)
  }

  /// Checks one data set; returns the labels per item.
  private func validate(
    _ model: Model, inputs: Tensor, labels: [Float], name: String, records: [String]?, lines: [Int]?
  ) throws(TrainingError) -> Int {
    guard inputs.shape.rank >= 1, inputs.shape.item == model.inputShape else {
      throw .inputShape(
        data: name, expected: model.inputShape,
        actual: Shape(Array(inputs.shape.dimensions.dropFirst())))
    }
    let items = inputs.batchSize
    guard items > 0 else { throw .empty(data: name) }
    let outputs = model.outputShape.count
    let perItem = configuration.loss == .softmaxCrossEntropy ? 1 : outputs
    guard labels.count == perItem * items else {
      throw .labelCount(data: name, labels: labels.count, items: items, perItem: perItem)
    }
    for (index, value) in labels.enumerated() {
      let isAllowed: Bool
      let allowed: String
      switch configuration.loss {
      case .softmaxCrossEntropy:
        isAllowed = value == value.rounded() && value >= 0 && value < Float(outputs)
        allowed = "a class index in 0...\(outputs - 1)"
      case .binaryCrossEntropy:
        isAllowed = value >= 0 && value <= 1
        allowed = "a target in [0, 1]"
      }
      guard isAllowed else {
        let item = index / perItem
        let record = records.flatMap { item < $0.count ? $0[item] : nil }
        let line = lines.flatMap { item < $0.count ? $0[item] : nil }
        throw .labelValue(
          data: name, item: item, record: record, line: line, value: value, allowed: allowed)
      }
    }
    return perItem
  }
}
