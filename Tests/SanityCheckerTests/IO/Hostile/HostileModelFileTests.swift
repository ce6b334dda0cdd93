import CHDF5
import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Model files and architectures that declare impossible layers or sizes: each is a typed
/// error naming the file and the layer or dataset, raised before anything of that size is
/// allocated.
@Suite struct HostileModelFileTests {
  /// A Sequential architecture: an input of `input` extents, then the given layers.
  static func architecture(input: [Int], _ layers: String...) -> String {
    let shape = (["null"] + input.map(String.init)).joined(separator: ",")
    let entries =
      [#"{"class_name":"InputLayer","config":{"name":"input_1","batch_input_shape":[\#(shape)]}}"#]
      + layers
    return
      #"{"class_name":"Sequential","config":{"name":"crafted","layers":[\#(entries.joined(separator: ","))]}}"#
  }

  static func dense(_ name: String, units: String) -> String {
    #"{"class_name":"Dense","config":{"name":"\#(name)","units":\#(units),"activation":"relu","use_bias":true}}"#
  }

  /// Replaces a dataset by one that declares `shape` floats and stores none (HDF5 allocates
  /// contiguous storage only when data are written), as a crafted file can.
  static func declare(_ path: String, shape: [UInt64], in url: URL) throws {
    _ = H5open()
    let file = H5Fopen(url.path, 1 /* H5F_ACC_RDWR */, shim_H5P_DEFAULT())
    try #require(file >= 0)
    defer { H5Fclose(file) }
    try #require(H5Ldelete(file, path, shim_H5P_DEFAULT()) >= 0)
    let space = H5Screate_simple(Int32(shape.count), shape, nil)
    defer { H5Sclose(space) }
    let dataset = H5Dcreate2(
      file, path, shim_H5T_NATIVE_FLOAT(), space, shim_H5P_DEFAULT(), shim_H5P_DEFAULT(),
      shim_H5P_DEFAULT())
    try #require(dataset >= 0)
    H5Dclose(dataset)
  }

  /// A kernel dataset declaring 10¹² floats is refused by its declared shape, before reading.
  @Test func kernelDeclaringATrillionFloats() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("model.h5")
    try TestSupport.denseNetwork().writeKeras(to: url)
    let path = "/model_weights/dense_1/dense_1/kernel:0"
    try Self.declare(path, shape: [1_000_000, 1_000_000], in: url)
    let error = try #require(throws: ModelFileError.self) { _ = try Model.loadKeras(url) }
    #expect(
      error
        == .shapeMismatch(
          file: url.path, path: path, expected: [6, 5], actual: [1_000_000, 1_000_000]))
    #expect(
      error.description.hasPrefix(
        "\(url.path): dataset '\(path)' has shape [1000000, 1000000], expected [6, 5]"))
  }

  /// A dataset consistent with its layer but larger than the whole file holds.
  @Test func datasetLargerThanTheFile() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("weights.h5")
    try TestSupport.denseNetwork().writeKeras(to: url)
    let path = "/model_weights/dense_1/dense_1/kernel:0"
    try Self.declare(path, shape: [1000, 1000], in: url)
    try Self.declare("/model_weights/dense_1/dense_1/bias:0", shape: [1000], in: url)
    let json = try directory.write(
      Self.architecture(
        input: [1000], Self.dense("dense_1", units: "1000"), Self.dense("dense_2", units: "2")),
      to: "architecture.json")
    let error = try #require(throws: ModelFileError.self) {
      _ = try Model.loadKeras(url, architecture: json)
    }
    guard case .datasetLargerThanFile(url.path, path, [1000, 1000], _) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(
      error.description.contains(
        "dataset '\(path)' declares shape [1000, 1000], more data than the whole file"))
  }

  /// A consistent but huge Dense layer (16 GiB of kernel) and 10¹¹ units are refused by the
  /// memory budget, naming the file and the layer.
  @Test(arguments: [("1048576", [4096, 1_048_576]), ("100000000000", [4096, 100_000_000_000])])
  func hugeLayersExceedTheBudget(units: String, kernel: [Int]) throws {
    let directory = try TemporaryDirectory()
    let json = try directory.write(
      Self.architecture(input: [4096], Self.dense("dense_big", units: units)), to: "huge.json")
    let error = try #require(throws: ModelFileError.self) {
      _ = try Model.initializedKeras(architecture: json, seed: 0)
    }
    guard case .exceedsBudget(json.path, .exceeded(let what, _, MemoryBudget.current.bytes)) = error
    else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(what == "layer 'dense_big' kernel \(Shape(kernel))")
    #expect(error.description.hasPrefix("\(json.path): layer 'dense_big' kernel"))
    #expect(error.description.hasSuffix("raise the budget with --memory"))
  }

  /// Strides, pool sizes, kernel sizes, dilations, units and filters must be at least 1.
  @Test(arguments: [
    (
      #"{"class_name":"Conv1D","config":{"name":"conv","filters":4,"kernel_size":[3],"strides":[0]}}"#,
      "Conv1D", "strides", 0
    ),
    (
      #"{"class_name":"Conv1D","config":{"name":"conv","filters":4,"kernel_size":[0]}}"#, "Conv1D",
      "kernel_size", 0
    ),
    (
      #"{"class_name":"Conv1D","config":{"name":"conv","filters":-2,"kernel_size":[3]}}"#, "Conv1D",
      "filters", -2
    ),
    (
      #"{"class_name":"Conv1D","config":{"name":"conv","filters":4,"kernel_size":[3],"dilation_rate":[0]}}"#,
      "Conv1D", "dilation_rate", 0
    ),
    (
      #"{"class_name":"MaxPooling1D","config":{"name":"conv","pool_size":[0]}}"#, "MaxPooling1D",
      "pool_size", 0
    ),
    (
      #"{"class_name":"AveragePooling1D","config":{"name":"conv","pool_size":[2],"strides":[0]}}"#,
      "AveragePooling1D", "strides", 0
    ),
    (#"{"class_name":"Dense","config":{"name":"conv","units":0}}"#, "Dense", "units", 0),
  ])
  func layerSettingsBelowOneAreRefused(layer: String, className: String, key: String, value: Int)
    throws
  {
    let directory = try TemporaryDirectory()
    let json = try directory.write(Self.architecture(input: [20, 4], layer), to: "bad.json")
    let error = try #require(throws: ModelFileError.self) {
      _ = try Model.initializedKeras(architecture: json, seed: 0)
    }
    #expect(
      error
        == .invalidConfiguration(
          file: json.path, location: "layer 'conv' (\(className))",
          reason: "'\(key)' is \(value), expected an integer ≥ 1"))
    #expect(
      error.description.hasPrefix("\(json.path): layer 'conv' (\(className)): '\(key)' is \(value)")
    )
  }

  @Test func twoDimensionalSettingsBelowOneAreRefused() throws {
    let directory = try TemporaryDirectory()
    for (layer, key) in [
      (
        #"{"class_name":"Conv2D","config":{"name":"c","filters":2,"kernel_size":[3,3],"strides":[1,0]}}"#,
        "strides"
      ),
      (#"{"class_name":"MaxPooling2D","config":{"name":"c","pool_size":[2,0]}}"#, "pool_size"),
    ] {
      let json = try directory.write(Self.architecture(input: [8, 8, 1], layer), to: "\(key).json")
      let error = try #require(throws: ModelFileError.self) {
        _ = try Model.initializedKeras(architecture: json, seed: 0)
      }
      #expect(error.description.contains("'\(key)' is 0, expected an integer ≥ 1"), "\(error)")
    }
  }
}
