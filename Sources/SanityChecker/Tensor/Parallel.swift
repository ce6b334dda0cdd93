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

  /// A thread count in force for one task (and the chunks it runs) instead of the process's:
  /// `Parallel.$scopedThreadCount.withValue(2) { … }` changes no other task's count.
  @TaskLocal static var scopedThreadCount: Int?

  /// The number of threads batch work may use (default: the active processor count), or the
  /// task's scoped count where one is set.
  public static var threadCount: Int {
    get {
      if let scoped = scopedThreadCount { return max(1, scoped) }
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
    mapChunks(count: count, chunkSize: chunkSize, bytesPerChunk: 0, body)
  }

  /// Computes `body` over the chunks of `0..<count`, with no more chunks in flight than
  /// ``MemoryBudget/current`` holds, and returns the results in chunk order.
  ///
  /// The budget only caps how many chunks run at once (``workers(chunks:bytesPerChunk:)``, at
  /// least one); chunk boundaries are the caller's, so the results are the same for any budget.
  /// - Parameters:
  ///   - count: The number of items.
  ///   - chunkSize: Items per chunk (the last chunk may be shorter); fixed by the caller.
  ///   - bytesPerChunk: The memory one chunk holds while it runs (0: no cap).
  ///   - body: Computes one chunk from its item range.
  /// - Returns: One result per chunk, in order.
  public static func mapChunks<Result: Sendable>(
    count: Int, chunkSize: Int, bytesPerChunk: Int, _ body: @Sendable (Range<Int>) -> Result
  ) -> [Result] {
    let size = max(1, chunkSize)
    let chunks = (count + size - 1) / size
    guard chunks > 0 else { return [] }
    let slots = Mutex([Result?](repeating: nil, count: chunks))
    let workers = workers(chunks: chunks, bytesPerChunk: bytesPerChunk)
    // The outermost call lends every thread without a chunk to the running chunks' products,
    // and a model pass (one that states its chunks' memory) with fewer chunks than threads
    // starts threads for that alone; nested calls share the outermost call's idle workers.
    let enclosing = IdleWorkers.current
    let idle = enclosing ?? IdleWorkers(chunks: chunks)
    let threads = enclosing == nil && bytesPerChunk > 0 ? max(workers, threadCount) : workers
    let next = Atomic<Int>(0)
    // Dispatch threads do not see task-local values: the caller's scoped settings are bound
    // again in each worker, so nested chunking reads the same budget and thread count.
    let (budget, scopedThreads) = (MemoryBudget.scoped, scopedThreadCount)
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      MemoryBudget.$scoped.withValue(budget) {
        $scopedThreadCount.withValue(scopedThreads) {
          IdleWorkers.$current.withValue(idle) {
            while thread < workers {
              let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
              guard chunk < chunks else { break }
              let range = (chunk * size)..<min(count, (chunk + 1) * size)
              let result = body(range)
              slots.withLock { $0[chunk] = result }
              if enclosing == nil { idle.chunkEnded() }
            }
            if enclosing == nil { idle.help() }
          }
        }
      }
    }
    return slots.withLock { $0.compactMap { $0 } }
  }

  /// The chunks run at once: the thread count, at most the number of chunks and at most the
  /// chunks whose memory fits in half of ``MemoryBudget/current`` (the rest is left to the
  /// inputs, the results and the model), at least 1.
  /// - Parameters:
  ///   - chunks: The number of chunks.
  ///   - bytesPerChunk: The memory one chunk holds (0: no cap).
  /// - Returns: The number of workers.
  public static func workers(chunks: Int, bytesPerChunk: Int) -> Int {
    let fitting =
      bytesPerChunk > 0 ? MemoryBudget.current.items(each: bytesPerChunk, share: 0.5) : Int.max
    return max(1, min(threadCount, chunks, fitting))
  }
}
