import Foundation
import SanityChecker

/// Which items the findings tests explain, and a switch to print the measured numbers.
enum FindingsSample {
  /// Every item in optimized builds; every `debugStride`-th in debug builds.
  static func items(_ count: Int, debugStride: Int) -> [Int] {
    #if DEBUG
      return Array(stride(from: 0, to: count, by: debugStride))
    #else
      return Array(0..<count)
    #endif
  }

  /// The items of `[S, N, …]`, such as SmoothGrad noise, along the second axis.
  static func gathering(_ tensor: Tensor, items: [Int]) -> Tensor {
    let samples = tensor.shape[0]
    let perSample = tensor.shape.count / samples
    let batch = tensor.shape[1]
    let width = perSample / batch
    var dimensions = tensor.shape.dimensions
    dimensions[1] = items.count
    return Tensor(shape: Shape(dimensions)) { out in
      tensor.withUnsafeBufferPointer { x in
        for sample in 0..<samples {
          for (row, item) in items.enumerated() {
            for j in 0..<width {
              out[(sample * items.count + row) * width + j] =
                x[sample * perSample + item * width + j]
            }
          }
        }
      }
    }
  }

  /// The mean of the finite values (numpy's `nanmean`), NaN when there are none.
  static func nanMean(_ values: [Double]) -> Double {
    let finite = values.filter(\.isFinite)
    return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
  }

  /// Whether to print the measured numbers (`SANITY_PRINT_FINDINGS=1`), as docs/findings.md quotes them.
  static let isPrinting = ProcessInfo.processInfo.environment["SANITY_PRINT_FINDINGS"] == "1"

  /// Prints a line of measured numbers when ``isPrinting``.
  static func record(_ line: @autoclosure () -> String) {
    if isPrinting { print("FINDING \(line())") }
  }
}
