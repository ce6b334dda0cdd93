import FuzzSupport
import SanityChecker

/// The model loader on an HDF5 file through libhdf5: a Keras full-model file, or a converted
/// DeepBind model when the root says so.
///
/// A model that loads, with a small input, runs once on zeros.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKerasHDF5(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let url = TemporaryFile.write(data, count: size, suffix: ".h5")
  if let model = try? ModelLoader.load(url, sequenceLength: 24), model.inputShape.count <= 1 << 14 {
    _ = model.forward(Tensor(shape: model.inputShape.batched(1)))
  }
  return 0
}
