import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct JPEGImageTests {
  static func fixture(_ name: String) -> URL { TestSupport.fixture("Malformed/images/\(name)") }

  /// A solid color survives quality-100 JPEG within ±2 per channel (chroma rounding).
  @Test func decodesSolidColor() throws {
    let image = try JPEGImage(contentsOf: Self.fixture("solid-16x8.jpg"))
    #expect((image.width, image.height, image.isGrayscale) == (16, 8, false))
    let tensor = image.tensor(scaling: .raw)
    #expect(tensor.shape == [8, 16, 3])
    for (channel, value) in [Float(200), 30, 90].enumerated() {
      let values = stride(from: channel, to: tensor.scalars.count, by: 3).map { tensor.scalars[$0] }
      #expect(values.allSatisfy { abs($0 - value) <= 2 }, "channel \(channel)")
    }
    let unit = image.tensor(scaling: .unit)
    #expect(unit.scalars == tensor.scalars.map { $0 / 255 })
  }

  @Test func expandsGrayscaleToThreeEqualChannels() throws {
    let image = try JPEGImage(contentsOf: Self.fixture("gray-8x8.jpg"))
    #expect(image.isGrayscale)
    let tensor = image.tensor(scaling: .raw)
    #expect(tensor.shape == [8, 8, 3])
    #expect(tensor.scalars.allSatisfy { abs($0 - 77) <= 1 })
    for pixel in 0..<64 {
      #expect(tensor.scalars[3 * pixel] == tensor.scalars[3 * pixel + 1])
      #expect(tensor.scalars[3 * pixel] == tensor.scalars[3 * pixel + 2])
    }
  }

  static let failures: [(String, String)] = [
    ("truncated.jpg", "corrupt"), ("not-a-jpeg.jpg", "invalid"), ("empty.jpg", "invalid"),
    ("cmyk.jpg", "unsupported"), ("missing.jpg", "unreadable"),
  ]

  /// Each damaged file throws its case; the message names the file and ends with a remedy.
  @Test(arguments: failures)
  func damagedFilesFail(name: String, kind: String) throws {
    let url = Self.fixture(name)
    let error = try #require(throws: JPEGError.self) { _ = try JPEGImage(contentsOf: url) }
    let found: String
    switch error {
    case .corrupt(let file, _): found = file == url.path ? "corrupt" : "wrong file"
    case .invalid(let file, _): found = file == url.path ? "invalid" : "wrong file"
    case .unsupported(let file, _): found = file == url.path ? "unsupported" : "wrong file"
    case .unreadable(let file, _): found = file == url.path ? "unreadable" : "wrong file"
    case .unexpectedSize: found = "unexpectedSize"
    case .tooLarge: found = "tooLarge"
    }
    #expect(found == kind, "\(error)")
    #expect(error.description.hasPrefix(url.path + ": "))
    #expect(error.description.contains("; "), "a remedy follows: \(error)")
  }

  @Test func truncatedFileReportsLibjpegWarning() throws {
    let url = Self.fixture("truncated.jpg")
    let error = try #require(throws: JPEGError.self) { _ = try JPEGImage(contentsOf: url) }
    #expect(error.description.contains("Premature end of JPEG file"), "\(error)")
  }

  @Test func inMemoryDataNamesTheGivenFile() throws {
    let error = try #require(throws: JPEGError.self) {
      _ = try JPEGImage(data: Data("GIF89a".utf8), file: "upload.jpg")
    }
    #expect(error.description.hasPrefix("upload.jpg: not a readable JPEG ("), "\(error)")
  }
}
