import Foundation
import Dispatch
import Synchronization

/// Batch parallelism over fixed-size chunks with Dispatch.
///
/// Work is cut into chunks whose size never depends on the thread count, each chunk is
/// computed by exactly the same code, and results are gathered in chunk order. Results are
/// therefore bit-identical for any number of threads.
public enum Parallel {
  private static let configuredThreads = Mutex(0)

  /// The number of threads batch work may use (default: the active processor count).
  public static var threadCount: Int {
    get {
      let configured = configuredThreads.withLock { $0 }
      return configured > 0 ? configured : ProcessInfo.processInfo.activeProcessorCount
    }
    set { configuredThreads.withLock { $0 = max(1, newValue) } }
  }

  /// Computes `body` over the chunks of `0..<count` and returns the results in chunk order.
  /// - Parameters:
  ///   - count: The number of items.
  ///   - chunkSize: Items per chunk (the last chunk may be shorter); fixed by the caller.
  ///   - body: Computes one chunk from its item range.
  /// - Returns: One result per chunk, in order.
  public static func mapChunks<Result: Sendable>(
    count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>) -> Result
  ) -> [Result] {
    let size = max(1, chunkSize)
    let chunks = (count + size - 1) / size
    guard chunks > 0 else { return [] }
    let slots = Mutex([Result?](repeating: nil, count: chunks))
    let workers = min(threadCount, chunks)
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard chunk < chunks else { return }
        let range = (chunk * size)..<min(count, (chunk + 1) * size)
        let result = body(range)
        slots.withLock { $0[chunk] = result }
      }
    }
    return slots.withLock { $0.compactMap { $0 } }
  }
}
