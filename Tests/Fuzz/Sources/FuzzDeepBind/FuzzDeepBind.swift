import FuzzSupport
import SanityChecker

/// DeepBind's params text: parsed, then built into a scanner and a model for 24-bp inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeepBind(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let text = String(decoding: TemporaryFile.array(data, count: size), as: UTF8.self)
  if let params = try? DeepBindParams(text: text, file: "fuzz.txt") {
    _ = try? params.scanner()
    _ = try? params.model(sequenceLength: 24)
  }
  return 0
}
