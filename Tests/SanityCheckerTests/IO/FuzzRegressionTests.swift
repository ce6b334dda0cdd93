import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Inputs the libFuzzer targets in `Tests/Fuzz` found (see `docs/fuzzing.md`), minimized, each
/// with the typed error the reader now throws instead of trapping or allocating blindly.
@Suite struct FuzzRegressionTests {
  /// An IDX images header whose extents multiply past `Int.max` trapped on overflow.
  @Test func idxExtentsThatOverflowAreRefused() throws {
    let directory = try TemporaryDirectory()
    let header: [UInt8] = [0x00, 0x00, 0x08, 0x03] + [UInt8](repeating: 0xFF, count: 12)
    let url = try directory.write(header, to: "overflow-idx3-ubyte")
    let error = #expect(throws: IDXError.self) { try IDXImages(contentsOf: url) }
    guard case .exceedsBudget(let file, _) = error else {
      Issue.record("expected exceedsBudget, got \(String(describing: error))")
      return
    }
    #expect(file == url.path)
  }

  /// A JPEG whose header claims 20000 × 20000 pixels was decoded into a 1.2 GB buffer before
  /// its size was looked at (the fuzzed file claimed 1.6 GB); the reproducer is the 8 × 8
  /// fixture with its frame header's height and width rewritten.
  @Test func jpegClaimingHugeSizeIsRefusedBeforeDecoding() throws {
    var bytes = try Data(contentsOf: TestSupport.fixture("Malformed/images/gray-8x8.jpg"))
    let frame = try #require(bytes.firstRange(of: Data([0xFF, 0xC0]))).lowerBound
    bytes.replaceSubrange((frame + 5)..<(frame + 9), with: [0x4E, 0x20, 0x4E, 0x20])
    let error = #expect(throws: JPEGError.self) { try JPEGImage(data: bytes, file: "huge.jpg") }
    guard case .tooLarge(let file, let width, let height, _) = error else {
      Issue.record("expected tooLarge, got \(String(describing: error))")
      return
    }
    #expect(file == "huge.jpg")
    #expect((width, height) == (20000, 20000))
  }
}
