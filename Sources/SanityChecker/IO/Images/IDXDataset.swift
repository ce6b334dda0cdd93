import Foundation

/// An IDX images file paired with its labels file, checked to hold the same number of items.
///
/// ```swift
/// let test = try IDXDataset(
///   images: data.appending(path: "t10k-images-idx3-ubyte.gz"),
///   labels: data.appending(path: "t10k-labels-idx1-ubyte.gz"), scaling: .unit)
/// test.images.shape   // [10000, 28, 28, 1]
/// ```
public struct IDXDataset: Sendable {
  /// The images, `[N, H, W, 1]`, scaled as requested.
  public let images: Tensor
  /// One label per image.
  public let labels: [Int]
  /// The scaling the images were read with.
  public let scaling: PixelScaling

  /// Reads and pairs an images file and a labels file.
  /// - Parameters:
  ///   - images: The IDX images file (`0x00000803`).
  ///   - labels: The IDX labels file (`0x00000801`).
  ///   - scaling: How bytes become scalars; state it, since models differ.
  /// - Throws: ``IDXError`` naming the file, including
  ///   ``IDXError/countMismatch(imagesFile:imageCount:labelsFile:labelCount:)``.
  public init(images: URL, labels: URL, scaling: PixelScaling) throws(IDXError) {
    let imageFile = try IDXImages(contentsOf: images)
    let labelFile = try IDXLabels(contentsOf: labels)
    guard imageFile.count == labelFile.count else {
      throw .countMismatch(
        imagesFile: imageFile.file, imageCount: imageFile.count,
        labelsFile: labelFile.file, labelCount: labelFile.count)
    }
    self.images = imageFile.tensor(scaling: scaling)
    self.labels = labelFile.labels
    self.scaling = scaling
  }

  /// The number of items, N.
  public var count: Int { labels.count }
}
