import Foundation
import Testing

@testable import SanityChecker

/// Products cut into blocks for idle chunk workers (``IdleWorkers``) equal the whole product bit
/// for bit. (Chunked passes with threads to spare: `ChunkedExplainerTests`,
/// `WideDenseForwardTests`.)
@Suite struct IdleWorkersTests {
  /// Shapes cut by rows (at least 1,024 rows) and by columns (fewer rows, at least 384 columns),
  /// with tails that are not whole blocks.
  static let shapes: [(m: Int, n: Int, k: Int)] = [(1_100, 70, 64), (40, 1_000, 200)]

  /// Runs `body` as the chunk of a call whose other thread helps, once that thread waits for
  /// blocks; fails when it never does.
  static func withHelper<Result>(_ body: () -> Result) throws -> Result {
    let idle = IdleWorkers(chunks: 1)
    Thread { idle.help() }.start()
    let deadline = Date().addingTimeInterval(30)
    while !idle.hasHelpers && Date() < deadline { usleep(100) }
    defer { idle.chunkEnded() }
    try #require(idle.hasHelpers, "the helper thread never started")
    return IdleWorkers.$current.withValue(idle, operation: body)
  }

  static func product(
    _ shape: (m: Int, n: Int, k: Int), transposeA: Bool, transposeB: Bool, beta: Float
  ) -> [Float] {
    let a = GEMMKernelTests.random(shape.m * shape.k, seed: 11)
    let b = GEMMKernelTests.random(shape.k * shape.n, seed: 12)
    var c = GEMMKernelTests.random(shape.m * shape.n, seed: 13)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          BLAS.gemm(
            kernel: .preferred, transposeA: transposeA, transposeB: transposeB, m: shape.m,
            n: shape.n, k: shape.k, alpha: -0.5, a: a, b: b, beta: beta, c: c)
        }
      }
    }
    return c
  }

  @Test(arguments: [false, true], [false, true])
  func blockedProductEqualsWholeProduct(transposeA: Bool, transposeB: Bool) throws {
    for shape in Self.shapes {
      for beta: Float in [0, 0.5] {
        let whole = Self.product(shape, transposeA: transposeA, transposeB: transposeB, beta: beta)
        let blocked = try Self.withHelper {
          Self.product(shape, transposeA: transposeA, transposeB: transposeB, beta: beta)
        }
        #expect(blocked == whole, "\(shape) beta \(beta)")
      }
    }
  }

  /// The window-row product (overlapping rows read in place) cut into blocks.
  @Test(arguments: [false, true])
  func blockedWindowRowProductEqualsWholeProduct(transposeB: Bool) throws {
    for (m, n, k) in Self.shapes {
      let signal = GEMMKernelTests.random(m * 4 + k, seed: 21)
      let b = GEMMKernelTests.random(k * n, seed: 22)
      let rowStarts = (0..<m).map { $0 * 4 }
      func product() -> [Float]? {
        var c = [Float](repeating: .nan, count: m * n)
        let done = signal.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            c.withUnsafeMutableBufferPointer { c in
              BLAS.gemm(
                rowsOf: a, rowStarts: rowStarts, transposeB: transposeB, n: n, k: k, b: b, c: c)
            }
          }
        }
        return done ? c : nil
      }
      guard let whole = product() else { return }  // no `CKernels` kernel on this processor
      let blocked = try Self.withHelper { product() }
      #expect(blocked == whole, "\(m)x\(n)x\(k)")
    }
  }
}
