import SanityChecker
import Testing

@Suite struct HOGTests {
  /// A 32 × 32 test image: a thick diagonal stroke and a ring, values 0 and 1.
  static let image: Tensor = {
    var pixels = [Float](repeating: 0, count: 32 * 32)
    for row in 0..<32 {
      for column in 0..<32 {
        let squaredRadius = (row - 16) * (row - 16) + (column - 10) * (column - 10)
        if abs(row - column) <= 1 || (36...64).contains(squaredRadius) {
          pixels[row * 32 + column] = 1
        }
      }
    }
    return Tensor(shape: [32, 32], scalars: pixels)
  }()

  /// The image moved `offset` columns to the right, zeros entering on the left.
  static func shifted(_ image: Tensor, by offset: Int) -> Tensor {
    var out = Tensor(shape: image.shape)
    for row in 0..<32 {
      for column in offset..<32 { out[row, column] = image[row, column - offset] }
    }
    return out
  }

  /// A 3 × 3 box blur (edges averaged over the pixels inside the image).
  static func blurred(_ image: Tensor) -> Tensor {
    var out = Tensor(shape: image.shape)
    for row in 0..<32 {
      for column in 0..<32 {
        var (sum, count) = (Float(0), Float(0))
        for r in max(0, row - 1)...min(31, row + 1) {
          for c in max(0, column - 1)...min(31, column + 1) {
            sum += image[r, c]
            count += 1
          }
        }
        out[row, column] = sum / count
      }
    }
    return out
  }

  /// `skimage.feature.hog` (0.26.0, defaults with 3 × 3 cells per block, L2-Hys) of the first
  /// four MNIST saliency maps, min-max scaled in float64 (fixture from the generator script).
  @Test func featuresMatchSkimage() throws {
    let fixtures = try MetricFixtures.load()
    let extras = try #require(fixtures.mnist.extras)
    let entry = try #require(fixtures.mnist.methods[extras.method])
    let maps = try MetricFixtures.maps(
      try #require(entry.stacks["original"]), shape: entry.mapShape)
    for (sample, expected) in extras.hogFeatures.enumerated() {
      let values = maps[sample].scalars.map(Double.init)
      let (low, high) = (values.min() ?? 0, values.max() ?? 0)
      let scaled = values.map { ($0 - low) / (high - low) }
      let features = try #require(HOGDescriptor().features(of: scaled, rows: 28, columns: 28))
      #expect(features.count == 81)
      let difference = zip(features, expected).map { abs($0 - $1) }.max() ?? .infinity
      #expect(difference < 1e-12, "sample \(sample): max |difference| \(difference)")
    }
  }

  /// scipy `spearmanr` of skimage HOG features, original vs randomized MNIST saliency.
  @Test func similarityMatchesSkimageAndScipy() throws {
    let fixtures = try MetricFixtures.load()
    let extras = try #require(fixtures.mnist.extras)
    let entry = try #require(fixtures.mnist.methods[extras.method])
    let originals = try MetricFixtures.maps(
      try #require(entry.stacks["original"]), shape: entry.mapShape)
    let randomized = try MetricFixtures.maps(
      try #require(entry.stacks[extras.group]), shape: entry.mapShape)
    for (sample, expected) in extras.hogSpearman.enumerated() {
      let score = try #require(HOGSimilarity().score(originals[sample], randomized[sample]))
      #expect(
        abs(score - (expected ?? .nan)) < 1e-9,
        "sample \(sample): \(score) vs \(String(describing: expected))")
    }
  }

  @Test func imageIsMostSimilarToItself() throws {
    let metric = HOGSimilarity()
    let image = Self.image
    #expect(metric.score(image, image) == 1)
    let shifted = try #require(metric.score(image, Self.shifted(image, by: 3)))
    let blurred = try #require(metric.score(image, Self.blurred(image)))
    #expect(shifted < 0.9, "shifted by 3: \(shifted)")
    #expect(blurred < 0.99, "blurred: \(blurred)")
    let pearson = HOGSimilarity(correlation: .pearson)
    #expect(pearson.score(image, image) == 1)
    #expect(try #require(pearson.score(image, Self.shifted(image, by: 3))) < 0.9)
  }

  @Test func invariances() throws {
    let image = Self.image
    let moved = image.scaled(by: 7).linearCombination(1, Tensor(shape: [32, 32], repeating: -2), 1)
    #expect(HOGSimilarity().score(image, moved) == 1)
    #expect(HOGSimilarity().score(image, image.scaled(by: -1)) == 1)
    #expect(
      HOGDescriptor().features(of: image)
        == HOGDescriptor().features(of: image.reshaped([32, 32, 1])))
  }

  @Test func mapsWithoutFeaturesGiveNil() {
    let dna = Tensor(shape: [101, 4], repeating: 1)
    #expect(HOGSimilarity().score(dna, dna) == nil)
    #expect(HOGDescriptor().features(of: Tensor(shape: [23, 40])) == nil)
    #expect(HOGSimilarity().score(Self.image, Tensor(shape: [32, 32])) == nil)
    #expect(
      HOGDescriptor(pixelsPerCell: 4, cellsPerBlock: 2).features(of: Self.image)?.count == 7 * 7 * 4
        * 9)
  }
}
