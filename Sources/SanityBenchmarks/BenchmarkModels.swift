import Foundation
import SanityChecker

/// The benchmark suite's models, for workloads outside the suite (such as
/// `scripts/bench_genome_scale.sh`).
public enum BenchmarkModels {
  /// Writes the DeepSEA-shaped model (three convolutions of 320, 480 and 960 filters, width 8,
  /// max pooling 4, dense 925 and 919 outputs, input `[1000, 4]`; weights drawn uniformly with
  /// seed 11, as the DeepSEA items use) as a Keras 2 `.h5`.
  /// - Parameter url: The destination (replaced if it exists).
  /// - Throws: ``ModelFileError`` from writing.
  public static func writeDeepSEA(to url: URL) throws {
    try DeepSEAArchitecture.model().writeKeras(to: url)
  }
}
