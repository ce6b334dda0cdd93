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

  /// libhdf5 1.10.8 reads past a heap block (ASan: heap-buffer-overflow in
  /// `H5O__msg_iterate_real` under `H5Aexists`) when one byte of an attribute message in the
  /// unsupported-activation fixture changes from 0x10 to 0x14.
  ///
  /// The over-read is inside libhdf5; the loader must still end with a typed error naming the
  /// file.
  @Test func hdf5CorruptAttributeMessageIsAnError() throws {
    try expectLoadingFails("unsupported_activation.h5", patching: 7404, from: [0x10], to: [0x14])
  }

  /// libhdf5 1.10.8 mallocs an object-header size read from the file before checking it:
  /// four bytes of the unsupported-layer fixture set to 0xFFFFFF86 make it ask for 4 GB
  /// (`H5C_protect` under `H5Fopen`).
  ///
  /// The allocation is libhdf5's; loading must end with a typed error.
  @Test func hdf5HugeObjectHeaderIsAnError() throws {
    try expectLoadingFails(
      "unsupported_layer.h5", patching: 1088, from: [0x70, 0, 0, 0], to: [0x86, 0xFF, 0xFF, 0xFF])
  }

  /// Writes a malformed-model fixture with `to` in place of `from` at `offset` and loads it.
  private func expectLoadingFails(
    _ fixture: String, patching offset: Int, from original: [UInt8], to replacement: [UInt8]
  ) throws {
    var bytes = [UInt8](try Data(contentsOf: TestSupport.fixture("Malformed/models/\(fixture)")))
    try #require(
      Array(bytes[offset..<(offset + original.count)]) == original, "the fixture changed")
    bytes.replaceSubrange(offset..<(offset + replacement.count), with: replacement)
    let directory = try TemporaryDirectory()
    let url = try directory.write(bytes, to: "fuzz-\(fixture)")
    let error = #expect(throws: ModelFileError.self) { try ModelLoader.load(url) }
    #expect(error?.description.hasPrefix(url.path) == true, "\(String(describing: error))")
  }
}
