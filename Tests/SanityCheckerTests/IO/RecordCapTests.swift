import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The FASTA record cap follows the model: its fixed input length (from the architecture
/// alone), or the budget-derived cap for a model that takes any length.
@Suite struct RecordCapTests {
  static let root = TestSupport.repositoryRoot

  /// The shipped DeepBind-architecture model pools globally (any length); images are not
  /// sequence models; a DeepBind params file scores any length.
  @Test func shippedModelsTakeAnyLength() throws {
    for model in ["Models/deepbind-example.h5", "Models/mnist-cnn.h5"] {
      #expect(
        try ModelLoader.fixedSequenceLength(Self.root.appendingPathComponent(model)) == nil,
        "\(model)")
    }
  }

  @Test func policiesBoundTheRecordsTheyUse() {
    #expect(LengthPolicy.reject.recordCap(modelLength: 101) == 101)
    #expect(LengthPolicy.padWithN(to: 120).recordCap(modelLength: 101) == 120)
    #expect(LengthPolicy.padWithN(to: 50).recordCap(modelLength: 101) == 101)
    #expect(LengthPolicy.centreCrop(to: 101).recordCap(modelLength: 101) == nil)
    #expect(LengthPolicy.reject.recordCap(modelLength: nil) == nil)
  }

  /// A Keras architecture of a 30-bp model with `Flatten → Dense` (fixed length) or global
  /// max pooling (any length).
  static func architecture(pooling: Bool) -> String {
    let head =
      pooling
      ? #"{"class_name":"GlobalMaxPooling1D","config":{"name":"pool"}}"#
      : #"{"class_name":"Flatten","config":{"name":"flatten"}}"#
    return #"""
      {"class_name":"Sequential","config":{"name":"m","layers":[
      {"class_name":"InputLayer","config":{"name":"in","batch_input_shape":[null,30,4]}},
      {"class_name":"Conv1D","config":{"name":"conv","filters":2,"kernel_size":[5],"strides":[1],"padding":"valid","activation":"relu","use_bias":true}},
      \#(head),
      {"class_name":"Dense","config":{"name":"out","units":1,"activation":"linear","use_bias":true}}]}}
      """#
  }

  @Test func flattenFixesTheLengthAndGlobalPoolingDoesNot() throws {
    let directory = try TemporaryDirectory()
    for (pooling, expected) in [(false, 30), (true, nil) as (Bool, Int?)] {
      let json = try directory.write(
        Self.architecture(pooling: pooling), to: "arch-\(pooling).json")
      let weights = directory.file("w-\(pooling).h5")
      try Model.initializedKeras(architecture: json, seed: 1).writeKeras(to: weights)
      #expect(try ModelLoader.fixedSequenceLength(weights) == expected, "pooling \(pooling)")
      #expect(
        try ModelLoader.fixedSequenceLength(weights, architecture: json) == expected,
        "pooling \(pooling), JSON")
    }
  }

  @Test func aRecordLongerThanTheCapIsRefusedWhileReading() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(
      ">a\n" + String(repeating: "ACGT", count: 25) + "\n>b\n" + String(repeating: "A", count: 500)
        + "\n", to: "x.fa")
    let error = #expect(throws: FASTAError.self) {
      try InputData.load(url, maximumRecordLength: 100)
    }
    guard case .recordTooLong(let file, let line, let record, let maximum) = error else {
      Issue.record("expected recordTooLong, got \(String(describing: error))")
      return
    }
    #expect(file == url.path && line == 3 && record == "b" && maximum == 100)
    #expect(
      try InputData.load(url, oneHot: OneHot(lengthPolicy: .centreCrop(to: 100))).ids == ["a", "b"])
  }
}
