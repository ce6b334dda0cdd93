import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// IDX and JPEG headers that announce more data than the file holds or the budget allows are
/// refused before anything of that size is allocated.
@Suite struct HostileImageFileTests {
  static func idxHeader(_ count: UInt32, _ rows: UInt32, _ columns: UInt32) -> [UInt8] {
    [0, 0, 8, 3]
      + [count, rows, columns].flatMap { value in
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
      }
  }

  /// Extents whose product overflows, and extents of 16 TB in a 20-byte file.
  @Test func idxDimensionsThatOverflowOrExceedTheBudget() throws {
    let directory = try TemporaryDirectory()
    let overflow = try directory.write(
      Self.idxHeader(.max, .max, .max) + [1, 2, 3, 4], to: "overflow-idx3-ubyte")
    let error = try #require(throws: IDXError.self) { _ = try IDXImages(contentsOf: overflow) }
    guard case .exceedsBudget(let file, _) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(file == overflow.path)
    #expect(
      error.description.hasPrefix(
        "\(overflow.path): byte 4: the data of shape [4294967295, 4294967295, 4294967295] announced by the header needs more than the address space"
      ))
    #expect(error.description.hasSuffix("raise the budget with --memory"))
    let huge = try directory.write(
      Self.idxHeader(1 << 20, 4096, 4096) + [1, 2, 3, 4], to: "huge-idx3-ubyte")
    #expect(throws: IDXError.self) { _ = try IDXImages(contentsOf: huge) }
    let small = try directory.write(
      Self.idxHeader(1000, 28, 28) + [1, 2, 3, 4], to: "short-idx3-ubyte")
    #expect(
      throws: IDXError.truncated(file: small.path, expectedBytes: 16 + 784_000, actualBytes: 20)
    ) {
      _ = try IDXImages(contentsOf: small)
    }
  }

  /// Five images with three labels beside them.
  @Test func imagesAndLabelsOfDifferentCounts() throws {
    let directory = try TemporaryDirectory()
    let images = try directory.write(
      Self.idxHeader(5, 2, 2) + [UInt8](repeating: 7, count: 20), to: "set-images-idx3-ubyte")
    let labels = try directory.write(
      [0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3], to: "set-labels-idx1-ubyte")
    #expect(
      throws: IDXError.countMismatch(
        imagesFile: images.path, imageCount: 5, labelsFile: labels.path, labelCount: 3)
    ) {
      _ = try InputData.load(images)
    }
  }

  /// Gzip data that inflate beyond the limit (the budget, when reading a file) stop there.
  @Test func idxGzipBombStopsAtTheLimit() throws {
    let payload = Self.idxHeader(1, 1, 1) + [UInt8](repeating: 0, count: 4 << 20)
    let compressed = Data(try GzipWriter.compressed(payload, level: 9))
    let error = try #require(throws: IDXError.self) {
      _ = try IDXFile.inflateGzip(compressed, file: "bomb.gz", limit: 1 << 20)
    }
    guard case .exceedsBudget("bomb.gz", .exceeded(let what, let bytes, 1 << 20)) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(what.contains("decompressed data"))
    #expect(try #require(bytes) <= (1 << 20) + (1 << 16))
    #expect(try IDXFile.inflateGzip(compressed, file: "bomb.gz", limit: 8 << 20) == payload)
  }

  /// A small JPEG whose header claims 20000 × 20000 pixels is refused from its header.
  @Test func jpegClaimingHugeDimensionsIsRefusedFromItsHeader() throws {
    var bytes = [UInt8](
      try Data(contentsOf: TestSupport.fixture("Malformed/images/solid-16x8.jpg")))
    let frame = try #require(
      (0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
    // SOF0: FF C0, length (2), precision (1), height (2), width (2).
    bytes.replaceSubrange((frame + 5)..<(frame + 9), with: [0x4E, 0x20, 0x4E, 0x20])
    let error = try #require(throws: JPEGError.self) {
      _ = try JPEGImage(data: Data(bytes), file: "claims.jpg")
    }
    // The limit follows the memory budget, which tests of chunking change while this one runs,
    // so only the refusal and the declared size are compared.
    guard case .tooLarge(let file, let width, let height, let limit) = error else {
      Issue.record("expected tooLarge, got \(error)")
      return
    }
    #expect(file == "claims.jpg" && width == 20000 && height == 20000 && limit < 20000 * 20000)
    #expect(error.description.hasPrefix("claims.jpg: the header declares 20000×20000 pixels"))
  }
}
