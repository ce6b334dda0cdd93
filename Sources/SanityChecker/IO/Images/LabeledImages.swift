/// A batch of images with one class label each.
public struct LabeledImages: Sendable {
  /// The images, `[N, H, W, C]`.
  public let images: Tensor
  /// One label per image: an index into ``classes``.
  public let labels: [Int]
  /// The class identifiers in label order (for Tiny-ImageNet, WordNet ids).
  public let classes: [String]
  /// The file each image came from, in batch order.
  public let files: [String]

  /// Creates a labeled batch.
  /// - Parameters:
  ///   - images: `[N, H, W, C]`.
  ///   - labels: N labels, each in `0..<classes.count`.
  ///   - classes: The class identifiers in label order.
  ///   - files: N source files.
  public init(images: Tensor, labels: [Int], classes: [String], files: [String]) {
    precondition(
      images.shape.rank == 4 && images.batchSize == labels.count && labels.count == files.count,
      "LabeledImages: \(images.shape) images, \(labels.count) labels, \(files.count) files")
    precondition(
      labels.allSatisfy { 0 <= $0 && $0 < classes.count },
      "LabeledImages: labels must lie in 0..<\(classes.count)")
    self.images = images
    self.labels = labels
    self.classes = classes
    self.files = files
  }

  /// The number of images, N.
  public var count: Int { labels.count }
}
