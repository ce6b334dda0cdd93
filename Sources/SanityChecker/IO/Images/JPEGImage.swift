import CJPEG
import Foundation

/// An 8-bit RGB image decoded from a JPEG file with libjpeg-turbo.
///
/// Grayscale JPEGs (one component) are expanded to three equal channels, so every image
/// has the same layout. Damaged data is an error: libjpeg would otherwise fill a truncated
/// image with gray and only warn, which would silently poison a sanity check.
public struct JPEGImage: Sendable {
  /// The file's path (or the name given for in-memory data), for messages.
  public let file: String
  /// The width, W.
  public let width: Int
  /// The height, H.
  public let height: Int
  /// Whether the file stored a single (gray) component, expanded to three equal channels.
  public let isGrayscale: Bool
  /// The pixels, `H × W × 3` bytes (R, G, B), row-major.
  public let pixels: [UInt8]

  /// The most pixels an image may have: 2²⁶ (8192 × 8192).
  ///
  /// That is far above the 64 × 64 to 512 × 512 images attribution models take. The header's
  /// size is checked before anything is decoded, so a 2 kB file claiming 20000 × 20000 pixels
  /// is refused without allocating 1.2 GB.
  public static let maximumPixels = 1 << 26

  /// Reads and decodes a JPEG file.
  /// - Parameter url: The file.
  /// - Throws: ``JPEGError`` naming the file.
  public init(contentsOf url: URL) throws(JPEGError) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: url.path, reason: (error as NSError).localizedDescription)
    }
    try self.init(data: data, file: url.path)
  }

  /// Decodes JPEG bytes held in memory.
  ///
  /// The header's width × height is checked against ``maximumPixels`` and the memory budget
  /// (3 bytes per pixel decoded, 12 as a tensor) before decompressing.
  /// - Parameters:
  ///   - data: The JPEG file's bytes.
  ///   - file: The name to use in error messages.
  /// - Throws: ``JPEGError`` naming `file`, ``JPEGError/tooLarge(file:width:height:maximumPixels:)``
  ///   for an image over the limit.
  public init(data: Data, file: String) throws(JPEGError) {
    var image = shim_jpeg_image()
    let bytesPerPixel = 3 + 3 * MemoryLayout<Float>.stride
    let limit = min(Self.maximumPixels, MemoryBudget.current.bytes / bytesPerPixel)
    let status = data.withUnsafeBytes { bytes in
      shim_jpeg_decode_rgb(
        bytes.bindMemory(to: UInt8.self).baseAddress, UInt(bytes.count), UInt64(limit), &image)
    }
    let message = withUnsafeBytes(of: &image.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    switch Int(status) {
    case Int(SHIM_JPEG_OK.rawValue):
      break
    case Int(SHIM_JPEG_CORRUPT.rawValue):
      throw .corrupt(file: file, reason: message)
    case Int(SHIM_JPEG_UNSUPPORTED.rawValue):
      throw .unsupported(file: file, reason: message)
    case Int(SHIM_JPEG_TOO_LARGE.rawValue):
      throw .tooLarge(
        file: file, width: Int(image.width), height: Int(image.height), maximumPixels: limit)
    case Int(SHIM_JPEG_NO_MEMORY.rawValue):
      throw .invalid(file: file, reason: "out of memory")
    default:
      throw .invalid(file: file, reason: message)
    }
    defer { shim_jpeg_free(image.pixels) }
    let count = Int(image.width) * Int(image.height) * 3
    self.file = file
    self.width = Int(image.width)
    self.height = Int(image.height)
    self.isGrayscale = image.components == 1
    self.pixels = image.pixels.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  }

  /// The image as a tensor.
  /// - Parameter scaling: How bytes become scalars (``PixelScaling/unit`` divides by 255).
  /// - Returns: `[H, W, 3]`, channels-last (R, G, B).
  public func tensor(scaling: PixelScaling) -> Tensor {
    Tensor(shape: [height, width, 3]) { output in
      pixels.withUnsafeBufferPointer { scaling.convert($0, into: output) }
    }
  }
}
