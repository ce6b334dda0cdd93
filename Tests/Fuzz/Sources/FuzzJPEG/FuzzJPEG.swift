import Foundation
import FuzzSupport
import SanityChecker

/// A JPEG through libjpeg-turbo: header, size check and decode; an image that loads becomes a tensor.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Data(TemporaryFile.array(data, count: size))
  if let image = try? JPEGImage(data: bytes, file: "fuzz.jpg") {
    _ = image.tensor(scaling: .unit)
  }
  return 0
}
