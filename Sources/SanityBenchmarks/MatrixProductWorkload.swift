import SanityChecker

/// The sgemm item: `C = A·B` for random 2048 × 2048 matrices through ``SanityChecker/BLAS``.
///
/// The rows of `C` are cut into fixed blocks of 256 computed in parallel with
/// ``SanityChecker/Parallel/mapChunks(count:chunkSize:_:)`` (OpenBLAS itself stays
/// single-threaded), which is how the library uses BLAS.
struct MatrixProductWorkload {
  /// The matrix order `n`.
  let order: Int
  let a: [Float]
  let b: [Float]

  /// Draws the matrices (seed 2024).
  /// - Parameter options: The workload scale (n = 2048 at scale 1).
  init(options: BenchmarkOptions) {
    order = options.scaled(2048, minimum: 64)
    var generator = SeededGenerator(seed: 2024)
    a = (0..<(order * order)).map { _ in generator.uniform(-1, 1) }
    b = (0..<(order * order)).map { _ in generator.uniform(-1, 1) }
  }

  /// One product per run; 2n³ FLOPs.
  func measurement() -> Measurement {
    let (n, a, b) = (order, a, b)
    return Measurement(items: 1, flopsPerItem: 2 * Double(n) * Double(n) * Double(n)) {
      let blocks = Parallel.mapChunks(count: n, chunkSize: 256) { rows in
        [Float](unsafeUninitializedCapacity: rows.count * n) { c, count in
          a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
              BLAS.gemm(
                m: rows.count, n: n, k: n,
                a: UnsafeBufferPointer(rebasing: a[(rows.lowerBound * n)...]),
                b: b, c: c)
            }
          }
          count = rows.count * n
        }
      }
      precondition(blocks.count == (n + 255) / 256, "sgemm: \(blocks.count) blocks")
    }
  }
}
