import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct AttributionSourceTests {
  static func data(count: Int = 6, length: Int = 20, seed: UInt64 = 5) -> InputData {
    InputData(
      inputs: TestSupport.oneHotDNA(count, length: length, seed: seed),
      ids: (0..<count).map { "chr1:\($0 * length)-\(($0 + 1) * length)" }, labels: nil,
      kind: .sequences)
  }

  static func computation(target: Int? = nil, explainer: any Explainer = Saliency()) throws
    -> AttributionSource.Computation
  {
    .init(
      model: try TestSupport.deepBindNetwork(length: 20, outputs: 2, seed: 9), modelFile: "m.h5",
      explainer: explainer, target: target)
  }

  @Test func computedMapsAreTheExplainersAtThePredictedUnit() throws {
    let data = Self.data()
    let computation = try Self.computation()
    var reported: [Int] = []
    let explained = try AttributionSource.computed(computation).explained(data, inputFile: "in.fa")
    {
      reported.append($0)
    }
    let outputs = computation.model.forward(data.inputs)
    let predicted = (0..<6).map { outputs.scalars[2 * $0 + 1] > outputs.scalars[2 * $0] ? 1 : 0 }
    #expect(explained.targets == predicted)
    let direct = try Saliency().attribution(
      for: data.inputs, targets: predicted, in: computation.model)
    #expect(explained.attributions == direct.values)
    #expect(explained.predictions == direct.predictions)
    #expect(explained.outputs == outputs.reshaped([6, 2]))
    #expect(explained.method == "saliency" && reported == [6])
  }

  @Test func aFileWrittenByExplainReadsBackAsTheComputedMaps() throws {
    let data = Self.data()
    let computed = try AttributionSource.computed(Self.computation(target: 1)).explained(
      data, inputFile: "in.fa")
    let folder = try TemporaryDirectory()
    let url = folder.file("a.h5")
    try AttributionExport(
      attributions: computed.attributions,
      predictions: Tensor(shape: [6], scalars: computed.predictions),
      ids: data.ids,
      metadata: .init(method: "saliency", targets: computed.targets, modelFile: "m.h5")
    ).writeHDF5(to: url)
    let read = try AttributionSource.file(url).explained(data, inputFile: "in.fa")
    #expect(read.attributions == computed.attributions)
    #expect(read.targets == [1, 1, 1, 1, 1, 1])
    #expect(read.predictions == computed.predictions)
    #expect(read.method == "saliency" && read.outputs == nil && read.attributionFile == url.path)
    // --limit cuts the file as it cut the sequences.
    let limited = try AttributionSource.file(url).explained(
      data.prefix(4), inputFile: "in.fa", itemLimit: 4)
    #expect(limited.attributions == computed.attributions.items(0..<4))
  }

  @Test func filesOfOtherSequencesAreRefusedNamingTheRecord() throws {
    let data = Self.data()
    let folder = try TemporaryDirectory()
    let url = folder.file("a.h5")
    var ids = data.ids
    ids[3] = "chr9:1-21"
    try AttributionExport(
      attributions: TestSupport.uniform([6, 20, 4], seed: 1), ids: ids,
      metadata: .init(method: "saliency", targets: [0, 0, 0, 0, 0, 0], modelFile: "m.h5")
    ).writeHDF5(to: url)
    #expect(
      throws: AttributionSourceError.id(
        file: url.path, item: 3, id: "chr9:1-21", inputFile: "in.fa", expected: "chr1:60-80")
    ) {
      try AttributionSource.file(url).explained(data, inputFile: "in.fa")
    }
    #expect(
      throws: AttributionSourceError.itemCount(
        file: url.path, count: 6, inputFile: "in.fa", inputCount: 5)
    ) {
      try AttributionSource.file(url).explained(data.prefix(5), inputFile: "in.fa")
    }
    #expect(
      throws: AttributionSourceError.shape(
        file: url.path, dataset: "attributions", shape: [6, 20, 4], expected: [6, 30, 4])
    ) {
      try AttributionSource.file(url).explained(Self.data(length: 30), inputFile: "in.fa")
    }
  }

  @Test func otherFilesAndNonFiniteMapsAreRefused() throws {
    let data = Self.data()
    let folder = try TemporaryDirectory()
    let other = folder.file("other.h5")
    let file = try HDF5File(creating: other)
    try file.writeTensor(TestSupport.uniform([6, 20, 4], seed: 1), to: "/attributions")
    #expect(throws: AttributionSourceError.notAttributionFile(file: other.path, format: nil)) {
      try AttributionSource.file(other).explained(data, inputFile: "in.fa")
    }
    var maps = TestSupport.uniform([6, 20, 4], seed: 2)
    maps.withUnsafeMutableBufferPointer { $0[2 * 80 + 7] = .nan }
    let url = folder.file("nan.h5")
    try AttributionExport(
      attributions: maps, ids: data.ids,
      metadata: .init(method: "saliency", targets: [0, 0, 0, 0, 0, 0], modelFile: "m.h5")
    ).writeHDF5(to: url)
    #expect(throws: AttributionSourceError.nonFinite(file: url.path, record: "chr1:40-60")) {
      try AttributionSource.file(url).explained(data, inputFile: "in.fa")
    }
    let images = InputData(
      inputs: Tensor(shape: [2, 3, 3, 1]), ids: ["a", "b"], labels: nil, kind: .images)
    #expect(throws: AttributionSourceError.notSequences(file: "img", shape: [2, 3, 3, 1])) {
      try AttributionSource.file(url).explained(images, inputFile: "img")
    }
  }
}
