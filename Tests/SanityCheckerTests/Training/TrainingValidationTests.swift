import SanityChecker
import SanityTestSupport
import Testing

/// Training data are checked against the model and the loss before training: label counts,
/// label values (naming the record) and task counts across training and validation.
@Suite struct TrainingValidationTests {
  static let binary = Trainer(.init(loss: .binaryCrossEntropy, epochs: 1))
  static let softmax = Trainer(.init(loss: .softmaxCrossEntropy, epochs: 1))

  @Test func classIndexOutsideTheModelNamesTheRecord() throws {
    let model = try TestSupport.denseNetwork(outputs: 3)
    let inputs = TestSupport.uniform([4, 6], seed: 1)
    let error = try #require(throws: TrainingError.self) {
      try Self.softmax.validate(
        model, inputs: inputs, labels: [0, 2, 7, 1], names: ("train.idx", "valid"),
        records: ["a", "b", "c", "d"])
    }
    #expect(
      error
        == .labelValue(
          data: "train.idx", item: 2, record: "c", line: nil, value: 7,
          allowed: "a class index in 0...2"))
    #expect(
      error.description
        == "train.idx: record 'c' (item 3) has label 7, expected a class index in 0...2; fix the label or train a model with more outputs"
    )
    try Self.softmax.validate(model, inputs: inputs, labels: [0, 2, 1, 1])
  }

  @Test func binaryTargetsMustLieInTheUnitInterval() throws {
    let model = try TestSupport.denseNetwork(outputs: 1)
    #expect(
      throws: TrainingError.labelValue(
        data: "training data", item: 1, record: nil, line: nil, value: 2,
        allowed: "a target in [0, 1]")
    ) {
      try Self.binary.validate(
        model, inputs: TestSupport.uniform([2, 6], seed: 2), labels: [1, 2])
    }
  }

  /// Five images with three labels.
  @Test func labelCountsMustMatchTheItems() throws {
    let model = try TestSupport.denseNetwork(outputs: 3)
    #expect(
      throws: TrainingError.labelCount(data: "training data", labels: 3, items: 5, perItem: 1)
    ) {
      try Self.softmax.validate(
        model, inputs: TestSupport.uniform([5, 6], seed: 3), labels: [0, 1, 2])
    }
  }

  /// A one-task validation set for a two-task training set.
  @Test func taskCountsMustAgreeAcrossTrainingAndValidation() throws {
    let model = try TestSupport.denseNetwork(outputs: 2)
    let error = try #require(throws: TrainingError.self) {
      try Self.binary.validate(
        model, inputs: TestSupport.uniform([2, 6], seed: 4), labels: [1, 0, 0, 1],
        validation: (TestSupport.uniform([2, 6], seed: 5), [1, 0]))
    }
    #expect(error == .taskCount(training: 2, validation: 1))
  }

  @Test func inputsOfAnotherShapeAreAnError() throws {
    let model = try TestSupport.denseNetwork(inputs: 6)
    #expect(throws: TrainingError.inputShape(data: "training data", expected: [6], actual: [5])) {
      try Self.binary.validate(
        model, inputs: TestSupport.uniform([2, 5], seed: 6), labels: [1, 0, 1, 0])
    }
  }
}
