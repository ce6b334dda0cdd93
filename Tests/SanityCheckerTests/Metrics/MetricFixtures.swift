import Foundation
import SanityChecker
import SanityTestSupport

/// The golden metric fixtures in `Tests/Fixtures/Metrics/` (made by
/// `scripts/fixtures/make_metric_fixtures.py` from the shared golden files).
struct MetricFixtures: Decodable {
  /// One attribution method of one data set.
  struct Method: Decodable {
    /// The shape of one map, without the sample axis.
    let mapShape: [Int]
    /// The SSIM window of the reference.
    let ssimWindow: Int
    /// File names of the map stacks: `"original"` and one per randomized group.
    let stacks: [String: String]
    /// Stored metrics per group, per metric name; `nil` where scipy gave NaN.
    let metrics: [String: [String: [Double?]]]

    enum CodingKeys: String, CodingKey {
      case mapShape = "map_shape"
      case ssimWindow = "ssim_window"
      case stacks, metrics
    }
  }

  /// References computed by the generator with skimage (MNIST saliency only).
  struct Extras: Decodable {
    let group: String
    let method: String
    let ssimGaussian: [Double?]
    let hogFeatures: [[Double]]
    let hogSpearman: [Double?]

    enum CodingKeys: String, CodingKey {
      case group, method
      case ssimGaussian = "ssim_gaussian_sigma_1.5"
      case hogFeatures = "hog_features_first_4_originals"
      case hogSpearman = "hog_spearman"
    }
  }

  /// One data set (DNA or MNIST).
  struct DataSet: Decodable {
    let source: String
    let samples: Int
    let methods: [String: Method]
    let extras: Extras?
  }

  let dna: DataSet
  let mnist: DataSet
  let groups: [String: [String]]

  /// Loads `manifest.json`.
  static func load() throws -> MetricFixtures {
    let data = try Data(contentsOf: TestSupport.fixture("Metrics/manifest.json"))
    return try JSONDecoder().decode(MetricFixtures.self, from: data)
  }

  /// The maps of one stack file, one tensor of `shape` per sample.
  static func maps(_ file: String, shape: [Int]) throws -> [Tensor] {
    let data = try Data(contentsOf: TestSupport.fixture("Metrics/" + file))
    let scalars = data.withUnsafeBytes { raw in
      (0..<(raw.count / 4)).map {
        Float(
          bitPattern: UInt32(
            littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)))
      }
    }
    let size = shape.reduce(1, *)
    return stride(from: 0, to: scalars.count, by: size).map {
      Tensor(shape: Shape(shape), scalars: Array(scalars[$0..<($0 + size)]))
    }
  }
}
