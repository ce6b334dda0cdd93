import Foundation

/// A stack of 8-bit grayscale images read from an IDX file (MNIST, Fashion-MNIST).
///
/// The file is `0x00000803` (unsigned bytes, 3 dimensions) followed by `N`, rows and
/// columns as big-endian 32-bit integers, then `N × rows × columns` bytes. Gzip-compressed
/// files (`*.gz`) are recognized by their header and inflated in memory.
///
/// ```swift
/// let images = try IDXImages(contentsOf: url)
/// let batch = images.tensor(scaling: .unit)   // [N, 28, 28, 1], values in [0, 1]
/// ```
public struct IDXImages: Sendable {
  /// The file's path, for messages.
  public let file: String
  /// The number of images, N.
  public let count: Int
  /// The height of each image, H.
  public let rows: Int
  /// The width of each image, W.
  public let columns: Int
  /// The pixels, `N × H × W` bytes in row-major order.
  public let pixels: [UInt8]

  /// Reads an IDX images file.
  /// - Parameter url: The file, plain or gzip-compressed.
  /// - Throws: ``IDXError`` naming the file: unreadable, corrupt gzip, wrong magic number,
  ///   truncated payload or trailing bytes.
  public init(contentsOf url: URL) throws(IDXError) {
    let idx = try IDXFile(contentsOf: url, magic: IDXFile.imagesMagic)
    self.file = url.path
    self.count = idx.dimensions[0]
    self.rows = idx.dimensions[1]
    self.columns = idx.dimensions[2]
    self.pixels = idx.payload
  }

  /// The images as a tensor.
  /// - Parameter scaling: How bytes become scalars (``PixelScaling/unit`` divides by 255).
  /// - Returns: `[N, H, W, 1]`, channels-last.
  public func tensor(scaling: PixelScaling) -> Tensor {
    Tensor(shape: [count, rows, columns, 1]) { output in
      pixels.withUnsafeBufferPointer { scaling.convert($0, into: output) }
    }
  }

  /// The images `range` as a tensor.
  /// - Parameters:
  ///   - range: Image indices, within `0..<count`.
  ///   - scaling: How bytes become scalars.
  /// - Returns: `[range.count, H, W, 1]`.
  public func tensor(_ range: Range<Int>, scaling: PixelScaling) -> Tensor {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= count,
      "IDXImages.tensor: range \(range) outside 0..<\(count)")
    let size = rows * columns
    return Tensor(shape: [range.count, rows, columns, 1]) { output in
      pixels.withUnsafeBufferPointer { bytes in
        let slice = UnsafeBufferPointer(
          rebasing: bytes[(range.lowerBound * size)..<(range.upperBound * size)])
        scaling.convert(slice, into: output)
      }
    }
  }
}
