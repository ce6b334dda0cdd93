import Foundation
import FuzzSupport
import SanityChecker

/// The results JSON that `sanity report` reads: decoded, merged and rendered as HTML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResultsJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Data(TemporaryFile.array(data, count: size))
  if let report = try? CheckReport.decoded(from: bytes) {
    let merged = CheckReport.merging([report])
    _ = HTMLReport.render(ReportContent(title: "fuzz", report: merged, modelDescription: ""))
  }
  return 0
}
