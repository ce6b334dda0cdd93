import FuzzSupport
import SanityChecker

/// An IDX file (plain or gzip, told apart by its header) read as images and as labels;
/// images that load become a tensor.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let url = TemporaryFile.write(data, count: size, suffix: "-ubyte")
  if let images = try? IDXImages(contentsOf: url) {
    _ = images.tensor(scaling: .unit)
  }
  _ = try? IDXLabels(contentsOf: url)
  return 0
}
