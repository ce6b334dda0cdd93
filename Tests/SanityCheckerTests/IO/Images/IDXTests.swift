import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct IDXTests {
  static func fixture(_ name: String) -> URL { TestSupport.fixture("Malformed/images/\(name)") }

  /// The fixture's bytes are 0, 51, …, 255 then the reverse; `.unit` divides by 255.
  @Test(arguments: ["tiny-images-idx3-ubyte", "tiny-images-idx3-ubyte.gz"])
  func readsPlainAndGzipImages(name: String) throws {
    let images = try IDXImages(contentsOf: Self.fixture(name))
    #expect((images.count, images.rows, images.columns) == (2, 2, 3))
    let raw = images.tensor(scaling: .raw)
    #expect(raw.shape == [2, 2, 3, 1])
    #expect(raw.scalars == [0, 51, 102, 153, 204, 255, 255, 204, 153, 102, 51, 0])
    let unit = images.tensor(scaling: .unit)
    #expect(unit.scalars == raw.scalars.map { $0 / 255 })
    #expect(images.tensor(1..<2, scaling: .raw).scalars == Array(raw.scalars[6...]))
  }

  @Test func pairsImagesWithLabels() throws {
    let dataset = try IDXDataset(
      images: Self.fixture("tiny-images-idx3-ubyte"),
      labels: Self.fixture("tiny-labels-idx1-ubyte"),
      scaling: .unit)
    #expect(dataset.labels == [7, 2])
    #expect(dataset.images.shape == [2, 2, 3, 1])
    #expect(dataset.images[0, 1, 2, 0] == 1)
  }

  static let imageErrors: [(String, @Sendable (String) -> IDXError)] = [
    (
      "little-endian-magic-idx3-ubyte", { .badMagic(file: $0, found: 0x0308_0000, expected: 0x803) }
    ),
    ("tiny-labels-idx1-ubyte", { .badMagic(file: $0, found: 0x801, expected: 0x803) }),
    ("truncated-images-idx3-ubyte", { .truncated(file: $0, expectedBytes: 28, actualBytes: 23) }),
    ("truncated-header-idx3-ubyte", { .truncated(file: $0, expectedBytes: 16, actualBytes: 10) }),
    ("trailing-bytes-idx3-ubyte", { .trailingBytes(file: $0, expectedBytes: 28, actualBytes: 30) }),
    (
      "truncated-images-idx3-ubyte.gz",
      { .corruptGzip(file: $0, reason: "unexpected end of compressed data") }
    ),
    ("no-such-file-idx3-ubyte", { .unreadable(file: $0, reason: "") }),
  ]

  /// Each malformed file throws its case, and the message names the file and gives a remedy.
  @Test(arguments: imageErrors.indices)
  func malformedImagesFail(index: Int) {
    let (name, expected) = Self.imageErrors[index]
    let url = Self.fixture(name)
    #expect {
      _ = try IDXImages(contentsOf: url)
    } throws: { error in
      guard let error = error as? IDXError else { return false }
      let message = error.description
      #expect(message.hasPrefix(url.path + ":"), "\(message)")
      #expect(message.contains(";"), "a remedy follows the problem: \(message)")
      if case .unreadable = error, case .unreadable = expected(url.path) { return true }
      return error == expected(url.path)
    }
  }

  @Test func labelsFileWithImagesMagicFails() {
    let url = Self.fixture("tiny-images-idx3-ubyte")
    #expect(throws: IDXError.badMagic(file: url.path, found: 0x803, expected: 0x801)) {
      _ = try IDXLabels(contentsOf: url)
    }
    let message = IDXError.badMagic(file: url.path, found: 0x803, expected: 0x801).description
    #expect(message.contains("this is an images file; pass the labels file"))
  }

  @Test func countMismatchNamesBothFiles() throws {
    let images = Self.fixture("tiny-images-idx3-ubyte")
    let labels = Self.fixture("three-labels-idx1-ubyte")
    let error = try #require(throws: IDXError.self) {
      _ = try IDXDataset(images: images, labels: labels, scaling: .raw)
    }
    #expect(
      error
        == .countMismatch(
          imagesFile: images.path, imageCount: 2, labelsFile: labels.path, labelCount: 3))
    #expect(error.description.contains(images.path) && error.description.contains(labels.path))
  }
}
