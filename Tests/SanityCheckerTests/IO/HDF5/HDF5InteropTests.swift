import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Reading files written by h5py 3.16 (reference models and goldens, real DeepBind weights).
@Suite struct HDF5InteropTests {
  @Test(
    .enabled(
      if: TestSupport.hasReference, "needs ../shared/reference (Keras model written by h5py)"))
  func readsKerasFullModelLayout() throws {
    let file = try HDF5File(reading: TestSupport.reference("dna_deepbind.h5"))
    #expect(try file.readAttribute("keras_version", of: "/") == .string("2.15.0", .variableUTF8))
    #expect(try file.readStringAttribute("backend", of: "/model_weights") == "tensorflow")
    let layerNames = try file.readAttribute("layer_names", of: "/model_weights")
    #expect(
      layerNames
        == .strings(["conv1d_1", "global_max_pooling1d_1", "dense_1", "dense_2"], .fixedASCII))
    #expect(
      try file.members(of: "/model_weights") == [
        "conv1d_1", "dense_1", "dense_2", "global_max_pooling1d_1",
      ])
    #expect(
      try file.readStringArrayAttribute("weight_names", of: "/model_weights/conv1d_1") == [
        "conv1d_1/kernel:0", "conv1d_1/bias:0",
      ])
    #expect(
      try file.readStringArrayAttribute("weight_names", of: "/model_weights/global_max_pooling1d_1")
        == [])
    #expect(try file.shape(ofDataset: "/model_weights/conv1d_1/conv1d_1/kernel:0") == [24, 4, 16])
    let config = try file.readStringAttribute("model_config", of: "/")
    #expect(config.hasPrefix("{\"class_name\": \"Sequential\""))
  }

  @Test(.enabled(if: TestSupport.hasReference, "needs ../shared/reference/dna_golden.h5"))
  func readsGoldenDatasetsOfEveryType() throws {
    let file = try HDF5File(reading: TestSupport.reference("dna_golden.h5"))
    let logits64 = try file.readDoubles("/logits")
    let logits32 = try file.readTensor("/logits_float32")
    let logitsAsFloat = try file.readTensor("/logits")
    #expect(logits64.shape == [64, 1])
    #expect(logitsAsFloat.scalars == logits64.elements.map { Float($0) })
    TestSupport.expectClose(
      logitsAsFloat, logits32, relativeTolerance: 1e-5, "float64 vs float32 logits")
    #expect(
      try file.readInt64s("/targets")
        == HDF5Array(elements: Array(repeating: 0, count: 64), shape: [64]))
    let sequences = try file.readStrings("/sequences")
    #expect(sequences.shape == [64])
    let inputs = try file.readTensor("/inputs")
    #expect(inputs.shape == [64, 101, 4])
    // Each fixed-length (|S101) sequence spells the argmax of its one-hot input.
    for (item, sequence) in sequences.elements.enumerated() {
      let bases = Array(sequence.utf8)
      try #require(bases.count == 101, "sequence \(item) has \(bases.count) bases")
      for position in 0..<101 {
        let channel = (0..<4).first { inputs[item, position, $0] == 1 }
        #expect(
          channel.map { Array("ACGT".utf8)[$0] } == bases[position],
          "item \(item), position \(position)")
      }
    }
    #expect(try file.readStrings("/cascade_order").elements == ["dense_2", "dense_1", "conv1d_1"])
  }

  static let deepBindFiles: [String] = {
    let folder = TestSupport.sharedData("deepbind/hdf5")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".h5") }.sorted()
  }()

  @Test(
    .enabled(
      if: TestSupport.hasSharedData, "needs ../shared/data/deepbind/hdf5 (12 real DeepBind models)")
  )
  func deepBindFolderHoldsTwelveModels() {
    #expect(Self.deepBindFiles.count == 12)
  }

  /// Attributes of every type (int32, float32, vlen UTF-8, |S8 arrays) and weight shapes that
  /// agree with them, in superblock-0 files with old-style groups.
  @Test(
    .enabled(
      if: TestSupport.hasSharedData, "needs ../shared/data/deepbind/hdf5 (12 real DeepBind models)"),
    arguments: deepBindFiles)
  func readsDeepBindWeightsFile(name: String) throws {
    let file = try HDF5File(reading: TestSupport.sharedData("deepbind/hdf5/\(name)"))
    #expect(try file.readStringAttribute("deepbind_id", of: "/") == String(name.prefix(10)))
    #expect(try file.readAttribute("unknown_base_value", of: "/") == .real(0.25))
    let detectors = try #require(try file.readIntegerAttribute("num_detectors", of: "/").first)
    let width = try #require(try file.readIntegerAttribute("detector_len", of: "/").first)
    let hidden = try #require(try file.readIntegerAttribute("num_hidden", of: "/").first)
    let averaged = try #require(try file.readIntegerAttribute("has_avg_pooling", of: "/").first)
    let layers = try file.readStringArrayAttribute("layer_names", of: "/")
    #expect(layers == (hidden > 0 ? ["conv1d_1", "dense_1", "dense_2"] : ["conv1d_1", "dense_1"]))
    for layer in layers {
      let weights = try file.readStringArrayAttribute("weight_names", of: "/\(layer)")
      #expect(weights == ["\(layer)/kernel:0", "\(layer)/bias:0"])
      for weight in weights {
        #expect(try file.readTensor("/\(layer)/\(weight)").isFinite)
      }
    }
    let features = Int(detectors * (averaged == 1 ? 2 : 1))
    #expect(
      try file.shape(ofDataset: "/conv1d_1/conv1d_1/kernel:0") == [Int(width), 4, Int(detectors)])
    #expect(
      try file.shape(ofDataset: "/dense_1/dense_1/kernel:0") == [features, max(Int(hidden), 1)])
    #expect(try file.readStringAttribute("alphabet", of: "/") == "ACGT")
  }

  @Test(
    .enabled(
      if: TestSupport.hasSharedData, "needs ../shared/data/keras_models (Keras 2.1.6 weights file)")
  )
  func readsEmptyFloat64WeightNames() throws {
    let file = try HDF5File(
      reading: TestSupport.sharedData(
        "keras_models/deeplift_genomics_tal_gata/keras2_conv1d_record_5_model_PQzyq_modelWeights.h5"
      ))
    #expect(try file.readStringArrayAttribute("weight_names", of: "/activation_1") == [])
    #expect(try file.readAttribute("weight_names", of: "/dropout_1") == .reals([]))
    #expect(try file.readStringArrayAttribute("layer_names", of: "/").count == 11)
  }
}
