import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Inputs the libFuzzer targets in `Tests/Fuzz` found (see `docs/fuzzing.md`), minimized, each
/// with the typed error the reader now throws instead of trapping or allocating blindly.
@Suite struct FuzzRegressionTests {
  /// An IDX images header whose extents multiply past `Int.max` trapped on overflow.
  @Test func idxExtentsThatOverflowAreTruncated() throws {
    let directory = try TemporaryDirectory()
    let header: [UInt8] = [0x00, 0x00, 0x08, 0x03] + [UInt8](repeating: 0xFF, count: 12)
    let url = try directory.write(header, to: "overflow-idx3-ubyte")
    #expect(throws: IDXError.truncated(file: url.path, expectedBytes: Int.max, actualBytes: 16)) {
      try IDXImages(contentsOf: url)
    }
  }
}
