import Foundation

extension DeepBindParams {
  /// Reads a DeepBind model converted to the Keras-2 `save_weights` layout
  /// (`format = "deepbind-keras2-weights-layout-v1"`; `../shared/data/PROVENANCE.md` §1.3).
  ///
  /// Datasets: `conv1d_1/conv1d_1/kernel:0` (detectors `[M, 4, D]`), `…/bias:0` (thresholds),
  /// `dense_1/dense_1/{kernel,bias}:0` (weights1, biases1) and, with a hidden layer,
  /// `dense_2/dense_2/{kernel,bias}:0`. Root attributes give `reverse_complement`,
  /// `has_avg_pooling`, `num_hidden`, `default_window_size` and `unknown_base_value`.
  /// - Parameter url: The `.h5` file.
  /// - Throws: ``ModelFileError`` naming the file and the missing dataset or attribute.
  public init(hdf5 url: URL) throws(ModelFileError) {
    let file = try HDF5File(reading: url)
    // The bounds are those of the params text format, so sizes derived from them cannot overflow.
    func integer(_ name: String, allowed: ClosedRange<Int> = 0...1) throws(ModelFileError) -> Int {
      let value = try file.readIntegerAttribute(name, of: "/").first ?? 0
      guard let integer = Int(exactly: value), allowed.contains(integer) else {
        throw .invalidConfiguration(
          file: url.path, location: "/@\(name)",
          reason: "is \(value), expected an integer in \(allowed)")
      }
      return integer
    }
    let hidden = try integer("num_hidden", allowed: 0...(1 << 20))
    let detectorLength = try integer("detector_len", allowed: 1...(1 << 16))
    let window =
      file.hasAttribute("default_window_size", of: "/")
      ? try integer("default_window_size", allowed: 0...(1 << 24)) : 0
    let unknown =
      file.hasAttribute("unknown_base_value", of: "/")
      ? Float(try file.readRealAttribute("unknown_base_value", of: "/").first ?? 0.25) : 0.25
    self.file = url.path
    self.weights = DeepBindWeights(
      detectors: try file.readTensor("conv1d_1/conv1d_1/kernel:0"),
      thresholds: try file.readTensor("conv1d_1/conv1d_1/bias:0"),
      weights1: try file.readTensor("dense_1/dense_1/kernel:0"),
      biases1: try file.readTensor("dense_1/dense_1/bias:0"),
      weights2: hidden > 0 ? try file.readTensor("dense_2/dense_2/kernel:0") : nil,
      biases2: hidden > 0 ? try file.readTensor("dense_2/dense_2/bias:0") : nil)
    self.options = DeepBindOptions(
      hasReverseComplement: try integer("reverse_complement") == 1,
      hasAveragePooling: try integer("has_avg_pooling") == 1,
      windowSize: window > 0
        ? window : DeepBindOptions.defaultWindowSize(detectorLength: detectorLength),
      unknownBaseValue: unknown)
  }

  /// Whether an HDF5 file holds a converted DeepBind model (its root `format` attribute says so).
  /// - Parameter url: An `.h5` file.
  /// - Returns: `true` for the DeepBind weights layout.
  public static func isDeepBindHDF5(_ url: URL) -> Bool {
    guard let file = try? HDF5File(reading: url), file.hasAttribute("format", of: "/"),
      let format = try? file.readStringAttribute("format", of: "/")
    else { return false }
    return format.hasPrefix("deepbind")
  }
}
